"""The coded city: codes are sorted whatever order tables are read in, events keep their order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from fanzha.detect.city import load_city, without_registry_dates
from fanzha.detect.vocabulary import Vocabulary
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity


def test_vocabulary_codes_in_sorted_order() -> None:
    vocab = Vocabulary()
    first = vocab.code(pl.Series(["b", None, "d", "b"]))
    second = vocab.code(pl.Series(["a", "d", "c"]))
    lookup = vocab.code(pl.Series(["c", "z"]), grow=False)
    values = vocab.seal()
    assert values.to_list() == ["a", "b", "c", "d"]
    assert vocab.final(first).tolist() == [1, -1, 3, 1]
    assert vocab.final(second).tolist() == [0, 3, 2]
    assert vocab.final(lookup).tolist() == [2, -1]
    with pytest.raises(RuntimeError, match="sealed"):
        vocab.code(pl.Series(["e"]))


def _city() -> TinyCity:
    return TinyCity(
        persons=[("P2", "360102", 1990, "F"), ("P1", "360103", 1960, "M")],
        phones=[
            ("13900000002", "P2", "voip", None),
            ("13900000001", "P1", "mobile", START - 400 * 24 * HOUR),
        ],
        accounts=[
            ("A2", "P1", "ICBC", "merchant", None),
            ("A1", "P1", "ICBC", "personal", START - 100 * 24 * HOUR),
            ("A3", "P7", "CCB", "personal", None),  # a holder the registries do not know
        ],
        calls=[
            ("C2", START + HOUR, "13800000009", "13900000001", 30),
            ("C1", START + HOUR, "13900000002", "13900000001", 0),
        ],
        sms=[("S1", START + HOUR, "95588", "13900000002", "bank.example")],
        net=[
            ("N2", START + 2 * HOUR, "13900000001", "app_install", "zz.app"),
            ("N1", START + 2 * HOUR, "13900000002", "url_visit", "bank.example"),
        ],
        transfers=[("T1", START + 3 * HOUR, "A1", "A0", 12_345, "mobile")],
        reports=[("R1", START + 5 * HOUR, "P1", ["A0", "A2"], 12_345)],
        lists={"numbers": [("13800000009", START, "MIIT")], "apps": [("aa.app", START, "x")]},
    )


def test_load_city_codes_and_orders(tmp_path: Path) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city"), keep_tables=False))
    assert city.persons.to_list() == ["P1", "P2"]
    assert city.numbers.to_list() == ["13800000009", "13900000001", "13900000002", "95588"]
    assert city.accounts.to_list() == ["A0", "A1", "A2", "A3"]
    assert city.domains.to_list() == ["bank.example"]
    assert city.apps.to_list() == ["aa.app", "zz.app"]
    # Kinds index the sorted kind names (landline, mobile, overseas, service, voip).
    assert city.number_kind.tolist() == [-1, 1, 4, -1]
    assert city.number_holder.tolist() == [-1, 0, 1, -1]
    assert city.number_activated[1] == START - 400 * 24 * HOUR
    assert city.account_holder.tolist() == [-1, 0, 0, -1]
    assert city.holder_cards.tolist() == [0, 2, 2, 0]
    assert city.person_birth_year.tolist() == [1960, 1990]
    # Same second: calls before SMS, then by event id.
    c = city.contacts
    assert c.src.tolist() == [2, 0, 3]
    assert c.is_sms.tolist() == [0, 0, 1]
    assert c.duration.tolist() == [0, 30, 0]
    assert c.domain.tolist() == [-1, -1, 0]
    assert city.net.number.tolist() == [2, 1]  # N1 before N2
    assert city.net.target.tolist() == [0, 1]  # a domain code, then an app code
    assert city.transfers.src.tolist() == [1]
    assert city.transfers.dst.tolist() == [0]
    assert np.allclose(city.transfers.amount, [123.45])
    assert city.report_account.tolist() == [0, 2]
    assert city.report_person.tolist() == [0, 0]  # P1 named both
    assert city.lists.numbers[0].tolist() == [0]
    assert city.lists.apps[0].tolist() == [0]
    assert city.events == 6


def test_a_city_without_registry_dates_keeps_everything_else(tmp_path: Path) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city"), keep_tables=False))
    unknown = city.number_activated[0]  # a number outside the registry
    assert city.number_activated[1] == START - 400 * 24 * HOUR
    assert city.account_opened[1] == START - 100 * 24 * HOUR
    every_number, no_number = np.ones(4, dtype=bool), np.zeros(4, dtype=bool)
    every_account, no_account = np.ones(4, dtype=bool), np.zeros(4, dtype=bool)
    numbers = without_registry_dates(city, numbers=every_number, accounts=no_account)
    assert numbers.number_activated.tolist() == [unknown] * 4
    assert numbers.account_opened.tolist() == city.account_opened.tolist()
    accounts = without_registry_dates(city, numbers=no_number, accounts=every_account)
    assert accounts.account_opened.tolist() == [unknown] * 4
    second = without_registry_dates(city, numbers=np.arange(4) == 1, accounts=np.arange(4) == 1)
    assert second.number_activated[1] == unknown
    assert second.account_opened[1] == unknown
    assert second.number_activated[2] == city.number_activated[2]
    assert accounts.number_activated.tolist() == city.number_activated.tolist()
    assert accounts.number_holder.tolist() == city.number_holder.tolist()
    assert accounts.contacts is city.contacts

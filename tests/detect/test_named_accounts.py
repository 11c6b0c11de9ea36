"""Accounts flagged because different victims named them, on a hand-built city."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.detect.city import City, load_city
from fanzha.detect.engine import basics_of
from fanzha.detect.named_accounts import NAMED_BY_VICTIMS_REASON, named_by_victims
from fanzha.detect.replay_usecase import replay
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity, resident_account

MULE, TWICE_BY_ONE, KEEPER, SHOP, LATE = (f"62300000000000{i:02d}" for i in range(1, 6))
ONWARD = "6230000000000099"
RESIDENTS = 30


def _city(tmp_path: Path) -> City:
    outside = [MULE, TWICE_BY_ONE, KEEPER, SHOP, LATE, ONWARD]
    transfers: list[tuple[object, ...]] = [
        # Victims P0..P3 pay the cards they will name.
        ("T1", START + 1 * HOUR, resident_account(0), MULE, 20_000, "mobile"),
        ("T2", START + 1 * HOUR, resident_account(1), MULE, 30_000, "mobile"),
        ("T3", START + 1 * HOUR, resident_account(2), TWICE_BY_ONE, 30_000, "mobile"),
        ("T4", START + 1 * HOUR, resident_account(0), KEEPER, 5_000, "mobile"),
        ("T5", START + 1 * HOUR, resident_account(1), KEEPER, 5_000, "mobile"),
        ("T6", START + 1 * HOUR, resident_account(2), LATE, 9_000, "mobile"),
        ("T7", START + 1 * HOUR, resident_account(3), LATE, 9_000, "mobile"),
        # The mule and the one-victim card pass the money on at once; LATE only after both
        # of its victims have reported. KEEPER keeps what it takes.
        ("T8", START + 2 * HOUR, MULE, ONWARD, 49_000, "online"),
        ("T9", START + 2 * HOUR, TWICE_BY_ONE, ONWARD, 29_000, "online"),
        ("T10", START + 30 * HOUR, LATE, ONWARD, 17_000, "online"),
        # Every resident pays the shop, which pays its supplier.
        *[
            (f"S{i}", START + 3 * HOUR + i, resident_account(i), SHOP, 300, "mobile")
            for i in range(RESIDENTS)
        ],
        ("T11", START + 4 * HOUR, SHOP, ONWARD, 6_000, "online"),
    ]
    reports: list[tuple[object, ...]] = [
        ("R1", START + 5 * HOUR, "P0", [MULE, KEEPER, SHOP], 25_000),
        ("R2", START + 8 * HOUR, "P1", [MULE, KEEPER, SHOP], 35_000),
        ("R3", START + 6 * HOUR, "P2", [TWICE_BY_ONE, LATE], 39_000),
        ("R4", START + 9 * HOUR, "P2", [TWICE_BY_ONE], 30_000),
        ("R5", START + 10 * HOUR, "P3", [LATE], 9_000),
    ]
    city = TinyCity(
        persons=[(f"P{i}", "360102", 1980, "F") for i in range(RESIDENTS)],
        phones=[(f"139000000{i:02d}", f"P{i}", "mobile", None) for i in range(RESIDENTS)],
        accounts=[
            *[(resident_account(i), f"P{i}", "ICBC", "personal", None) for i in range(RESIDENTS)],
            *[(a, None, "CCB", "personal", None) for a in outside],
        ],
        transfers=transfers,
        reports=reports,
        days=3,
    )
    return load_city(Dataset(city.write(tmp_path / "city")))


def _flagged(city: City) -> dict[str, int]:
    named = named_by_victims(city, basics_of(city).new_payees)
    ids = city.accounts.gather(named["key"].to_numpy()).to_list()
    return dict(zip(ids, named["ts"].to_list(), strict=True))


def test_two_victims_flag_a_card_that_passed_their_money_on(tmp_path: Path) -> None:
    flagged = _flagged(_city(tmp_path))
    # From the second victim's report; a card that moves the money only later, from then.
    assert flagged == {MULE: START + 8 * HOUR, LATE: START + 30 * HOUR}


def test_one_victim_naming_twice_a_keeper_and_a_shop_flag_nothing(tmp_path: Path) -> None:
    flagged = _flagged(_city(tmp_path))
    assert TWICE_BY_ONE not in flagged  # two reports, one victim
    assert KEEPER not in flagged  # two victims, but it kept the money
    assert SHOP not in flagged  # two victims, among thirty new customers that day


def test_replay_lists_the_named_cards_with_their_reason(tmp_path: Path) -> None:
    _city(tmp_path)
    replay(tmp_path / "city", tmp_path / "out")
    flagged = pl.read_csv(tmp_path / "out" / "flagged_accounts.csv", infer_schema_length=0)
    # The model alone flags neither card in a city this small; each is listed once.
    assert flagged.select("account_id", "ts", "reasons").rows() == [
        (MULE, "2026-03-01T08:00:00+08:00", NAMED_BY_VICTIMS_REASON),
        (LATE, "2026-03-02T06:00:00+08:00", NAMED_BY_VICTIMS_REASON),
    ]

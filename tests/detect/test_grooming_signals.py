"""Person signals of grooming before the first payment, on a hand-built city: a stranger who
keeps coming back, a stranger's link that was opened, money gathered from one's own cards; and
one that tells a card renter from a victim."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from fanzha.detect.city import load_city
from fanzha.detect.exposure import Suspicion
from fanzha.detect.person_features import own_account_suspicion
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity, person_moments

STRANGER = "17000000009"
SHOP = "cheap-phones.top"
P1_CARD, P1_SAVINGS = "6222000000000001", "6222000000000011"


def _city() -> TinyCity:
    return TinyCity(
        persons=[("P1", "360102", 1980, "M"), ("P2", "360103", 1990, "F")],
        phones=[
            ("13900000001", "P1", "mobile", None),
            ("13900000002", "P2", "mobile", None),
            (STRANGER, None, "voip", None),
        ],
        accounts=[
            (P1_CARD, "P1", "ICBC", "personal", None),
            (P1_SAVINGS, "P1", "CCB", "personal", None),
            ("6230000000000009", None, "CCB", "personal", None),
        ],
        calls=[
            ("C1", START + 2 * HOUR, STRANGER, "13900000001", 40),
            ("C2", START + 3 * HOUR, STRANGER, "13900000001", 300),
        ],
        sms=[("S1", START + 1 * HOUR, STRANGER, "13900000001", SHOP)],
        net=[
            ("N1", START + 90 * 60, "13900000001", "url_visit", SHOP),  # opens the link
            ("N2", START + 90 * 60, "13900000002", "url_visit", SHOP),  # never texted it
        ],
        transfers=[
            ("T1", START + 4 * HOUR, P1_SAVINGS, P1_CARD, 3_000_000, "mobile"),
            ("T2", START + 5 * HOUR, P1_CARD, "6230000000000009", 3_000_000, "mobile"),
        ],
        days=5,
    )


def _person_rows(tmp_path: Path) -> pl.DataFrame:
    return person_moments(load_city(Dataset(_city().write(tmp_path / "city"))))


def test_opened_link_counts_only_for_the_person_texted(tmp_path: Path) -> None:
    rows = _person_rows(tmp_path)
    at_visit = rows.filter(pl.col("ts") == START + 90 * 60).sort("person")
    assert at_visit["person"].to_list() == ["P1", "P2"]
    assert at_visit["link_followed_72h"].to_list() == [1.0, 0.0]


def test_a_rare_app_installed_from_an_opened_link_page_is_told_from_other_installs(
    tmp_path: Path,
) -> None:
    """P1 opens the stranger's link at 1 h 30, installs an everyday app at 1 h 45 and a rare
    one at 2 h, and another rare one three hours later; P2 installs the rare app 15 min after
    visiting the site untexted, and the everyday one six times that morning."""
    city = _city()
    everyday = "com.tencent.mm"
    city.net += [
        ("N3", START + 2 * HOUR, "13900000001", "app_install", "com.quickloan.app"),
        ("N4", START + 5 * HOUR, "13900000001", "app_install", "com.other.app"),
        ("N5", START + 105 * 60, "13900000002", "app_install", "com.quickloan.app"),
        ("N6", START + 105 * 60, "13900000001", "app_install", everyday),
        *[
            (f"N{7 + i}", START + (10 + i) * 60, "13900000002", "app_install", everyday)
            for i in range(6)
        ],
    ]
    rows = person_moments(load_city(Dataset(city.write(tmp_path / "city"))))
    p1 = rows.filter(pl.col("person") == "P1").sort("ts")
    assert p1.filter(pl.col("ts") == START + 90 * 60)["link_installs_72h"].item() == 0.0
    assert p1.filter(pl.col("ts") == START + 105 * 60)["link_installs_72h"].item() == 0.0
    assert p1.filter(pl.col("ts") == START + 2 * HOUR)["link_installs_72h"].item() == 1.0
    # The later install is not from the link's page; the first still counts in the window.
    at_late = p1.filter(pl.col("ts") == START + 5 * HOUR)
    assert at_late["link_installs_72h"].to_list() == [1.0] * at_late.height
    assert at_late["installs_72h"].max() == 3.0
    p2 = rows.filter(pl.col("person") == "P2")
    assert p2["link_installs_72h"].max() == 0.0


def test_a_new_acquaintance_who_calls_again_is_counted(tmp_path: Path) -> None:
    rows = _person_rows(tmp_path).filter(pl.col("person") == "P1")
    at_transfer = rows.filter(pl.col("ts") == START + 5 * HOUR).row(0, named=True)
    # The SMS met them; both calls came back within 72 h of it.
    assert at_transfer["acquaintance_repeat_72h"] == 2.0
    assert np.isclose(at_transfer["acquaintance_talk_72h"], np.log1p(340.0))


def test_money_gathered_from_own_cards_before_paying_a_stranger(tmp_path: Path) -> None:
    rows = _person_rows(tmp_path).filter(pl.col("person") == "P1")
    gathered = rows.filter(pl.col("ts") == START + 5 * HOUR)["own_transfer_amount_72h"]
    assert np.isclose(gathered[0], np.log1p(30_000.0))
    before = rows.filter(pl.col("ts") < START + 4 * HOUR)["own_transfer_amount_72h"]
    assert before.max() == 0.0


def test_a_long_talk_with_a_new_acquaintance_is_judged_before_the_number_is_known(
    tmp_path: Path,
) -> None:
    """A ring's fresh line has no record to be suspect by: the talk itself is the moment."""
    rows = _person_rows(tmp_path).filter(pl.col("person") == "P1")
    # The 300 s call is judged (no number is known as a suspect here); the 40 s one is not.
    assert START + 3 * HOUR in rows["ts"].to_list()
    assert START + 2 * HOUR not in rows["ts"].to_list()
    at_talk = rows.filter(pl.col("ts") == START + 3 * HOUR).row(0, named=True)
    assert np.isclose(at_talk["acquaintance_talk_72h"], np.log1p(340.0))


def _listed_city() -> TinyCity:
    """The stranger's line and its shop site are listed at 30 min. P1 talks ten minutes with the
    line and opens the site; P2 only gets its text and a missed call."""
    city = _city()
    city.calls.append(("C3", START + 2 * HOUR, STRANGER, "13900000002", 0))
    city.sms.append(("S2", START + 1 * HOUR, STRANGER, "13900000002", SHOP))
    city.lists = {
        "numbers": [(STRANGER, START + 30 * 60, "police_case")],
        "domains": [(SHOP, START + 30 * 60, "police_case")],
    }
    return city


def test_a_listed_link_received_and_one_opened_are_told_apart(tmp_path: Path) -> None:
    rows = person_moments(load_city(Dataset(_listed_city().write(tmp_path / "city"))))
    late = rows.filter(pl.col("ts") == START + 3 * HOUR).sort("person")
    assert late["person"].to_list() == ["P1"]
    p1 = late.row(0, named=True)
    assert p1["listed_link_texts_72h"] == 1.0
    assert p1["listed_domain_visits_72h"] == 1.0
    p2 = rows.filter(pl.col("person") == "P2")
    assert p2["listed_link_texts_72h"].max() == 1.0
    assert p2["listed_domain_visits_72h"].max() == 1.0  # P2 visited the site too (N2)
    # Talk with the listed line counts its seconds; a text or a missed call, none.
    assert np.isclose(p1["listed_talk_72h"], np.log1p(340.0))
    assert p2["listed_talk_72h"].max() == 0.0
    assert p2["listed_contacts_72h"].max() >= 1.0


def test_a_person_whose_own_card_is_a_mule_suspect_is_told_apart(tmp_path: Path) -> None:
    """P1's savings card becomes a mule suspect at 4 h 30 min (0.8), then reads 0.2: the
    running worst counts from then on. A card below the suspect level counts as nothing."""
    city = load_city(Dataset(_city().write(tmp_path / "city")))
    codes = city.accounts.to_list()
    savings, card = codes.index(P1_SAVINGS), codes.index(P1_CARD)
    accounts = Suspicion(
        np.array([savings, savings, card]),
        np.array([START + 4 * HOUR + 1800, START + 5 * HOUR, START]),
        np.array([0.8, 0.2, 0.29]),
    )
    p1, p2 = city.persons.to_list().index("P1"), city.persons.to_list().index("P2")
    level = own_account_suspicion(
        city,
        accounts,
        np.array([p1, p1, p1, p2]),
        np.array([START + 4 * HOUR, START + 5 * HOUR, START + 6 * HOUR, START + 6 * HOUR]),
    )
    assert level.tolist() == [0.0, 0.8, 0.8, 0.0]

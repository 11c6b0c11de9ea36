"""The account stage follows a mule chain hop by hop but not a shop's till up its supply
chain, and the person stage tells a card renter relaying money from a victim paying their
own, on hand-built cities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from fanzha.detect.account_features import AccountFlows
from fanzha.detect.city import City, load_city
from fanzha.detect.engine import PassScores
from fanzha.detect.exposure import Suspicion
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import (
    HOUR,
    MULE_1,
    MULE_2,
    START,
    TinyCity,
    person_moments,
    resident_account,
    trail_city,
)

VICTIM = "6222000000000001"
MULES = ("6230000000000001", "6230000000000002", "6230000000000003")
RENTER_CARD = MULES[1]


def _city() -> TinyCity:
    """A victim pays the first mule; the money moves on to the second, held by a local
    card renter, then the third, which withdraws it. The victim reports the first mule
    hours later."""
    return TinyCity(
        persons=[("P1", "360102", 1960, "F"), ("P2", "360103", 1995, "M")],
        phones=[("13900000001", "P1", "mobile", None), ("13900000002", "P2", "mobile", None)],
        accounts=[
            (VICTIM, "P1", "ICBC", "personal", None),
            (MULES[0], None, "CCB", "personal", None),
            (RENTER_CARD, "P2", "ABC", "personal", None),
            (MULES[2], None, "BOC", "personal", None),
        ],
        transfers=[
            ("T1", START + 10 * HOUR, VICTIM, MULES[0], 5_000_000, "mobile"),
            ("T2", START + 11 * HOUR, MULES[0], MULES[1], 4_900_000, "mobile"),
            ("T3", START + 12 * HOUR, MULES[1], MULES[2], 4_800_000, "mobile"),
            ("T4", START + 13 * HOUR, MULES[2], None, 4_700_000, "atm"),
        ],
        reports=[("R1", START + 20 * HOUR, "P1", [MULES[0]], 5_000_000)],
        days=3,
    )


def _codes(city: City, ids: tuple[str, ...]) -> list[int]:
    return [city.accounts.to_list().index(a) for a in ids]


def _suspect(city: City, account: str, at: int, level: float = 0.9) -> Suspicion:
    code = _codes(city, (account,))[0]
    return Suspicion(np.array([code]), np.array([at]), np.array([level]))


def test_a_pass_judges_money_from_the_accounts_the_pass_before_suspected(
    tmp_path: Path,
) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city")))
    flows = AccountFlows(city, np.zeros(city.transfers.ts.size))
    first, second, third = _codes(city, MULES)
    rows = flows.rows(_suspect(city, MULES[0], START + 10 * HOUR))
    suspects = set(rows.filter(pl.col("in_from_suspect_72h") > 0)["key"])
    # Only the account paid by the suspect: the next hop waits until its payer is suspect.
    assert suspects == {second}
    later = flows.rows(_suspect(city, RENTER_CARD, START + 11 * HOUR))
    assert set(later.filter(pl.col("in_from_suspect_72h") > 0)["key"]) == {third}
    # Suspicion after the money arrived does not reach back to judge that arrival.
    late = flows.rows(_suspect(city, MULES[0], START + 11 * HOUR + 1))
    assert late.filter(pl.col("in_from_suspect_72h") > 0).is_empty()
    assert first not in suspects


def test_a_pass_tells_how_suspect_the_payers_were(tmp_path: Path) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city")))
    flows = AccountFlows(city, np.zeros(city.transfers.ts.size))
    second = _codes(city, MULES[1:2])[0]

    def evidence(level: float) -> list[tuple[float, float]]:
        rows = flows.rows(_suspect(city, MULES[0], START + 10 * HOUR, level))
        paid = rows.filter(pl.col("key") == second)
        return paid.select("in_from_suspect_72h", "in_suspect_level_72h").rows()

    # The hop from a mule-like payer and from one that only just reached the suspect level
    # count the same payment, and differ in how suspect it was; below that level, nothing.
    assert evidence(0.97) == [(1.0, 0.97), (1.0, 0.97)]
    assert evidence(0.55) == [(1.0, 0.55), (1.0, 0.55)]
    assert evidence(0.45) == [(0.0, 0.0)]


@pytest.mark.parametrize(("customers", "counted"), [(19, True), (20, False)])
def test_a_till_paying_its_supplier_is_not_a_suspect_payer(
    tmp_path: Path, customers: int, counted: bool
) -> None:
    """A shop's card taking from TILL_SENDERS_7D new customers in the week pays its
    wholesaler: however suspect the shop's card looks, the payment is for stock."""
    shop, wholesaler = MULE_1, MULE_2  # the trail city's two cards held outside it
    sales = [
        (f"S{i}", START + i * 60, resident_account(i), shop, 30_000, "online")
        for i in range(customers)
    ]
    supply = ("W1", START + 5 * HOUR, shop, wholesaler, 500_000, "online")
    tiny = trail_city(customers, customers, transfers=[*sales, supply])
    city = load_city(Dataset(tiny.write(tmp_path / "city")))
    rows = AccountFlows(city, np.zeros(city.transfers.ts.size)).rows(
        _suspect(city, shop, START + HOUR)
    )
    code = _codes(city, (wholesaler,))[0]
    paid = rows.filter(pl.col("key") == code)["in_from_suspect_72h"].to_list()
    # One payment from a few strangers: the wholesaler is judged only if its payer counts.
    assert paid == ([1.0] if counted else [])


def test_an_account_is_judged_when_a_report_names_it(tmp_path: Path) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city")))
    first = _codes(city, MULES[:1])[0]
    rows = AccountFlows(city, np.zeros(city.transfers.ts.size)).rows(None)
    named = rows.filter(pl.col("row_is_named") > 0)
    # Its money left at 11:00; the report at 20:00 is still a moment to judge it.
    assert named.select("key", "ts", "known_bad").rows() == [(first, START + 20 * HOUR, 1.0)]


def test_rescoring_a_pass_gives_the_scores_of_scoring_every_row(tmp_path: Path) -> None:
    city = load_city(Dataset(_city().write(tmp_path / "city")))
    stage = DetectModel.load().account
    flows = AccountFlows(city, np.zeros(city.transfers.ts.size))
    first = flows.rows(None)
    before = PassScores(first, stage.predict(first))
    after = flows.rows(_suspect(city, MULES[0], START + 10 * HOUR))
    assert after.height > first.height  # a row judged only because its payer is suspect
    assert before.rescored(after, stage).tolist() == stage.predict(after).tolist()
    # The same payment from a payer judged less suspect is evidence changed: scored again.
    weaker = flows.rows(_suspect(city, MULES[0], START + 10 * HOUR, 0.6))
    again = PassScores(after, stage.predict(after)).rescored(weaker, stage)
    assert again.tolist() == stage.predict(weaker).tolist()


def test_a_card_renter_relays_strangers_money_a_victim_pays_their_own(
    tmp_path: Path,
) -> None:
    rows = person_moments(load_city(Dataset(_city().write(tmp_path / "city"))))
    relayed = dict(zip(rows["person"], rows["stranger_money_in_24h"], strict=True))
    # The renter's card got 49,000 yuan from the first mule an hour before paying it on.
    assert relayed == {"P1": 0.0, "P2": pytest.approx(np.log1p(49_000.0))}

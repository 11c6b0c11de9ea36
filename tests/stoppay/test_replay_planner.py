"""The replay's stop requests on hand-built cases: hop 1 at once, then the chase."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from fanzha.io.schema import TABLES
from fanzha.stoppay.replay_planner import plan_reference_stop_requests, plan_stop_requests
from fanzha.trace.interception import score_interception
from tests.trace.ledger_factory import BASE_TS, accounts, reports, transfers

KINDS = dict.fromkeys(("V", "W", "M1", "M2", "M3", "M4", "X"), "personal") | {"SHOP": "merchant"}
ACCOUNTS = accounts(KINDS, holders={"V": "P1", "W": "P2", "X": "P3"})

CASE = [
    (0, "V", "M1", 5000, "mobile"),  # T1 loss
    (1, "M1", "M2", 3000, "mobile"),  # T2
    (2, "M1", "M3", 2000, "mobile"),  # T3
    (9, "M2", "M4", 3000, "mobile"),  # T4 after the report at 8: hold on M2 effective 10 -> seen
    (12, "M3", None, 2000, "atm"),  # T5 cash-out after M3's hold took effect: refused
    (15, "M4", "SHOP", 200, "mobile"),  # T6 goods: M4 held from 11, refused anyway
]


def rows(frame: pl.DataFrame) -> list[tuple[int, str, str, int, int]]:
    """(minute, report, account, yuan, hop) per request."""
    return [
        ((r["ts"] - BASE_TS) // 60, r["report_id"], r["account_id"], r["amount"] // 100, r["hop"])
        for r in frame.iter_rows(named=True)
    ]


def test_chase_follows_money_until_holds_take_effect() -> None:
    plan = plan_stop_requests(transfers(CASE), reports([("R1", 8, "P1", ["M1"], 5000)]), ACCOUNTS)
    assert plan.columns == TABLES["stop_requests"].column_names
    assert plan["request_id"].to_list() == ["S0000001", "S0000002", "S0000003", "S0000004"]
    assert rows(plan) == [
        (8, "R1", "M1", 5000, 1),  # at report time, what the victim paid
        (8, "R1", "M2", 3000, 2),  # moved on before the report: requested at report time
        (8, "R1", "M3", 2000, 2),
        (9, "R1", "M4", 3000, 3),  # T4 at 9 beat M2's hold (effective 10): requested at 9
    ]
    score = score_interception(
        transfers(CASE), pl.Series(["T1"]), plan, pl.Series(["M1", "M2", "M3", "M4"])
    )
    assert score.held_fen == 500_000  # M3 2000 (ATM refused) + M4 3000
    reference = plan_reference_stop_requests(reports([("R1", 8, "P1", ["M1"], 5000)]), ACCOUNTS)
    assert rows(reference) == [(8, "R1", "M1", 5000, 1)]
    blacklist = score_interception(transfers(CASE), pl.Series(["T1"]), reference, pl.Series([]))
    assert blacklist.held_fen == 0


def test_money_arriving_after_the_hold_gets_a_top_up_request() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (20, "V", "M1", 600, "mobile"),  # T2: paid again before reporting
        (21, "M1", "M2", 1600, "mobile"),  # T3
        (40, "W", "M2", 900, "mobile"),  # T4: another victim's money, not this report's
    ]
    plan = plan_stop_requests(
        transfers(ledger), reports([("R1", 30, "P1", ["M1"], 1500)]), ACCOUNTS
    )
    assert rows(plan) == [(30, "R1", "M1", 1600, 1), (30, "R1", "M2", 1600, 2)]


def test_claim_is_split_and_unseen_accounts_need_a_flag() -> None:
    ledger = [(0, "V", "M1", 2000, "mobile"), (1, "M1", None, 2000, "atm")]
    flagged = pl.DataFrame({"account_id": ["M2", "M3"], "ts": [BASE_TS, BASE_TS + 600]})
    plan = plan_stop_requests(
        transfers(ledger),
        reports([("R1", 5, "P1", ["M1", "M2", "M3", "M4", "NOPE"], 6000.02)]),
        ACCOUNTS,
        flagged,
    )
    # Shares of the claim over the 4 known accounts: 1500.01, 1500.01, 1500, 1500. M1 was paid
    # 2000 and moved it on; M2 is flagged before the report, M3 only at minute 10, M4 never
    # and shows no payment: no hold on M4. NOPE is not an account.
    assert rows(plan) == [
        (5, "R1", "M1", 2000, 1),
        (5, "R1", "M2", 1500, 1),
        (10, "R1", "M3", 1500, 1),
    ]
    amounts = dict(zip(plan["account_id"].to_list(), plan["amount"].to_list(), strict=True))
    assert amounts == {"M1": 200_000, "M2": 150_001, "M3": 150_000}


def test_account_that_keeps_the_money_is_held_only_once_it_moves_it() -> None:
    ledger = [
        (0, "V", "X", 800, "mobile"),  # T1 a dispute with a seller, say
        (30, "X", "M2", 800, "mobile"),  # T2 only now the money moves on
    ]
    report = reports([("R1", 5, "P1", ["X"], 800)])
    plan = plan_stop_requests(transfers(ledger[:1]), report, ACCOUNTS)
    assert plan.height == 0
    plan = plan_stop_requests(transfers(ledger), report, ACCOUNTS)
    assert rows(plan) == [(30, "R1", "X", 800, 1), (30, "R1", "M2", 800, 2)]
    slowly = [ledger[0], (24 * 60, "X", "M2", 800, "mobile")]  # a day later: not a mule's pace
    assert plan_stop_requests(transfers(slowly), report, ACCOUNTS).height == 0


def test_goods_and_cash_out_are_not_chased_and_flags_do_not_create_holds() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (1, "M1", "SHOP", 400, "mobile"),  # T2 goods
        (1, "M1", None, 600, "atm"),  # T3 cash-out
        (2, "X", "M4", 5000, "mobile"),  # T4 unrelated money of a flagged account
    ]
    flagged = pl.DataFrame({"account_id": ["M4"], "ts": [BASE_TS]})
    plan = plan_stop_requests(
        transfers(ledger), reports([("R1", 5, "P1", ["M1"], 1000)]), ACCOUNTS, flagged
    )
    assert rows(plan) == [(5, "R1", "M1", 1000, 1)]


def test_flagged_merchant_is_followed_from_its_flag_time() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (1, "M1", "SHOP", 1000, "mobile"),  # T2 a "merchant" that is a mule
        (3, "SHOP", "M2", 1000, "mobile"),  # T3
    ]
    report = reports([("R1", 2, "P1", ["M1"], 1000)])
    plain = plan_stop_requests(transfers(ledger), report, ACCOUNTS)
    assert rows(plain) == [(2, "R1", "M1", 1000, 1)]
    flagged = pl.DataFrame({"account_id": ["SHOP"], "ts": [BASE_TS + 60]})
    widened = plan_stop_requests(transfers(ledger), report, ACCOUNTS, flagged)
    assert rows(widened) == [
        (2, "R1", "M1", 1000, 1),
        (2, "R1", "SHOP", 1000, 2),
        (3, "R1", "M2", 1000, 3),
    ]


def test_causal_prefix_gives_the_same_requests() -> None:
    ledger = transfers(CASE)
    report = reports([("R1", 8, "P1", ["M1"], 5000)])
    full = plan_stop_requests(ledger, report, ACCOUNTS)
    for minute in (8, 9, 10, 13):
        cut = BASE_TS + 60 * minute
        prefix = plan_stop_requests(
            ledger.filter(pl.col("ts") <= cut), report.filter(pl.col("ts") <= cut), ACCOUNTS
        )
        assert prefix.equals(full.filter(pl.col("ts") <= cut))


def random_city(
    seed: int, name_all: bool = True
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Victims V0..V4 (persons P0..P4) pay mules that pass money around at random; each
    report names every mule its victim paid, or (`name_all` False) only the first one while
    claiming all it paid."""
    rng = np.random.default_rng(seed)
    mules = [f"M{i}" for i in range(12)]
    rows: list[tuple[int, str | None, str | None, float, str]] = []
    for minute in range(0, 600, 3):
        if rng.random() < 0.15:
            rows.append((minute, f"V{rng.integers(5)}", str(rng.choice(mules)), 3000, "mobile"))
        sender, receiver = rng.choice(mules, 2, replace=False)
        rows.append(
            (minute + 1, str(sender), str(receiver), float(rng.integers(100, 2000)), "mobile")
        )
        if rng.random() < 0.1:
            rows.append((minute + 2, str(rng.choice(mules)), None, 500, "atm"))
    kinds = dict.fromkeys([*mules, *(f"V{i}" for i in range(5))], "personal")
    table = accounts(kinds, holders={f"V{i}": f"P{i}" for i in range(5)})
    ledger = transfers(rows)
    paid = (
        ledger.filter(pl.col("from_account").str.starts_with("V"))
        .group_by("from_account")
        .agg(pl.col("to_account").unique(maintain_order=True), pl.col("ts").max(), pl.len())
    )
    cases = reports(
        [
            (
                f"R{i}",
                int((ts - BASE_TS) // 60) + 20,
                f"P{v[1:]}",
                sorted(named) if name_all else named[:1],
                3000 if name_all else 3000 * count,
            )
            for i, (v, named, ts, count) in enumerate(sorted(paid.iter_rows()))
        ]
    ).sort("ts")
    return ledger, cases, table


@pytest.mark.parametrize("name_all", [True, False])
def test_prefix_of_a_busy_city_gives_the_same_requests_and_is_deterministic(
    name_all: bool,
) -> None:
    ledger, cases, table = random_city(7, name_all)
    full = plan_stop_requests(ledger, cases, table)
    assert full.height > 10
    assert plan_stop_requests(ledger, cases, table).equals(full)
    assert full["ts"].is_sorted()
    for minute in (200, 350, 500):
        cut = BASE_TS + 60 * minute
        prefix = plan_stop_requests(
            ledger.filter(pl.col("ts") <= cut), cases.filter(pl.col("ts") <= cut), table
        )
        assert prefix.equals(full.filter(pl.col("ts") <= cut))


WIDE = accounts(
    dict.fromkeys(("V", "W", "X", "M1", "M2", "M3", "M4", "M5", "M6"), "personal"),
    holders={"V": "P1", "W": "P2", "X": "P3"},
)


def test_payees_the_claim_points_to_are_held_when_they_pass_money_on() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1 the card the victim names
        (1, "M1", None, 1000, "atm"),  # T2
        (2, "V", "M2", 2000, "mobile"),  # T3 a second card the report leaves out
        (4, "M2", "M3", 2000, "mobile"),  # T4 passed on in 2 minutes: a mule's pace
        (5, "V", "X", 150, "mobile"),  # T5 an everyday payment to a person ...
        (6, "X", None, 150, "atm"),  # T6 ... who happens to withdraw it
    ]
    claimed_all = plan_stop_requests(
        transfers(ledger), reports([("R1", 10, "P1", ["M1"], 3000)]), WIDE
    )
    # The claim (3000) is 2000 more than the named card received: M2 explains it; X's 150
    # is too small a part of it to be the fraud (under a tenth).
    assert rows(claimed_all) == [
        (10, "R1", "M1", 3000, 1),
        (10, "R1", "M2", 2000, 1),
        (10, "R1", "M3", 2000, 2),
    ]
    named_only = plan_stop_requests(
        transfers(ledger), reports([("R1", 10, "P1", ["M1"], 1000)]), WIDE
    )
    assert rows(named_only) == [(10, "R1", "M1", 1000, 1)]  # the claim is all explained
    too_much = plan_stop_requests(
        transfers(ledger), reports([("R1", 10, "P1", ["M1"], 1500)]), WIDE
    )
    assert rows(too_much) == [(10, "R1", "M1", 1500, 1)]  # M2 got more than the claim leaves


def test_laundering_money_reaching_a_held_account_tops_up_its_request() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (1, "M1", "M2", 1000, "mobile"),  # T2
        (20, "M5", "M6", 700, "mobile"),  # T3 an unknown mule receives ...
        (25, "M6", "M2", 700, "mobile"),  # T4 ... and passes it into held M2 within minutes
        (30, "W", "M2", 400, "mobile"),  # T5 a person paying: not laundering, not asked for
        (40, "M1", "M2", 90, "mobile"),  # T6 from a held account: refused, brings nothing
    ]
    plan = plan_stop_requests(transfers(ledger), reports([("R1", 10, "P1", ["M1"], 1000)]), WIDE)
    assert rows(plan) == [
        (10, "R1", "M1", 1000, 1),
        (10, "R1", "M2", 1000, 2),
        (25, "R1", "M2", 700, 2),  # the top-up, when the money arrived
    ]
    score = score_interception(
        transfers(ledger), pl.Series(["T1", "T3"]), plan, pl.Series(["M1", "M2", "M5", "M6"])
    )
    assert score.held_fen == 170_000  # T3's victim money is held in M2 thanks to the top-up
    flagged = pl.DataFrame({"account_id": ["M6"], "ts": [BASE_TS]})
    slow = [*ledger[:3], (24 * 60, "M6", "M2", 700, "mobile")]  # a day later: not passing on
    assert rows(
        plan_stop_requests(transfers(slow), reports([("R1", 10, "P1", ["M1"], 1000)]), WIDE)
    )[-1] == (10, "R1", "M2", 1000, 2)
    widened = plan_stop_requests(
        transfers(slow), reports([("R1", 10, "P1", ["M1"], 1000)]), WIDE, flagged
    )
    assert rows(widened)[-1] == (24 * 60, "R1", "M2", 700, 2)  # ... unless M6 is a flagged mule


def test_an_earlier_case_is_chased_with_the_holds_a_later_report_requested() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1 R1's victim pays; M1 sits on it for a while
        (8, "W", "M2", 800, "mobile"),  # T2 R2's victim pays M2 ...
        (9, "M2", "M4", 800, "mobile"),  # T3 ... which passes it on at once
        (20, "M1", "M2", 1000, "mobile"),  # T4 R1's money reaches M2, stopped since minute 12
        (21, "M2", "M3", 1000, "mobile"),  # T5 refused by R2's hold on M2
    ]
    cases = reports([("R1", 5, "P1", ["M1"], 1000), ("R2", 10, "P2", ["M2"], 800)])
    plan = plan_stop_requests(transfers(ledger), cases, WIDE)
    # R1 is reported first, but its chase only starts at minute 20, when M1 moves the money:
    # by then R2's hold on M2 is in force, so R1 asks M2 for its money and nothing beyond.
    assert rows(plan) == [
        (10, "R2", "M2", 800, 1),
        (10, "R2", "M4", 800, 2),
        (20, "R1", "M1", 1000, 1),
        (20, "R1", "M2", 1000, 2),
    ]
    score = score_interception(
        transfers(ledger), pl.Series(["T1", "T2"]), plan, pl.Series(["M1", "M2", "M3", "M4"])
    )
    assert score.held_fen == 100_000 + 80_000  # R1's money in M2, R2's in M4

"""score_interception against the DATASET.md rule, on ledgers worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from fanzha.io.fields import typed_schema
from fanzha.io.schema import TABLES
from fanzha.trace.interception import score_interception
from tests.trace.ledger_factory import BASE_TS, transfers


def requests(rows: list[tuple[int, str, float]]) -> pl.DataFrame:
    """(ts seconds after BASE_TS, account, yuan) -> stop_requests table."""
    return pl.DataFrame(
        {
            "request_id": [f"S{i}" for i in range(len(rows))],
            "ts": [BASE_TS + r[0] for r in rows],
            "report_id": ["R1"] * len(rows),
            "account_id": [r[1] for r in rows],
            "amount": [round(r[2] * 100) for r in rows],
            "hop": [1] * len(rows),
        },
        schema=typed_schema(TABLES["stop_requests"]),
    )


LEDGER = transfers(
    [
        (0, None, "M1", 300, "counter"),  # T1 clean money in M1
        (1, "V", "M1", 1000, "mobile"),  # T2 loss
        (2, "M1", "M2", 700, "mobile"),  # T3: victim money first -> 700 victim
        (3, "M1", "SHOP", 500, "mobile"),  # T4: 300 victim + 200 clean
        (5, "M2", None, 400, "atm"),  # T5: 400 victim leaves
        (6, "V", "M2", 200, "mobile"),  # T6 loss, arrives late
    ]
)
LOSSES = pl.Series(["T2", "T6"])
MULES = pl.Series(["M1", "M2"])


def test_no_requests_nothing_held() -> None:
    score = score_interception(LEDGER, LOSSES, requests([]), MULES)
    assert score.victim_loss_fen == 120_000
    assert score.held_fen == 0
    assert score.interception == 0.0


def test_hold_effective_120s_after_request() -> None:
    # Request on M2 at 3:00 -> effective 5:00, when T5 happens: refused. M2 keeps 700 + 200.
    score = score_interception(LEDGER, LOSSES, requests([(180, "M2", 5000)]), MULES)
    assert score.held_fen == 90_000
    # One second later it is effective only after T5: 300 + 200 held.
    late = score_interception(LEDGER, LOSSES, requests([(181, "M2", 5000)]), MULES)
    assert late.held_fen == 50_000


def test_hold_capped_at_requested_amounts_summed() -> None:
    score = score_interception(LEDGER, LOSSES, requests([(0, "M2", 500), (60, "M2", 100)]), MULES)
    assert score.held_fen == 60_000
    assert score.interception == pytest.approx(0.5)


def test_hold_on_first_hop_before_money_moves_and_innocent_counts() -> None:
    score = score_interception(
        LEDGER, LOSSES, requests([(0, "M1", 2000), (200, "SHOP", 300)]), MULES
    )
    # M1 effective at 2:00: T3 and T4 refused, M1 keeps the 1000. SHOP then gets nothing.
    assert score.held_fen == 100_000
    assert score.requests == 2
    assert score.innocent_holds == 1
    assert score.innocent_hold_fen == 30_000
    assert score.innocent_share == pytest.approx(0.5)

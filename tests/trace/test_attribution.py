"""Attribution rules on one account's events, against amounts worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from fanzha.trace.attribution import Attribution, attribute


def events(*items: tuple[str, int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """('in', amount, tainted) or ('out', amount, 0) -> inflow, outflow, tainted_in arrays."""
    inflow = np.array([a if k == "in" else 0 for k, a, _ in items], np.int64)
    outflow = np.array([a if k == "out" else 0 for k, a, _ in items], np.int64)
    tainted = np.array([t for _, _, t in items], np.int64)
    return inflow, outflow, tainted


# 500 clean, 1000 tainted, out 600, in 200 clean, out 1000, out 100
LEDGER = events(
    ("in", 500, 0),
    ("in", 1000, 1000),
    ("out", 600, 0),
    ("in", 200, 0),
    ("out", 1000, 0),
    ("out", 100, 0),
)


@pytest.mark.parametrize(
    ("rule", "outs", "left"),
    [
        # queue: 500 clean | 1000 tainted | 200 clean. 600 = 500 clean + 100 tainted;
        # 1000 = 900 tainted + 100 clean; 100 = clean.
        (Attribution.FIFO, [100, 900, 0], 0),
        # tainted first: 600 tainted; then 400 tainted of 1000; then nothing left.
        (Attribution.VICTIM_FIRST, [600, 400, 0], 0),
        # shares: 600 of 1500 (1000 t) -> 400; 1100 left (600 t), 1000 of 1100 -> 545 (floor);
        # 100 left (55 t), 100 of 100 -> 55.
        (Attribution.PROPORTIONAL, [400, 545, 55], 0),
    ],
)
def test_rules_split_outflows_as_worked_out(rule: Attribution, outs: list[int], left: int) -> None:
    tainted_out, remaining = attribute(rule, *LEDGER)
    assert tainted_out[[2, 4, 5]].tolist() == outs
    assert tainted_out[[0, 1, 3]].tolist() == [0, 0, 0]
    assert remaining == left


def test_overdraft_is_unknown_clean_money_taken_at_that_moment() -> None:
    # 100 tainted arrives, then 600 leaves: 500 came from an opening balance the data lacks.
    inflow, outflow, tainted = events(("in", 100, 100), ("out", 600, 0), ("in", 50, 50))
    for rule in Attribution:
        tainted_out, remaining = attribute(rule, inflow, outflow, tainted)
        assert tainted_out[1] == 100
        assert remaining == 50


def test_fifo_partial_lot_keeps_taint_first_in_the_lot() -> None:
    # One inflow of 1000 of which 300 tainted; 200 leaves (tainted), then 500 (100 tainted).
    inflow, outflow, tainted = events(("in", 1000, 300), ("out", 200, 0), ("out", 500, 0))
    tainted_out, remaining = attribute(Attribution.FIFO, inflow, outflow, tainted)
    assert tainted_out.tolist() == [0, 200, 100]
    assert remaining == 0


def test_conservation_on_random_ledgers() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = 40
        is_in = rng.random(n) < 0.5
        amounts = rng.integers(1, 10_000, n)
        inflow = np.where(is_in, amounts, 0)
        outflow = np.where(is_in, 0, amounts)
        tainted = np.where(is_in & (rng.random(n) < 0.3), rng.integers(0, 10_000, n), 0)
        tainted = np.minimum(tainted, inflow)
        for rule in Attribution:
            tainted_out, remaining = attribute(rule, inflow, outflow, tainted)
            assert (tainted_out >= 0).all()
            assert (tainted_out <= outflow).all()
            assert int(tainted_out.sum()) + remaining == int(tainted.sum())

"""Which part of an account's outgoing money is the traced (tainted) money.

An account's events are its inflows and outflows in event order. Money that an outflow needs
beyond the balance the ledger shows came from before the data (an unknown opening balance);
it is clean, and it is added at that moment, so every rule here is causal: the taint of an
outflow depends only on earlier events.

- ``fifo``: the account is a queue; an outflow pays out the oldest money first. Clean money
  that arrived before the tainted money leaves first, so a shop that received one tainted
  payment passes it on only once its older takings are spent. Inside one inflow the tainted
  part counts as first in.
- ``proportional``: every outflow carries taint in the share the balance holds (haircut).
  It spreads taint thinly over all later outflows; amounts are floored to whole fen.
- ``victim_first``: tainted money leaves before any other (the rule DATASET.md scores
  interception by). The most aggressive chase; used by the interception scorer.

All amounts are int64 fen; fifo and victim_first are exact.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np


class Attribution(StrEnum):
    FIFO = "fifo"
    PROPORTIONAL = "proportional"
    VICTIM_FIRST = "victim_first"


def attribute(
    rule: Attribution, inflow: np.ndarray, outflow: np.ndarray, tainted_in: np.ndarray
) -> tuple[np.ndarray, int]:
    """Tainted amount of each outflow event and the taint left in the account at the end.

    `inflow`, `outflow`, `tainted_in` are int64 per event (0 where not applicable; an event
    is either an inflow or an outflow). Returns (tainted_out per event, remaining taint).
    """
    if inflow.size == 0:
        return np.zeros(0, np.int64), 0
    if rule is Attribution.FIFO:
        return _fifo(inflow, outflow, tainted_in)
    if rule is Attribution.VICTIM_FIRST:
        return _victim_first(outflow, tainted_in)
    return _proportional(inflow, outflow, tainted_in)


def _reflected(steps: np.ndarray) -> np.ndarray:
    """Running sum of `steps` kept at or above zero (the shortfall is unknown clean money)."""
    total = np.cumsum(steps)
    return total - np.minimum(np.minimum.accumulate(total), 0)


def _fifo(
    inflow: np.ndarray, outflow: np.ndarray, tainted_in: np.ndarray
) -> tuple[np.ndarray, int]:
    received = np.cumsum(inflow)  # queue position after each event
    paid = np.cumsum(outflow)
    unknown = np.maximum.accumulate(np.maximum(paid - received, 0))
    consumed = paid - unknown  # how far the queue has been paid out after each event
    lots = np.flatnonzero(tainted_in)
    if lots.size == 0:
        return np.zeros(inflow.size, np.int64), 0
    starts = received[lots] - inflow[lots]
    lengths = tainted_in[lots]
    before = np.cumsum(lengths) - lengths

    def tainted_below(position: np.ndarray) -> np.ndarray:
        """Tainted money among the first `position` fen of the queue."""
        lot = np.searchsorted(starts, position, side="right") - 1
        safe = np.maximum(lot, 0)
        inside = np.clip(position - starts[safe], 0, lengths[safe])
        return np.where(lot >= 0, before[safe] + inside, 0)

    after = tainted_below(consumed)
    prior = np.concatenate(([0], after[:-1]))
    tainted_out = np.where(outflow > 0, after - prior, 0).astype(np.int64)
    remaining = int(tainted_in.sum()) - int(after[-1])
    return tainted_out, remaining


def _victim_first(outflow: np.ndarray, tainted_in: np.ndarray) -> tuple[np.ndarray, int]:
    held = _reflected(tainted_in - outflow)
    prior = np.concatenate(([0], held[:-1]))
    tainted_out = np.where(outflow > 0, prior + tainted_in - held, 0).astype(np.int64)
    return tainted_out, int(held[-1])


def _proportional(
    inflow: np.ndarray, outflow: np.ndarray, tainted_in: np.ndarray
) -> tuple[np.ndarray, int]:
    balance = _reflected(inflow - outflow)
    prior = np.concatenate(([0], balance[:-1]))
    tainted_out = np.zeros(inflow.size, np.int64)
    first = np.flatnonzero(tainted_in)
    if first.size == 0:
        return tainted_out, 0
    taint = 0
    for event in range(int(first[0]), inflow.size):
        out = int(outflow[event])
        if out:
            share = taint * out // max(int(prior[event]), out)
            tainted_out[event] = share
            taint -= share
        else:
            taint += int(tainted_in[event])
    return tainted_out, taint

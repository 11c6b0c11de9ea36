"""Causal sliding-window aggregates over keyed event streams, vectorised with numpy.

Every aggregate for a query at time t uses only contributions with ts <= t (all rows of the
same second included, so ties are causal and order-free) and ts > t - window. That is exactly
what a streaming engine with per-key windows and expiry keeps, so the state these features
need is bounded by the window, never "every event".
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Int64Array = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: Seconds of key space per key in a composite (key, ts) sort key: more than any replay span.
_SPAN = np.int64(1 << 33)


def composite(key: Int64Array, ts: Int64Array, origin: int) -> Int64Array:
    """(key, ts) as one sortable int64: key major, seconds since `origin` minor."""
    return key.astype(np.int64) * _SPAN + (ts.astype(np.int64) - np.int64(origin))


class KeyedStream:
    """Contributions (key, ts) with named value columns, sorted by (key, ts) once.

    `at(...)` positions a batch of queries once; every column and window is then two
    lookups into prefix sums, so many features cost one sort and a few binary searches.
    """

    def __init__(
        self, key: Int64Array, ts: Int64Array, origin: int, **columns: npt.NDArray[Any]
    ) -> None:
        comp = composite(key, ts, origin)
        order = np.argsort(comp, kind="stable")
        self.origin = origin
        self.comp = comp[order]
        self.cumsums = {
            name: np.concatenate(([0.0], np.cumsum(values.astype(np.float64)[order])))
            for name, values in columns.items()
        }

    def at(self, key: Int64Array, ts: Int64Array) -> Queries:
        return Queries(self, composite(key, ts, self.origin))

    def last_before(self, key: Int64Array, ts: Int64Array) -> Int64Array:
        """Seconds since the latest contribution of the key strictly before t; -1 if none."""
        q = composite(key, ts, self.origin)
        idx = np.searchsorted(self.comp, q, side="left") - 1
        safe = np.clip(idx, 0, None)
        same = (idx >= 0) & (self.comp[safe] // _SPAN == q // _SPAN)
        gap = np.where(same, q - self.comp[safe], -1)
        return gap.astype(np.int64)


class Queries:
    """Query rows positioned in a stream: sums over (t - window, t] per column."""

    def __init__(self, stream: KeyedStream, q: Int64Array) -> None:
        self.stream = stream
        self.q = q
        self.hi = np.searchsorted(stream.comp, q, side="right")
        self.lo: dict[int, Int64Array] = {}

    def sum(self, column: str, window_s: int) -> FloatArray:
        """Sum of the column over the same key with ts in (t - window_s, t], ties included."""
        if window_s not in self.lo:
            self.lo[window_s] = np.searchsorted(
                self.stream.comp, self.q - np.int64(window_s), side="right"
            )
        cs = self.stream.cumsums[column]
        result: FloatArray = cs[self.hi] - cs[self.lo[window_s]]
        return result


def running_max_asof(
    key: Int64Array, ts: Int64Array, values: FloatArray, qkey: Int64Array, qts: Int64Array
) -> FloatArray:
    """Highest value of the key at any time <= t (0 where none): a monotone suspicion level."""
    if key.size == 0:
        return np.zeros(qkey.size, dtype=np.float64)
    comp = composite(key, ts, 0)
    order = np.lexsort((values, comp))
    comp = comp[order]
    vals = values.astype(np.float64)[order]
    keys = comp // _SPAN
    starts = np.r_[True, keys[1:] != keys[:-1]]
    group = np.cumsum(starts) - 1
    # Cumulative max within each key: offset each group above all previous ones.
    offset = group.astype(np.float64) * 4.0
    running = np.maximum.accumulate(vals + offset) - offset
    q = composite(qkey, qts, 0)
    idx = np.searchsorted(comp, q, side="right") - 1
    safe = np.clip(idx, 0, None)
    same = (idx >= 0) & (keys[safe] == q // _SPAN)
    result: FloatArray = np.where(same, running[safe], 0.0)
    return result


def pair_gap(
    a: Int64Array, b: Int64Array, ts: Int64Array, order_tiebreak: Int64Array
) -> Int64Array:
    """Seconds since the previous event of the same (a, b) pair; -1 for the first.

    Rows at the same second are ordered by `order_tiebreak`, so the result is deterministic.
    """
    n = a.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((order_tiebreak, ts, b, a))
    sa, sb, st = a[order], b[order], ts[order]
    same = np.r_[False, (sa[1:] == sa[:-1]) & (sb[1:] == sb[:-1])]
    gap_sorted = np.where(same, st - np.r_[st[0], st[:-1]], -1)
    gap = np.empty(n, dtype=np.int64)
    gap[order] = gap_sorted
    return gap

"""A dataset cut into event-time slices, as a live feed would deliver it.

The registries (persons, phones, accounts) come first, as carriers and banks hand them over
before any traffic; every other record arrives in the slice its own time falls in (events and
reports by `ts`, list entries by `listed_at`, earlier entries in the first slice). Replaying the
slices in order into the service gives it exactly the dataset, so a live run and `fanzha replay`
can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl

from fanzha.io.dataset import TableSource
from fanzha.io.schema import INPUT_TABLES

#: Tables without a time of their own: delivered whole, before the first slice of events.
REGISTRIES = ("persons", "phones", "accounts")
#: Tables delivered by their time column, in the order a slice lists them.
TIMED = tuple(spec.name for spec in INPUT_TABLES if spec.order_by is not None)


@dataclass(frozen=True)
class FeedSlice:
    """Records with time in [since, until); `tables` holds only non-empty tables."""

    since: int
    until: int
    tables: dict[str, pl.DataFrame]

    @property
    def rows(self) -> int:
        return sum(frame.height for frame in self.tables.values())


def registries(source: TableSource) -> FeedSlice:
    """The registry tables, as one slice at the start of the dataset."""
    start = source.meta.start
    tables = {name: source.table(name) for name in REGISTRIES}
    return FeedSlice(start, start, {n: f for n, f in tables.items() if f.height})


def timed_slices(source: TableSource, step_s: int) -> Iterator[FeedSlice]:
    """Slices of `step_s` seconds from the dataset's start to its end.

    The first slice also carries what is dated before the start (list entries made earlier).
    """
    if step_s <= 0:
        raise ValueError(f"step_s must be positive, got {step_s}")
    timed = {
        spec.name: source.table(spec.name).sort(spec.order_by)
        for spec in INPUT_TABLES
        if spec.order_by is not None
    }
    columns = {spec.name: spec.order_by for spec in INPUT_TABLES if spec.order_by is not None}
    meta = source.meta
    latest = max(
        [meta.end, *(int(f[columns[n]].to_numpy()[-1]) + 1 for n, f in timed.items() if f.height)]
    )
    since = meta.start
    while since < latest:
        until = since + step_s
        tables = {}
        for name, frame in timed.items():
            ts = frame[columns[name]]
            low = 0 if since == meta.start else int(ts.search_sorted(since, side="left"))
            high = int(ts.search_sorted(until, side="left"))
            if high > low:
                tables[name] = frame.slice(low, high - low)
        yield FeedSlice(since, until, tables)
        since = until


def merged(slices: list[FeedSlice]) -> FeedSlice:
    """Consecutive slices as one, to store a backlog in fewer, larger batches."""
    names = dict.fromkeys(name for piece in slices for name in piece.tables)
    tables = {
        name: pl.concat([p.tables[name] for p in slices if name in p.tables]) for name in names
    }
    return FeedSlice(slices[0].since, slices[-1].until, tables)

"""The live engine's working set: the stored input records of the last days, held in memory.

It is refreshed from the database each round, whichever way the records arrived (REST batches,
a dataset import, the stream consumer, another process): the recent rows of each table are
read by time, and a count over the rest of the window catches rows that arrived late, which
reloads that table's window. It offers the tables as `Dataset.table` does, so the engine
reads it exactly as it reads a dataset directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.io.event_feed import REGISTRIES
from fanzha.io.schema import INPUT_TABLES, TABLES, Meta
from fanzha.store.dataset_tables import DATASET_TABLES, list_entries
from fanzha.store.ledger_frames import stored_frame

#: Rows this far behind a table's newest are re-read every round (they may still be arriving).
RECENT_S = 15 * 60
#: Event tables, trimmed to the window; lists are kept whole (a value listed a year ago is
#: still known), registries too.
EVENT_TABLES = ("calls", "sms", "net", "transfers", "reports")
LIST_TABLES = tuple(spec.name for spec in INPUT_TABLES if spec.name.startswith("lists/"))


@dataclass
class Refreshed:
    """What one refresh read: rows per table, and the tables reloaded because rows came late."""

    rows: dict[str, int] = field(default_factory=dict)
    reloaded: list[str] = field(default_factory=list)


def _list_frame(session: Session, name: str) -> pl.DataFrame:
    kind = name.removeprefix("lists/")
    query = (
        select(list_entries.c.value, list_entries.c.listed_at, list_entries.c.source)
        .where(list_entries.c.kind == kind)
        .order_by(list_entries.c.listed_at, list_entries.c.value)
    )
    schema = {"value": pl.String, "listed_at": pl.Int64, "source": pl.String}
    return pl.DataFrame([tuple(r) for r in session.execute(query)], schema=schema, orient="row")


def _count(session: Session, name: str, since: int | None = None, until: int | None = None) -> int:
    if name.startswith("lists/"):
        query = select(func.count()).where(list_entries.c.kind == name.removeprefix("lists/"))
    else:
        table = DATASET_TABLES[name]
        query = select(func.count()).select_from(table)
        if since is not None:
            query = query.where(table.c.ts >= since)
        if until is not None:
            query = query.where(table.c.ts < until)
    return int(session.scalar(query) or 0)


def _event_bounds(session: Session) -> tuple[int, int] | None:
    """Oldest and newest event time stored, over every event table."""
    lows, highs = [], []
    for name in EVENT_TABLES:
        ts = DATASET_TABLES[name].c.ts
        low, high = session.execute(select(func.min(ts), func.max(ts))).one()
        if low is not None:
            lows.append(int(low))
            highs.append(int(high))
    return (min(lows), max(highs)) if lows else None


class EventWindow:
    """Stored records of the last `span_s` seconds before the newest event, in memory.

    `origin` is when history begins (the window never starts before it); by default the
    oldest event stored when the window was first filled.
    """

    def __init__(self, span_s: int, origin: int | None = None) -> None:
        if span_s <= 0:
            raise ValueError(f"span_s must be positive, got {span_s}")
        self.span_s = span_s
        self.origin = origin
        #: Newest event time stored at the last refresh; None while nothing is stored.
        self.newest: int | None = None
        self._start = origin or 0
        self._frames: dict[str, pl.DataFrame] = {}
        self._counts: dict[str, int] = {}

    @property
    def meta(self) -> Meta:
        end = self._start if self.newest is None else self.newest + 1
        return Meta(self._start, end, None, "live window of the stored records")

    def table(self, name: str) -> pl.DataFrame:
        if name not in TABLES or name.startswith("labels/"):
            raise ValueError(f"not an input table: {name}")
        if name not in self._frames:
            raise LookupError(f"{name}: the window has not been refreshed yet")
        return self._frames[name]

    def refresh(self, session: Session) -> Refreshed:
        """Bring every table up to what the database holds now."""
        out = Refreshed()
        for name in (*REGISTRIES, *LIST_TABLES):
            count = _count(session, name)
            if name not in self._frames or count != self._counts[name]:
                frame = (
                    _list_frame(session, name)
                    if name in LIST_TABLES
                    else stored_frame(session, name)
                )
                self._frames[name], self._counts[name] = frame, count
                out.rows[name] = frame.height
        bounds = _event_bounds(session)
        if bounds is not None:
            if self.origin is None:
                self.origin = bounds[0]
            self.newest = bounds[1]
            self._start = max(self.origin, self.newest - self.span_s)
        for name in EVENT_TABLES:
            out.rows[name] = self._refresh_events(session, name, out)
        return out

    def _refresh_events(self, session: Session, name: str, out: Refreshed) -> int:
        """Re-read the recent rows; reload the whole window if older rows arrived late."""
        ts = DATASET_TABLES[name].c.ts
        held = self._frames.get(name)
        if held is None:
            self._frames[name] = stored_frame(session, name, ts >= self._start)
            return self._frames[name].height
        held = held.filter(pl.col("ts") >= self._start)
        frontier = max(self._start, int(held["ts"][-1]) - RECENT_S) if held.height else self._start
        older = held.filter(pl.col("ts") < frontier)
        if _count(session, name, self._start, frontier) != older.height:
            out.reloaded.append(name)
            self._frames[name] = stored_frame(session, name, ts >= self._start)
            return self._frames[name].height
        recent = stored_frame(session, name, ts >= frontier)
        self._frames[name] = pl.concat([older, recent])
        return recent.height

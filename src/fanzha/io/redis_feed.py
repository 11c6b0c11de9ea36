"""Publish a dataset as a live feed on a Redis stream, in event time.

Each stream entry carries a chunk of rows of one table in the service's ingest JSON shape
(`rows` = a JSON list of objects with the table's CSV columns as text, as POST /api/ingest
takes them), so the service checks them exactly as it checks a REST batch. Slices of the
feed are published when simulated time reaches their end: a record never arrives before it
happened.

The publisher never trims the stream (no MAXLEN): trimming at XADD drops entries whether or
not a consumer has read them, so a service that is down or slow would lose events. The
service's consumer trims instead, up to the oldest entry some consumer group still needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import polars as pl
import redis

from fanzha.io.dataset import TableSource
from fanzha.io.event_feed import FeedSlice, registries, timed_slices
from fanzha.io.fields import format_column
from fanzha.io.schema import TABLES

#: Value of the `format` field of every entry; a consumer refuses entries of another format.
FORMAT = "dataset/1"
DEFAULT_STREAM = "fanzha:events"
#: Rows per entry: small enough for a quick commit, large enough to keep entries few.
DEFAULT_CHUNK_ROWS = 1000


@dataclass(frozen=True)
class FeedProgress:
    """Where a running feed is: after `slices` slices, `entries` entries and `rows` rows."""

    slices: int
    entries: int
    rows: int
    simulated_ts: int


def rows_json(name: str, frame: pl.DataFrame) -> str:
    """Typed rows of table `name` as the JSON list of text rows the ingest API accepts."""
    spec = TABLES[name]
    text = frame.select([format_column(pl.col(c.name), c.type).alias(c.name) for c in spec.columns])
    return text.write_json()


def slice_entries(feed_slice: FeedSlice, chunk_rows: int) -> Iterator[dict[str, str]]:
    """The stream entries of one slice: per table, chunks of at most `chunk_rows` rows."""
    if chunk_rows <= 0:
        raise ValueError(f"chunk_rows must be positive, got {chunk_rows}")
    for name, frame in feed_slice.tables.items():
        for start in range(0, frame.height, chunk_rows):
            chunk = frame.slice(start, chunk_rows)
            yield {
                "table": name,
                "format": FORMAT,
                "since": str(feed_slice.since),
                "until": str(feed_slice.until),
                "count": str(chunk.height),
                "rows": rows_json(name, chunk),
            }


def feed_slices(source: TableSource, step_s: int) -> Iterator[FeedSlice]:
    """The registries, then the timed slices of `step_s` simulated seconds."""
    yield registries(source)
    yield from timed_slices(source, step_s)


def slice_count(source: TableSource, step_s: int) -> int:
    """How many slices `feed_slices` yields (for a progress bar)."""
    meta = source.meta
    return 1 + max(1, -(-(meta.end - meta.start) // step_s))


def merge_slices(parts: list[FeedSlice]) -> FeedSlice:
    """Consecutive slices as one: what a feed that is catching up delivers at once."""
    tables: dict[str, list[pl.DataFrame]] = {}
    for part in parts:
        for name, frame in part.tables.items():
            tables.setdefault(name, []).append(frame)
    merged = {name: pl.concat(frames) for name, frames in tables.items()}
    return FeedSlice(parts[0].since, parts[-1].until, merged)


def publish(
    client: redis.Redis,
    stream: str,
    source: TableSource,
    *,
    step_s: int,
    speed: float,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    on_progress: Callable[[FeedProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> FeedProgress:
    """XADD the dataset to `stream`, slice after slice; returns the totals.

    `speed` is simulated seconds per wall second: a slice ending at simulated time `until` is
    published `(until - start) / speed` wall seconds after the first; 0 publishes as fast as
    Redis takes it. Slices already due (speed 0, or a feed behind time) are merged until they
    hold `chunk_rows` rows, so catching up sends few full entries instead of many small
    ones; everything of a slice still goes out before anything of a later one.
    """
    if speed < 0:
        raise ValueError(f"speed must be 0 or more, got {speed}")
    start = source.meta.start
    began = clock()
    done = FeedProgress(0, 0, 0, start)
    due: list[FeedSlice] = []
    held = 0

    def flush() -> None:
        nonlocal done, held
        if not due:
            return
        merged = merge_slices(due)
        pipeline = client.pipeline(transaction=False)
        added = 0
        for entry in slice_entries(merged, chunk_rows):
            pipeline.xadd(stream, entry)  # type: ignore[arg-type]
            added += 1
        pipeline.execute()
        done = FeedProgress(
            done.slices + len(due), done.entries + added, done.rows + merged.rows, merged.until
        )
        due.clear()
        held = 0
        if on_progress is not None:
            on_progress(done)

    for feed_slice in feed_slices(source, step_s):
        if speed > 0:
            wait = began + (feed_slice.until - start) / speed - clock()
            if wait > 0:
                flush()
                sleep(wait)
        due.append(feed_slice)
        held += feed_slice.rows
        if held >= chunk_rows:
            flush()
    flush()
    return done

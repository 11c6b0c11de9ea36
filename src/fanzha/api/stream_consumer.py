"""Ingest from a Redis stream with a consumer group, losing nothing when the service dies.

Each entry (see `fanzha.io.redis_feed`) holds rows of one table in the ingest JSON shape.
Entries are acknowledged only after their good rows are committed, so a service killed between
read and commit finds them still pending at its next start and handles them again; the store
is idempotent by event id, so the second time counts duplicates and stores nothing twice.
Entries another consumer left pending for `claim_idle_ms` are taken over (XAUTOCLAIM).

Rows are checked exactly as POST /api/ingest checks them. Bad rows, and entries that cannot
be read at all, go to the dead-letter stream `<stream>:rejected` with the entry id, row
index, field and reason, and to the log; the good rows of the entry are kept. That stream
keeps about the newest `stream_rejected_maxlen` letters (approximate MAXLEN at each XADD).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import redis
from fastapi import FastAPI
from pydantic import BaseModel
from redis.typing import EncodableT, FieldT
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from fanzha.api.services import Services
from fanzha.api.stream_entries import CheckedEntry, DeadLetter, EntryFields, check_entry
from fanzha.api.system_audit import audit_by_system
from fanzha.store.case_usecase import open_reported_cases
from fanzha.store.ingest_usecase import store_records

log = logging.getLogger(__name__)

#: Entries asked for per read; they are committed in one transaction, then acknowledged.
READ_COUNT = 32
#: How long a read waits for new entries, so a stop request is seen within this time.
BLOCK_MS = 1000
#: A failed round (Redis or the database away) is retried after this many seconds.
RETRY_S = 2.0
#: Acknowledged entries are trimmed from the stream at most this often.
TRIM_EVERY_S = 1.0
#: What the database refuses because of the data itself, not because it is away.
REFUSED = (DataError, IntegrityError)

Entry = tuple[str, EntryFields]


@dataclass(frozen=True)
class EntryOutcome:
    entry: CheckedEntry
    stored: int
    duplicates: int
    dead: list[DeadLetter]


class StreamCounters(BaseModel):
    """Since this service started; GET /api/stream shows them as they are (`StreamOut`)."""

    entries_read: int = 0
    entries_taken_over: int = 0
    entries_rejected: int = 0
    rows_received: int = 0
    rows_stored: int = 0
    duplicates: int = 0
    rows_rejected: int = 0
    last_entry_id: str | None = None


@dataclass(frozen=True)
class StreamStatus:
    stream: str
    group: str
    consumer: str
    counters: StreamCounters
    #: Entries of the stream not yet delivered to the group (None: unknown or unreachable).
    lag: int | None
    #: Entries delivered but not yet acknowledged.
    pending: int | None
    rejected_stream_length: int | None
    #: Why Redis could not be asked now, else why the last round failed (None: it did not).
    error: str | None = None


def _id_key(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


def _after(entry_id: str) -> str:
    ms, seq = _id_key(entry_id)
    return f"{ms}-{seq + 1}"


@dataclass
class StreamConsumer:
    """One consumer of the group; `run` is its loop, each other method one step of it."""

    services: Services
    client: redis.Redis
    stream: str
    group: str
    consumer: str
    claim_idle_ms: int
    #: About how many dead letters `<stream>:rejected` keeps; older ones are trimmed.
    rejected_maxlen: int
    counters: StreamCounters = field(default_factory=StreamCounters)
    #: Set to stop: the batch in hand is finished, the rest stay pending for the next start.
    stopping: threading.Event = field(default_factory=threading.Event)
    #: Why the last failed round failed (Redis or the database away); it is retried.
    last_error: str | None = None
    _trimmed_at: float = 0.0
    _untrimmed: bool = False

    @classmethod
    def from_settings(cls, services: Services) -> StreamConsumer:
        settings = services.settings
        if settings.stream_url is None:
            raise ValueError("FANZHA_STREAM_URL is not set")
        return cls(
            services,
            redis.Redis.from_url(settings.stream_url, decode_responses=True),
            settings.stream_name,
            settings.stream_group,
            settings.stream_consumer,
            int(settings.stream_claim_idle_s * 1000),
            settings.stream_rejected_maxlen,
        )

    @property
    def dead_letter_stream(self) -> str:
        return f"{self.stream}:rejected"

    def ensure_group(self) -> None:
        """Create the group at the start of the stream (the whole feed) unless it exists."""
        try:
            self.client.xgroup_create(self.stream, self.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read_new(self, block_ms: int | None = BLOCK_MS) -> list[Entry]:
        """Entries never delivered to the group; they stay pending here until acknowledged."""
        return self._read(">", block_ms)

    def read_own_pending(self) -> list[Entry]:
        """Entries delivered to this consumer name and never acknowledged (a crash's leftovers)."""
        return self._read("0", None)

    def take_over_idle(self, start: str = "0-0") -> tuple[str, list[Entry]]:
        """Up to READ_COUNT entries pending with any consumer for `claim_idle_ms` or longer,
        from `start` on, now ours; and where to go on from ("0-0" when the scan is done)."""
        answer = self.client.xautoclaim(
            self.stream, self.group, self.consumer, self.claim_idle_ms, start, count=READ_COUNT
        )
        return str(answer[0]), [(str(i), f) for i, f in answer[1] if i is not None]

    def _read(self, from_id: str, block_ms: int | None) -> list[Entry]:
        answer: Any = self.client.xreadgroup(
            self.group, self.consumer, {self.stream: from_id}, count=READ_COUNT, block=block_ms
        )
        return [(str(i), f) for i, f in answer[0][1]] if answer else []

    def store(self, entries: list[Entry]) -> list[EntryOutcome]:
        """Check the entries and commit their good rows, with an audit entry each, at once.

        If the database refuses the batch (a value too long for its column, say), each entry
        is stored on its own, and an entry it refuses row by row: the rows it refuses become
        dead letters, the others are kept.
        """
        checked = [check_entry(entry_id, fields) for entry_id, fields in entries]
        now = self.services.now()
        try:
            with self.services.database.session() as session:
                return [self._commit(session, now, entry) for entry in checked]
        except REFUSED:
            log.warning(
                "stream %s: the database refused a batch; storing it entry by entry", self.stream
            )
        outcomes = []
        for entry in checked:
            try:
                with self.services.database.session() as session:
                    outcomes.append(self._commit(session, now, entry))
            except REFUSED:
                outcomes.append(self._commit_row_by_row(now, entry))
        return outcomes

    def _commit(self, session: Session, now: int, entry: CheckedEntry) -> EntryOutcome:
        if not entry.table:
            return EntryOutcome(entry, 0, 0, entry.dead)
        result = store_records(session, entry.table, entry.frame)
        outcome = EntryOutcome(entry, result.stored, result.duplicates, entry.dead)
        self._record(session, now, outcome)
        return outcome

    def _commit_row_by_row(self, now: int, entry: CheckedEntry) -> EntryOutcome:
        stored = duplicates = 0
        dead = list(entry.dead)
        for position, row in enumerate(entry.index):
            try:
                with self.services.database.session() as session:
                    result = store_records(session, entry.table, entry.frame.slice(position, 1))
            except REFUSED as exc:
                reason = f"refused by the database: {exc.orig}".splitlines()[0][:300]
                dead.append(DeadLetter(row, "", reason, entry.shown(row)))
                continue
            stored += result.stored
            duplicates += result.duplicates
        outcome = EntryOutcome(entry, stored, duplicates, sorted(dead, key=lambda d: d.row))
        with self.services.database.session() as session:
            self._record(session, now, outcome)
        return outcome

    def _record(self, session: Session, now: int, outcome: EntryOutcome) -> None:
        """What the REST ingest does after storing: open reported cases, and audit."""
        entry = outcome.entry
        if entry.table == "reports":
            open_reported_cases(session, now)
        bad_rows = len({d.row for d in outcome.dead})
        audit_by_system(
            session,
            now,
            "ingest",
            kind="table",
            subject=entry.table,
            detail=f"stream {self.stream} entry {entry.entry_id}: received {len(entry.rows)}, "
            f"stored {outcome.stored}, duplicates {outcome.duplicates}, rejected rows {bad_rows}",
        )

    def settle(self, outcomes: list[EntryOutcome]) -> None:
        """Dead-letter the rejected rows and acknowledge the entries, in one Redis transaction."""
        pipeline = self.client.pipeline(transaction=True)
        for outcome in outcomes:
            for dead in outcome.dead:
                letter: dict[FieldT, EncodableT] = {
                    "entry": outcome.entry.entry_id,
                    "stream": self.stream,
                    "table": outcome.entry.table,
                    "row": str(dead.row),
                    "field": dead.field,
                    "reason": dead.reason,
                    "value": dead.value,
                }
                pipeline.xadd(
                    self.dead_letter_stream, letter, maxlen=self.rejected_maxlen, approximate=True
                )
        pipeline.xack(self.stream, self.group, *(o.entry.entry_id for o in outcomes))
        pipeline.execute()

    def handle(self, entries: list[Entry]) -> int:
        """Store, then dead-letter and acknowledge, the entries; returns how many."""
        if not entries or self.stopping.is_set():
            return 0
        outcomes = self.store(entries)
        self.settle(outcomes)
        for outcome in outcomes:
            self._count(outcome)
        return len(entries)

    def _count(self, outcome: EntryOutcome) -> None:
        counters, entry = self.counters, outcome.entry
        counters.entries_read += 1
        counters.last_entry_id = entry.entry_id
        counters.rows_received += len(entry.rows)
        counters.rows_stored += outcome.stored
        counters.duplicates += outcome.duplicates
        if not entry.table:
            counters.entries_rejected += 1
        counters.rows_rejected += len({d.row for d in outcome.dead if d.row >= 0})
        for dead in outcome.dead:
            log.warning(
                "stream %s entry %s: rejected row %d of %s, field %r: %s",
                self.stream,
                entry.entry_id,
                dead.row,
                entry.table or "?",
                dead.field,
                dead.reason,
            )

    def recover(self) -> int:
        """Handle what a crash left pending here, then what dead consumers left idle."""
        handled = 0
        while not self.stopping.is_set() and (pending := self.read_own_pending()):
            handled += self.handle(pending)
        start = "0-0"
        while not self.stopping.is_set():
            start, taken = self.take_over_idle(start)
            self.counters.entries_taken_over += len(taken)
            handled += self.handle(taken)
            if start == "0-0":
                break
        return handled

    def trim_consumed(self) -> int:
        """Drop entries every group of the stream has acknowledged; returns how many."""
        floor: str | None = None
        for group in self.client.xinfo_groups(self.stream):
            pending = self.client.xpending(self.stream, group["name"])
            low = str(pending["min"]) if pending["pending"] else _after(group["last-delivered-id"])
            if floor is None or _id_key(low) < _id_key(floor):
                floor = low
        self._trimmed_at, self._untrimmed = time.monotonic(), False
        if floor is None:
            return 0
        trimmed: int = self.client.xtrim(self.stream, minid=floor, approximate=False)
        return trimmed

    def poll(self, block_ms: int | None = BLOCK_MS) -> int:
        """Handle the next new entries (waiting up to `block_ms`); returns how many."""
        handled = self.handle(self.read_new(block_ms))
        self._untrimmed = self._untrimmed or handled > 0
        if self._untrimmed and time.monotonic() - self._trimmed_at >= TRIM_EVERY_S:
            self.trim_consumed()
        return handled

    def run(self) -> None:
        """Until `stopping` is set: recover, then poll; any failure is logged and retried."""
        recovered = False
        last_recovery = 0.0
        while not self.stopping.is_set():
            try:
                if not recovered:
                    self.ensure_group()
                    self.recover()
                    recovered = True
                    last_recovery = time.monotonic()
                self.poll()
                if time.monotonic() - last_recovery > self.claim_idle_ms / 1000:
                    recovered = False
            except Exception as exc:  # Redis or the database away: retry, keep serving
                self.last_error = f"{type(exc).__name__}: {exc}"[:500]
                log.exception("stream %s: round failed; retrying", self.stream)
                recovered = False
                self.stopping.wait(RETRY_S)

    def status(self) -> StreamStatus:
        lag = pending = rejected = None
        error = None
        try:
            for group in self.client.xinfo_groups(self.stream):
                if group["name"] == self.group:
                    lag, pending = group.get("lag"), group["pending"]
            rejected = int(self.client.xlen(self.dead_letter_stream))
        except redis.RedisError as exc:
            error = f"{type(exc).__name__}: {exc}"
        return StreamStatus(
            self.stream,
            self.group,
            self.consumer,
            self.counters,
            lag,
            pending,
            rejected,
            error or self.last_error,
        )


@asynccontextmanager
async def consume_stream(app: FastAPI, services: Services) -> AsyncIterator[None]:
    """While the app runs, consume FANZHA_STREAM_URL in a thread (nothing when it is unset).

    On shutdown the loop finishes the batch in hand (commit and acknowledge) before the
    database is closed; what it has not started stays pending for the next start.
    """
    if services.settings.stream_url is None:
        yield
        return
    consumer = StreamConsumer.from_settings(services)
    app.state.stream_consumer = consumer
    task = asyncio.create_task(asyncio.to_thread(consumer.run))
    try:
        yield
    finally:
        consumer.stopping.set()
        await task
        consumer.client.close()

"""A dataset fed into the running service at accelerated event time, for demos and load tests.

The service's clock runs `speed` simulated seconds per wall second from `origin`; each slice of
the dataset is stored once the clock has passed its end, through the same store the REST ingest
writes, so the live engine takes it in as it takes any other ingest.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from fanzha.api.services import Services
from fanzha.io.dataset import TableSource
from fanzha.io.event_feed import FeedSlice, merged, registries, timed_slices
from fanzha.store.feed_usecase import store_slice

log = logging.getLogger(__name__)


@dataclass
class AcceleratedClock:
    """Event time that runs `speed` times faster than the wall, from `origin`."""

    origin: int
    speed: float
    wall_start: float = field(default_factory=time.time)

    def __call__(self) -> int:
        return int(self.origin + (time.time() - self.wall_start) * self.speed)


@dataclass(frozen=True)
class Feed:
    """A dataset to feed the service, in slices of `step_s` seconds of event time."""

    source: TableSource
    step_s: int = 60


def _store(services: Services, piece: FeedSlice) -> None:
    with services.database.session() as session:
        store_slice(session, piece)


#: A backlog (slices the clock has already passed) is stored in batches of about this many rows.
BACKLOG_ROWS = 50_000


async def feed_dataset(services: Services, feed: Feed, caught_up: asyncio.Event) -> None:
    """Store the registries and the backlog the clock has passed, set `caught_up`, then store
    every further slice as soon as the clock has passed its end."""
    await asyncio.to_thread(_store, services, registries(feed.source))
    backlog: list[FeedSlice] = []
    for piece in timed_slices(feed.source, feed.step_s):
        if services.now() >= piece.until:
            backlog.append(piece)
            if sum(p.rows for p in backlog) >= BACKLOG_ROWS:
                await asyncio.to_thread(_store, services, merged(backlog))
                backlog = []
            continue
        if backlog:
            await asyncio.to_thread(_store, services, merged(backlog))
            backlog = []
        caught_up.set()
        while services.now() < piece.until:
            await asyncio.sleep(0.2)
        await asyncio.to_thread(_store, services, piece)
    if backlog:
        await asyncio.to_thread(_store, services, merged(backlog))
    caught_up.set()
    log.info("feed finished: the whole dataset is stored")

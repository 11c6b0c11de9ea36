"""A steady feed into the running service: how fast it ingests, and how soon decisions land.

The service runs in its own process (uvicorn, as `fanzha serve` runs it) with its event clock
accelerated; this process posts a simulated city's records over HTTP in slices as that clock
passes them, and watches the database for the warnings and flags the live engine stores. A
decision's latency is the wall time from the end of the post that carried the record it was
decided at to the moment it is seen stored.
"""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np
from sqlalchemy import select

from fanzha.api.feed_loop import AcceleratedClock
from fanzha.api.roles import Role
from fanzha.api.services import wall_clock
from fanzha.api.settings import ServiceSettings
from fanzha.api.users import create_user
from fanzha.bench.local_port import free_port
from fanzha.bench.service_bench import PASSWORD, json_rows
from fanzha.io.dataset import Dataset
from fanzha.io.event_feed import FeedSlice, merged, registries, timed_slices
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.store.database import Database
from fanzha.store.feed_usecase import store_slice
from fanzha.store.live_progress import decided_until
from fanzha.store.service_tables import EngineFlag, WarningRecord

#: Event seconds per slice of the city.
SLICE_S = 10
#: Wall seconds between posts: each post carries every slice the clock has passed.
POST_EVERY_S = 0.5
#: Rows per POST (the API takes at most 50,000).
POST_ROWS = 20_000


@dataclass(frozen=True)
class ServeSetup:
    settings: ServiceSettings
    origin: int
    speed: float
    wall_start: float
    port: int


def _serve(setup: ServeSetup) -> None:
    import uvicorn

    from fanzha.api.app import create_app

    clock = AcceleratedClock(setup.origin, setup.speed, setup.wall_start)
    app = create_app(setup.settings, clock, session_clock=wall_clock)
    uvicorn.run(app, host="127.0.0.1", port=setup.port, log_level="warning")


@contextmanager
def _service(setup: ServeSetup) -> Iterator[httpx.Client]:
    process = multiprocessing.get_context("spawn").Process(target=_serve, args=(setup,))
    process.start()
    client = httpx.Client(base_url=f"http://127.0.0.1:{setup.port}", timeout=60)
    try:
        for _ in range(300):
            try:
                client.get("/openapi.json")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        answer = client.post("/api/login", json={"username": "bench", "password": PASSWORD})
        client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield client
    finally:
        client.close()
        process.terminate()
        process.join(10)


class Watcher:
    """Polls the store for decisions, noting the wall time each is first seen."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.seen: dict[tuple[str, str], tuple[int, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            now = time.perf_counter()
            with self.database.session() as session:
                rows = [
                    *(
                        ("warning", i, t)
                        for i, t in session.execute(
                            select(WarningRecord.warning_id, WarningRecord.ts)
                        )
                    ),
                    *(
                        (k, v, t)
                        for k, v, t in session.execute(
                            select(EngineFlag.kind, EngineFlag.value, EngineFlag.ts)
                        )
                    ),
                ]
            for kind, key, ts in rows:
                self.seen.setdefault((kind, key), (int(ts), now))


def _await_decided(database: Database, until: int, timeout_s: float = 120.0) -> None:
    """Wait until the live engine has decided every moment up to `until`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with database.session() as session:
            decided = decided_until(session)
        if decided is not None and decided >= until:
            return
        time.sleep(0.2)
    raise RuntimeError(f"the live engine did not decide up to {until} within {timeout_s:g} s")


def _post(client: httpx.Client, piece: FeedSlice) -> int:
    posted = 0
    for name, frame in piece.tables.items():
        for start in range(0, frame.height, POST_ROWS):
            rows = json_rows(frame.slice(start, POST_ROWS), name)
            answer = client.post(f"/api/ingest/{name}", json={"rows": rows})
            answer.raise_for_status()
            posted += len(rows)
    return posted


def _quantiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    return float(np.percentile(values, 50)), float(np.percentile(values, 99))


def run(
    *,
    persons: int,
    days: int,
    seed: int,
    speed: float,
    warm_hours: float,
    lateness_s: int,
    interval_s: float,
) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "city"
        simulate(
            SimConfig.profile("high_fraud").with_overrides(persons=persons, days=days, seed=seed),
            root,
        )
        data = Dataset(root)
        url = f"sqlite:///{Path(tmp) / 'serve.sqlite3'}"
        database = Database(url)
        database.migrate()
        origin = data.meta.start + int(warm_hours * 3600)
        slices = list(timed_slices(data, SLICE_S))
        warm = [p for p in slices if p.until <= origin]
        live = [p for p in slices if p.until > origin]
        with database.session() as session:
            create_user(session, "bench", PASSWORD, Role.ADMIN, origin)
            store_slice(session, registries(data))
            if warm:
                store_slice(session, merged(warm))
        settings = ServiceSettings(
            database_url=url,
            secure_cookies=False,
            escalation_interval_s=0,
            live_interval_s=interval_s,
            live_lateness_s=lateness_s,
            live_backfill_s=lateness_s + 60,
        )
        setup = ServeSetup(settings, origin, speed, time.time() + 5.0, free_port())
        clock = AcceleratedClock(setup.origin, setup.speed, setup.wall_start)
        posted_at: list[tuple[int, int, float]] = []
        rows = 0
        behind: list[float] = []
        with _service(setup) as client, Watcher(database) as watcher:
            began = time.perf_counter()
            while live:
                time.sleep(max(0.0, POST_EVERY_S - (time.perf_counter() - began) % POST_EVERY_S))
                now = clock()
                due = [p for p in live if p.until <= now]
                if not due:
                    continue
                live = live[len(due) :]
                behind.append((clock() - due[0].until) / speed)
                rows += _post(client, merged(due))
                posted_at.append((due[0].since, due[-1].until, time.perf_counter()))
            fed_s = time.perf_counter() - began
            _await_decided(database, posted_at[-1][1] - lateness_s - SLICE_S)
            time.sleep(0.5)  # the watcher's next polls see the last round's decisions
        database.dispose()
    since = np.array([p[0] for p in posted_at])
    walls = np.array([p[2] for p in posted_at])
    latency: dict[str, list[float]] = {"warning": [], "number": [], "account": []}
    for (kind, _key), (ts, seen) in watcher.seen.items():
        at = int(np.searchsorted(since, ts, side="right")) - 1
        if at >= 0 and posted_at[at][1] > ts:
            latency[kind].append(seen - float(walls[at]))
    out: list[dict[str, object]] = [
        {
            "measure": "records posted over HTTP (steady feed)",
            "value": f"{rows:,} in {fed_s:.1f} s = {rows / fed_s:,.0f} rows/s",
        },
        {
            "measure": "event clock",
            "value": f"{speed:g}x; live round every {interval_s:g} s, lateness {lateness_s} s",
        },
        {
            "measure": "oldest record of a post behind the clock, median / max (s)",
            "value": f"{statistics.median(behind):.2f} / {max(behind):.2f}",
        },
    ]
    for kind, values in latency.items():
        p50, p99 = _quantiles(values)
        out.append(
            {
                "measure": f"{kind} latency p50 / p99 (s, n={len(values)})",
                "value": f"{p50:.2f} / {p99:.2f}",
            }
        )
    return out

"""How fast a simulated city goes through Redis Streams: published by `fanzha feed`, then
checked, stored and acknowledged by the service's consumer, and what the stream costs Redis.

Uses the Redis at `redis_url`, or starts a throwaway `redis-server` (no persistence) on a free
port; stores into a fresh SQLite file unless a database URL is given.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis

from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.api.stream_consumer import StreamConsumer
from fanzha.bench.local_port import free_port
from fanzha.bench.measure import peak_rss_mb
from fanzha.io.dataset import Dataset
from fanzha.io.redis_feed import publish
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.store.database import Database

STREAM = "fanzha:bench"


@contextmanager
def _redis(url: str | None) -> Iterator[str]:
    """`url`, or a throwaway redis-server for the length of the benchmark."""
    if url is not None:
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server not found: install it or pass --redis URL")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=10)


def run(
    persons: int,
    days: int,
    chunk_rows: int,
    database: str | None,
    redis_url: str | None,
) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp, _redis(redis_url) as url:
        city = Path(tmp) / "city"
        simulate(SimConfig.profile("default").with_overrides(persons=persons, days=days), city)
        source = Dataset(city)
        client = redis.Redis.from_url(url)
        client.delete(STREAM, f"{STREAM}:rejected")
        memory_before = int(client.info("memory")["used_memory"])
        began = time.perf_counter()
        fed = publish(client, STREAM, source, step_s=60, speed=0, chunk_rows=chunk_rows)
        publish_s = time.perf_counter() - began
        stream_mb = (int(client.info("memory")["used_memory"]) - memory_before) / 2**20

        db_url = database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        store = Database(db_url)
        store.migrate()
        settings = ServiceSettings(
            database_url=db_url, stream_url=url, stream_name=STREAM, stream_claim_idle_s=0
        )
        consumer = StreamConsumer.from_settings(Services(settings, store))
        consumer.ensure_group()
        began = time.perf_counter()
        while consumer.poll(block_ms=None):
            pass
        consume_s = time.perf_counter() - began
        consumer.trim_consumed()
        counters = consumer.counters
        left = int(client.xlen(STREAM))
        consumer.client.close()
        client.close()
        store.dispose()
    backend = db_url.split(":", 1)[0]
    return [
        {
            "step": f"publish a city of {persons:,} persons x {days} d (fanzha feed, speed 0)",
            "rows": fed.rows,
            "entries": fed.entries,
            "seconds": round(publish_s, 2),
            "rows/s": f"{fed.rows / publish_s:,.0f}",
            "note": f"stream held {stream_mb:,.1f} MiB in Redis before the consumer trimmed it",
        },
        {
            "step": f"consume: check, store in {backend}, audit, ack, trim",
            "rows": counters.rows_stored,
            "entries": counters.entries_read,
            "seconds": round(consume_s, 2),
            "rows/s": f"{counters.rows_received / consume_s:,.0f}",
            "note": f"rejected {counters.rows_rejected}, left in stream after trim {left}, "
            f"peak RSS {peak_rss_mb():,.0f} MiB",
        },
    ]

"""How fast the simulator writes a city, and how much memory it needs."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from fanzha.bench.measure import peak_rss_mb
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate

EVENT_TABLES = ("calls", "sms", "net", "transfers")


def run(persons: int, days: int, seed: int, profile: str) -> list[dict[str, object]]:
    """Simulate one city into a temporary directory; one row of figures.

    CPU seconds are quoted beside wall seconds: on a shared machine the wall clock includes
    time spent waiting for a core."""
    config = SimConfig.profile(profile).with_overrides(persons=persons, days=days, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start, cpu_start = time.perf_counter(), time.process_time()
        summary = simulate(config, root)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20
    events = sum(summary.rows[t] for t in EVENT_TABLES)
    return [
        {
            "city": f"{persons:,}x{days}d",
            "M events": round(events / 1e6, 2),
            "targets": summary.targets,
            "wall s": round(elapsed, 1),
            "cpu s": round(cpu, 1),
            "k ev/s": round(events / elapsed / 1e3),
            "MiB": round(size_mb),
            "RSS MiB": round(peak_rss_mb()),
        }
    ]

"""How fast the checked reader turns transfers.csv into a typed columnar table, and the peak
memory of a process that only reads it (the file is written by another)."""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

from fanzha.bench.measure import Timing, peak_rss_mb, time_runs
from fanzha.io.schema import TABLES
from fanzha.io.table_reader import read_table
from fanzha.io.table_writer import write_table

BASE_TS = 1_772_294_400  # 2026-03-01T00:00:00+08:00


def synthetic_transfers(rows: int, seed: int = 7) -> pl.DataFrame:
    """A typed transfers table with plausible columns, sorted by time."""
    rng = np.random.default_rng(seed)
    accounts = np.char.add("62220", rng.integers(10**9, 10**10, 200_000).astype(str))
    return pl.DataFrame(
        {
            "event_id": pl.int_range(0, rows, eager=True).cast(pl.String).str.zfill(10),
            "ts": np.sort(BASE_TS + rng.integers(0, 14 * 86400, rows)),
            "from_account": accounts[rng.integers(0, accounts.size, rows)],
            "to_account": accounts[rng.integers(0, accounts.size, rows)],
            "amount": rng.integers(1, 5_000_000, rows),
            "channel": np.array(["mobile", "online", "atm"])[rng.integers(0, 3, rows)],
        }
    ).with_columns(pl.concat_str(pl.lit("T"), "event_id").alias("event_id"))


def _read_in_child(root: str, repeat: int) -> tuple[Timing, int, float, float]:
    read_table(Path(root), TABLES["transfers"])  # warms the page cache
    timing, frame = time_runs(lambda: read_table(Path(root), TABLES["transfers"]), repeat)
    return timing, frame.height, frame.estimated_size("mb"), peak_rss_mb()


def run(rows: int, repeat: int) -> list[dict[str, object]]:
    spec = TABLES["transfers"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_table(synthetic_transfers(rows), root, spec)
        size_mb = (root / spec.file).stat().st_size / 2**20
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            timing, height, table_mb, peak = pool.apply(_read_in_child, (str(root), repeat))
    return [
        {
            "file": spec.file,
            "rows": f"{height:,}",
            "MiB": round(size_mb, 1),
            "median s": round(timing.median_s, 2),
            "rows/s": f"{height / timing.median_s:,.0f}",
            "typed table MiB": round(table_mb, 0),
            "peak RSS MiB": round(peak, 0),
        }
    ]

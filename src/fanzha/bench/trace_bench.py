"""How fast the ledger index builds and how fast a 6-hop trace answers, on a synthetic ledger.

The ledger is random but shaped like a city's: accounts with a few dozen transfers over two
weeks, some merchants, some cash-outs. Traces start at random transfers in the first week.
"""

from __future__ import annotations

import os
import statistics
import time

import numpy as np
import polars as pl

from fanzha.bench.measure import peak_rss_mb, time_runs
from fanzha.io.schema import ACCOUNT_KINDS, CHANNELS
from fanzha.trace.ledger_index import LedgerIndex, build_index, build_index_from_codes
from fanzha.trace.tracer import TraceOptions, Tracer, TraceSeed

BASE_TS = 1_772_294_400  # 2026-03-01T00:00:00+08:00
DAYS = 14
#: The index's numeric arrays, for its size.
ARRAYS: tuple[str, ...] = ("account_kind", "ts", "src", "dst", "amount", "channel")
ARRAYS += ("out_ptr", "out_idx", "in_ptr", "in_idx")


def synthetic_frame(rows: int, accounts: int, seed: int = 11) -> pl.DataFrame:
    """A typed transfers table: ids as strings, sorted by ts, 2% deposits, 5% cash-outs."""
    rng = np.random.default_rng(seed)
    ids = pl.int_range(0, accounts, eager=True).cast(pl.String).str.zfill(12)
    ids = "6222" + ids
    src = rng.integers(0, accounts, rows)
    dst = rng.integers(0, accounts, rows)
    channel = rng.choice(len(CHANNELS), rows, p=[0.5, 0.25, 0.02, 0.02, 0.2, 0.01])
    cash_in = rng.random(rows) < 0.02
    return pl.DataFrame(
        {
            "event_id": "T" + pl.int_range(0, rows, eager=True).cast(pl.String).str.zfill(10),
            "ts": np.sort(BASE_TS + rng.integers(0, DAYS * 86_400, rows)),
            "from_account": ids.gather(src).scatter(np.flatnonzero(cash_in), None),
            "to_account": ids.gather(dst).scatter(
                np.flatnonzero(np.isin(channel, [CHANNELS.index("atm")])), None
            ),
            "amount": rng.integers(1_000, 2_000_000, rows),
            "channel": pl.Series(CHANNELS).gather(channel),
        }
    )


def synthetic_accounts(accounts: int, seed: int = 11) -> pl.DataFrame:
    rng = np.random.default_rng(seed + 1)
    ids = "6222" + pl.int_range(0, accounts, eager=True).cast(pl.String).str.zfill(12)
    kind = rng.choice(len(ACCOUNT_KINDS), accounts, p=[0.95, 0.04, 0.01])
    return pl.DataFrame({"account_id": ids, "kind": pl.Series(ACCOUNT_KINDS).gather(kind)})


def build_from_codes(frame: pl.DataFrame, index: LedgerIndex) -> LedgerIndex:
    """The CSR part of the build alone: the same arrays, already encoded."""
    return build_index_from_codes(
        account_ids=index.account_ids,
        account_kind=index.account_kind,
        event_ids=frame["event_id"],
        ts=index.ts,
        src=index.src,
        dst=index.dst,
        amount=index.amount,
        channel=index.channel,
    )


def trace_latencies(
    index: LedgerIndex, traces: int, hops: int
) -> tuple[list[float], list[int], list[int]]:
    """Milliseconds per trace, accounts reached and deepest hop, from random first-week
    transfers."""
    rng = np.random.default_rng(5)
    first_week = int(np.searchsorted(index.ts, BASE_TS + 7 * 86_400))
    candidates = rng.integers(0, first_week, traces * 4)
    starts = candidates[index.dst[candidates] >= 0][:traces]
    tracer = Tracer(index, TraceOptions(max_hops=hops))
    millis: list[float] = []
    reached: list[int] = []
    deepest: list[int] = []
    for row in starts.tolist():
        seed = TraceSeed(np.array([row]), index.amount[[row]])
        began = time.perf_counter()
        trace = tracer.run(seed)
        millis.append((time.perf_counter() - began) * 1000)
        reached.append(trace.accounts.height)
        deepest.append(int(trace.flows["hop"].to_numpy().max(initial=0)))
    return millis, reached, deepest


def run(rows: int, accounts: int, traces: int, hops: int, repeat: int) -> list[dict[str, object]]:
    generated = time.perf_counter()
    frame = synthetic_frame(rows, accounts)
    account_table = synthetic_accounts(accounts)
    generated = time.perf_counter() - generated
    cpu = time.process_time()
    full, index = time_runs(lambda: build_index(frame, account_table), repeat)
    cpu = (time.process_time() - cpu) / repeat
    csr_only, _ = time_runs(lambda: build_from_codes(frame, index), repeat)
    millis, reached, deepest = trace_latencies(index, traces, hops)
    index_mb = sum(getattr(index, name).nbytes for name in ARRAYS) / 2**20
    return [
        {
            "transfers": f"{rows:,}",
            "accounts": f"{accounts:,}",
            "generate s": round(generated, 2),
            "build s (encode ids + CSR)": round(full.median_s, 2),
            "build CPU s": round(cpu, 2),
            "build s (CSR only)": round(csr_only.median_s, 2),
            "index MiB": round(index_mb, 0),
            f"trace median ms (cap {hops} hops)": round(statistics.median(millis), 2),
            "p90 ms": round(float(np.percentile(millis, 90)), 2),
            "accounts reached (median)": int(statistics.median(reached)),
            f"traces past hop {hops}": sum(d > hops for d in deepest),
            "their median ms": round(
                statistics.median(
                    [m for m, d in zip(millis, deepest, strict=True) if d > hops] or [0]
                ),
                2,
            ),
            "traces": len(millis),
            "peak RSS MiB": round(peak_rss_mb(), 0),
            "load avg": round(os.getloadavg()[0], 1),
        }
    ]

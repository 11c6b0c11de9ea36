"""How long a case takes the operations service: opening cases, the one-click stop-payment
(the whole stored ledger read back and traced per click), the case's fund-flow graph, and
the dashboard's statistics and hotspots, on a synthetic ledger stored in a fresh database.

Each victim pays a mule in the first week, the money moves on to a second mule and is partly
withdrawn; the victim reports twenty minutes after paying, naming the first mule.
"""

from __future__ import annotations

import statistics as stats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

from fanzha.bench.measure import peak_rss_mb
from fanzha.bench.trace_bench import BASE_TS, synthetic_accounts, synthetic_frame
from fanzha.store.case_flow_usecase import case_flow
from fanzha.store.case_stop_usecase import stop_pay
from fanzha.store.case_usecase import case_id_of, open_reported_cases
from fanzha.store.database import Database
from fanzha.store.ingest_usecase import store_records
from fanzha.warn.hotspot_usecase import HotspotRule, find_hotspots
from fanzha.warn.statistics_usecase import statistics

DISTRICTS = 10


def _city(rows: int, accounts: int, cases: int) -> dict[str, pl.DataFrame]:
    transfers = synthetic_frame(rows, accounts)
    holders = accounts // 2
    account_table = synthetic_accounts(accounts).with_columns(
        holder_person_id="P" + (pl.int_range(0, accounts) % holders).cast(pl.String),
        bank="B" + (pl.int_range(0, accounts) % 8).cast(pl.String),
        opened_at=pl.lit(None, pl.Int64),
    )
    persons = pl.DataFrame(
        {
            "person_id": [f"P{i}" for i in range(holders)],
            "district": [f"3601{i % DISTRICTS:02d}" for i in range(holders)],
            "birth_year": [1980] * holders,
            "sex": ["F"] * holders,
        },
        schema_overrides={"birth_year": pl.Int64},
    )
    transfers, reports = _scams(transfers, account_table, cases)
    return {
        "persons": persons,
        "accounts": account_table.select(
            "account_id", "holder_person_id", "bank", "kind", "opened_at"
        ),
        "transfers": transfers,
        "reports": reports,
    }


def _scams(
    transfers: pl.DataFrame, accounts: pl.DataFrame, cases: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Add each victim's payment to a mule, which passes 90% on within five minutes to a second
    mule, which withdraws half at an ATM; the victim reports twenty minutes after paying."""
    rng = np.random.default_rng(7)
    ids = accounts["account_id"]
    victims = ids.gather(rng.integers(0, ids.len(), cases))
    mule_1 = ids.gather(rng.integers(0, ids.len(), cases))
    mule_2 = ids.gather(rng.integers(0, ids.len(), cases))
    paid_at = BASE_TS + rng.integers(86_400, 7 * 86_400, cases)
    amount = rng.integers(100_000, 5_000_000, cases)
    steps = [
        (victims, mule_1, paid_at, amount, "mobile"),
        (mule_1, mule_2, paid_at + 300, amount * 9 // 10, "online"),
        (mule_2, pl.Series([None] * cases, dtype=pl.String), paid_at + 900, amount // 2, "atm"),
    ]
    scam = pl.concat(
        pl.DataFrame(
            {
                "event_id": [f"V{k}{i:06d}" for i in range(cases)],
                "ts": ts,
                "from_account": src,
                "to_account": dst,
                "amount": value,
                "channel": [channel] * cases,
            },
            schema=transfers.schema,
        )
        for k, (src, dst, ts, value, channel) in enumerate(steps)
    )
    holders = accounts.select(pl.col("account_id").alias("victim"), "holder_person_id")
    reports = (
        pl.DataFrame(
            {"victim": victims, "paid_to": mule_1, "ts": paid_at + 1200, "claimed": amount}
        )
        .join(holders, on="victim", maintain_order="left")
        .select(
            ("R" + pl.int_range(0, pl.len()).cast(pl.String)).alias("report_id"),
            "ts",
            pl.col("holder_person_id").alias("person_id"),
            pl.concat_list("paid_to").alias("paid_to"),
            pl.col("claimed").alias("claimed_amount"),
        )
        .sort("ts", "report_id")
    )
    return pl.concat([transfers, scam]).sort("ts", "event_id"), reports


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(rows: int, accounts: int, cases: int, database: str | None) -> list[dict[str, object]]:
    city = _city(rows, accounts, cases)
    now = int(city["reports"].select(pl.col("ts").max()).item()) + 3600
    results: list[dict[str, object]] = []

    def add(step: str, count: int, times: list[float]) -> None:
        results.append(
            {
                "step": step,
                "count": count,
                "total s": round(sum(times), 3),
                "median s": round(stats.median(times), 4),
                "max s": round(max(times), 4),
            }
        )

    with tempfile.TemporaryDirectory() as tmp:
        url = database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        db = Database(url)
        db.migrate()
        with db.session() as session:
            seconds = _timed(
                lambda: [store_records(session, name, frame) for name, frame in city.items()]
            )
        add(f"store {rows:,} transfers, {accounts:,} accounts", rows, [seconds])
        with db.session() as session:
            add("open cases", cases, [_timed(lambda: open_reported_cases(session, now))])
        ids = [case_id_of(r) for r in city["reports"]["report_id"].to_list()]
        clicks, graphs, sent = [], [], 0
        for case_id in ids:
            with db.session() as session:
                start = time.perf_counter()
                sent += len(stop_pay(session, case_id, now).sent)
                clicks.append(time.perf_counter() - start)
            with db.session() as session:
                start = time.perf_counter()
                case_flow(session, case_id, now)
                graphs.append(time.perf_counter() - start)
        add(f"one-click stop-pay ({sent} sent)", cases, clicks)
        add("fund-flow graph", cases, graphs)
        with db.session() as session:
            add("statistics", cases, [_timed(lambda: statistics(session))])
            rule = HotspotRule(window_s=30 * 86_400)
            add("hotspots", cases, [_timed(lambda: find_hotspots(session, now, rule))])
        db.dispose()
    backend = url.split(":", 1)[0].split("+", 1)[0]
    for row in results:
        row["backend"] = backend
        row["peak RSS MiB"] = round(peak_rss_mb(), 0)
    return results

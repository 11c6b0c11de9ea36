"""How fast the operations service takes in rows over HTTP and serves the warning board.

Runs the real app (FastAPI TestClient, no network) on a fresh SQLite file, or on the
database given by URL (an empty PostgreSQL database or schema).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import polars as pl
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.api.roles import Role
from fanzha.api.rows import check_rows
from fanzha.api.settings import ServiceSettings
from fanzha.api.users import create_user
from fanzha.bench.io_bench import BASE_TS, synthetic_transfers
from fanzha.bench.measure import peak_rss_mb, time_runs
from fanzha.io.fields import format_column
from fanzha.io.schema import TABLES

PASSWORD = "bench password only"


def json_rows(frame: pl.DataFrame, table: str) -> list[dict[str, object]]:
    spec = TABLES[table]
    text = frame.select([format_column(pl.col(c.name), c.type).alias(c.name) for c in spec.columns])
    return text.fill_null("").to_dicts()


def _persons_and_warnings(count: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    ids = [f"P{i:07d}" for i in range(count)]
    persons: list[dict[str, object]] = [
        {"person_id": p, "district": f"3601{i % 10:02d}", "birth_year": "1980", "sex": "F"}
        for i, p in enumerate(ids)
    ]
    warnings = pl.DataFrame(
        {
            "warning_id": [f"W{i:07d}" for i in range(count)],
            "ts": [BASE_TS + i for i in range(count)],
            "person_id": ids,
            "tier": [str(1 + i % 3) for i in range(count)],
            "score": [0.9] * count,
            "reasons": ["long_call_overseas"] * count,
        }
    )
    return persons, json_rows(warnings, "warnings")


def run(rows: int, batch: int, warnings: int, database: str | None) -> list[dict[str, object]]:
    transfers = json_rows(synthetic_transfers(rows), "transfers")
    spec = TABLES["transfers"]
    checked, _ = time_runs(lambda: check_rows(spec, transfers[:batch]), 3)
    results: list[dict[str, object]] = [
        {
            "step": f"check {batch:,} JSON rows (pydantic + typing), median of 3",
            "rows": batch,
            "seconds": round(checked.median_s, 3),
            "rows/s": f"{batch / checked.median_s:,.0f}",
        }
    ]
    with tempfile.TemporaryDirectory() as tmp:
        url = database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        settings = ServiceSettings(database_url=url, secure_cookies=False)
        with TestClient(create_app(settings)) as client:
            services = client.app.state.services  # type: ignore[attr-defined]
            with services.database.session() as session:
                create_user(session, "bench_admin", PASSWORD, Role.ADMIN, BASE_TS)
                create_user(session, "bench_duty", PASSWORD, Role.DUTY_OFFICER, BASE_TS)
            tokens = {
                name: client.post(
                    "/api/login", json={"username": name, "password": PASSWORD}
                ).json()["token"]
                for name in ("bench_admin", "bench_duty")
            }
            admin = {"Authorization": f"Bearer {tokens['bench_admin']}"}
            duty = {"Authorization": f"Bearer {tokens['bench_duty']}"}
            for label in ("POST /api/ingest/transfers (new rows)", "the same rows again"):
                start = time.perf_counter()
                for first in range(0, rows, batch):
                    answer = client.post(
                        "/api/ingest/transfers",
                        json={"rows": transfers[first : first + batch]},
                        headers=admin,
                    )
                    answer.raise_for_status()
                seconds = time.perf_counter() - start
                results.append(
                    {
                        "step": f"{label}, batches of {batch:,}",
                        "rows": rows,
                        "seconds": round(seconds, 3),
                        "rows/s": f"{rows / seconds:,.0f}",
                    }
                )
            persons, warning_rows = _persons_and_warnings(warnings)
            client.post("/api/ingest/persons", json={"rows": persons}, headers=admin)
            start = time.perf_counter()
            client.post("/api/warnings", json={"rows": warning_rows}, headers=duty)
            seconds = time.perf_counter() - start
            results.append(
                {
                    "step": "POST /api/warnings (route + deadline)",
                    "rows": warnings,
                    "seconds": round(seconds, 3),
                    "rows/s": f"{warnings / seconds:,.0f}",
                }
            )
            board, _ = time_runs(
                lambda: client.get("/api/warnings/board", headers=duty).raise_for_status(), 3
            )
            results.append(
                {
                    "step": f"GET /api/warnings/board ({warnings:,} open), median of 3",
                    "rows": warnings,
                    "seconds": round(board.median_s, 3),
                    "rows/s": f"{warnings / board.median_s:,.0f}",
                }
            )
    for row in results:
        row["backend"] = url.split(":", 1)[0].split("+", 1)[0]
        row["peak RSS MiB"] = round(peak_rss_mb(), 0)
    return results

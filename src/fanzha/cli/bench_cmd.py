"""fanzha bench ...: benchmarks that print a table. Figures in docs/ come from these."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error

bench_app = typer.Typer(help="Measure speed and memory; prints a table.", no_args_is_help=True)


def print_rows(title: str, rows: list[dict[str, object]]) -> None:
    """Print benchmark rows (dicts with the same keys) as a table."""
    table = Table(*rows[0].keys(), title=title) if rows else Table(title=title)
    for row in rows:
        table.add_row(*(f"{v:,.2f}" if isinstance(v, float) else str(v) for v in row.values()))
    # Redirected to a file, rich would squeeze the table into 80 columns: keep it whole.
    Console(width=None if sys.stdout.isatty() else 400).print(table)


@bench_app.command("io")
def bench_io(
    rows: Annotated[int, typer.Option(help="Transfer rows to write and read.")] = 10_000_000,
    repeat: Annotated[int, typer.Option(help="Timed runs; the median is printed.")] = 3,
) -> None:
    """Read a transfers.csv of ROWS rows with full type checks; prints rows per second."""
    from fanzha.bench.io_bench import run

    print_rows("fanzha bench io", run(rows, repeat))


@bench_app.command("detect")
def bench_detect(
    sizes: Annotated[str, typer.Option(help="Comma-separated city sizes (persons).")] = (
        "2000,20000,100000"
    ),
    days: Annotated[int, typer.Option(help="Simulated days per city.")] = 14,
    seed: Annotated[int, typer.Option(help="Simulator seed (not one the model trained on).")] = 901,
    profile: Annotated[str, typer.Option(help="Simulator profile.")] = "default",
) -> None:
    """Replay simulated cities: events per second, peak memory and the score table."""
    from fanzha.bench.detect_bench import run

    persons = [int(s) for s in sizes.split(",") if s.strip()]
    print_rows("fanzha bench detect", run(persons, days, seed, profile))


@bench_app.command("sim")
def bench_sim(
    persons: Annotated[int, typer.Option(help="Residents of the city.")] = 100_000,
    days: Annotated[int, typer.Option(help="Simulated days.")] = 14,
    seed: Annotated[int, typer.Option(help="Simulator seed.")] = 0,
    profile: Annotated[str, typer.Option(help="Simulator profile.")] = "default",
) -> None:
    """Simulate one city (run it alone: peak RSS is the whole process)."""
    from fanzha.bench.sim_bench import run

    print_rows("fanzha bench sim", run(persons, days, seed, profile))


@bench_app.command("trace")
def bench_trace(
    *,
    rows: Annotated[int, typer.Option(help="Transfers in the synthetic ledger.")] = 20_000_000,
    accounts: Annotated[int, typer.Option(help="Accounts in the synthetic ledger.")] = 2_000_000,
    traces: Annotated[int, typer.Option(help="Traces timed; the median is printed.")] = 200,
    hops: Annotated[int, typer.Option(help="Hop cap of each trace.")] = 6,
    repeat: Annotated[int, typer.Option(help="Timed index builds; the median is printed.")] = 1,
    city: Annotated[
        list[Path] | None,
        typer.Option(help="Labelled city: print interception vs the reference instead."),
    ] = None,
) -> None:
    """Build the ledger index (ids encoded + CSR) and time traces from random transfers; or,
    with --city, score the stop-payment planner against the blacklist-only reference."""
    if city:
        from fanzha.stoppay.compare_usecase import compare_planners
        from fanzha.stoppay.replay_planner import PlannerSettings

        with exit_on_dataset_error():
            table = [row for c in city for row in compare_planners(c, PlannerSettings())]
        print_rows("fanzha bench trace: interception per typology", table)
        return
    from fanzha.bench.trace_bench import run

    print_rows("fanzha bench trace", run(rows, accounts, traces, hops, repeat))


@bench_app.command("service")
def bench_service(
    rows: Annotated[int, typer.Option(help="Transfer rows posted to the ingest API.")] = 200_000,
    batch: Annotated[int, typer.Option(help="Rows per request.")] = 5_000,
    warnings: Annotated[int, typer.Option(help="Warnings posted, then open on the board.")] = 5_000,
    database: Annotated[
        str | None, typer.Option(help="Database URL (default: a fresh SQLite file).")
    ] = None,
) -> None:
    """Ingest rows/s over HTTP (checked and stored), warning intake and board latency."""
    from fanzha.bench.service_bench import run

    print_rows("fanzha bench service", run(rows, batch, warnings, database))


@bench_app.command("serve")
def bench_serve(
    *,
    persons: Annotated[int, typer.Option(help="Residents of the simulated city fed in.")] = 20_000,
    days: Annotated[
        int, typer.Option(help="Days simulated (the first warm-hours are preloaded).")
    ] = 2,
    seed: Annotated[int, typer.Option(help="Seed of the city.")] = 4401,
    speed: Annotated[float, typer.Option(help="Event seconds per wall second.")] = 1440.0,
    warm_hours: Annotated[float, typer.Option(help="Hours stored before the feed starts.")] = 24.0,
    lateness: Annotated[int, typer.Option(help="FANZHA_LIVE_LATENESS_S of the service.")] = 60,
    interval: Annotated[float, typer.Option(help="FANZHA_LIVE_INTERVAL_S of the service.")] = 1.0,
) -> None:
    """A steady feed over HTTP into `fanzha serve`: rows/s ingested, warning latency p50/p99."""
    from fanzha.bench.serve_bench import run

    print_rows(
        "fanzha bench serve",
        run(
            persons=persons,
            days=days,
            seed=seed,
            speed=speed,
            warm_hours=warm_hours,
            lateness_s=lateness,
            interval_s=interval,
        ),
    )


@bench_app.command("cases")
def bench_cases(
    rows: Annotated[int, typer.Option(help="Transfers in the stored ledger.")] = 200_000,
    accounts: Annotated[int, typer.Option(help="Accounts in the ledger.")] = 20_000,
    cases: Annotated[int, typer.Option(help="Victim reports, each stopped with one click.")] = 20,
    database: Annotated[
        str | None, typer.Option(help="Database URL (default: a fresh SQLite file).")
    ] = None,
) -> None:
    """Cases: open, one-click stop-pay, fund-flow graph, statistics and hotspots."""
    from fanzha.bench.cases_bench import run

    print_rows("fanzha bench cases", run(rows, accounts, cases, database))


@bench_app.command("stream")
def bench_stream(
    *,
    persons: Annotated[int, typer.Option(help="Residents of the simulated city fed.")] = 5_000,
    days: Annotated[int, typer.Option(help="Days simulated.")] = 2,
    chunk: Annotated[int, typer.Option(help="Rows per stream entry.")] = 1000,
    database: Annotated[
        str | None, typer.Option(help="Database URL (default: a fresh SQLite file).")
    ] = None,
    redis_url: Annotated[
        str | None, typer.Option("--redis", help="Redis URL (default: a throwaway redis-server).")
    ] = None,
) -> None:
    """Redis Streams ingest: rows/s published and consumed (checked, stored, acked)."""
    from fanzha.bench.stream_bench import run

    print_rows("fanzha bench stream", run(persons, days, chunk, database, redis_url))

"""fanzha bench ...: benchmarks that print a table. Figures in docs/ come from these."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

bench_app = typer.Typer(help="Measure speed and memory; prints a table.", no_args_is_help=True)


def print_rows(title: str, rows: list[dict[str, object]]) -> None:
    """Print benchmark rows (dicts with the same keys) as a table."""
    table = Table(*rows[0].keys(), title=title) if rows else Table(title=title)
    for row in rows:
        table.add_row(*(f"{v:,.2f}" if isinstance(v, float) else str(v) for v in row.values()))
    Console().print(table)


@bench_app.command("io")
def bench_io(
    rows: Annotated[int, typer.Option(help="Transfer rows to write and read.")] = 10_000_000,
    repeat: Annotated[int, typer.Option(help="Timed runs; the median is printed.")] = 3,
) -> None:
    """Read a transfers.csv of ROWS rows with full type checks; prints rows per second."""
    from fanzha.bench.io_bench import run

    print_rows("fanzha bench io", run(rows, repeat))

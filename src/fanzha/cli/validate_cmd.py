"""fanzha validate DATASET"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.io.validate_usecase import validate_dataset


def validate(
    dataset: Annotated[Path, typer.Argument(help="Dataset directory (format dataset/1).")],
    limit: Annotated[int, typer.Option(help="Print at most this many problems.")] = 50,
) -> None:
    """Check a dataset directory and print every problem with file, line and column."""
    console = Console(stderr=True)
    if not dataset.is_dir():
        console.print(f"[red]{dataset}: not a directory[/red]")
        raise typer.Exit(2)
    with console.status("checking") as status:
        report = validate_dataset(dataset, lambda name: status.update(f"checking {name}"))
    out = Console()
    summary = Table("file", "rows", title=f"{dataset}")
    for name, rows in report.rows.items():
        summary.add_row(name, f"{rows:,}")
    out.print(summary)
    for problem in report.problems[:limit]:
        out.print(str(problem), markup=False, highlight=False)
    if report.problem_count > limit:
        out.print(f"... {report.problem_count - limit} more problem(s) not shown (--limit)")
    if report.ok:
        out.print("valid: no problems found")
    else:
        out.print(f"invalid: {report.problem_count} problem(s)")
        raise typer.Exit(1)

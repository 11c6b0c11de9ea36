"""fanzha replay DATASET --out OUT [--model PATH] [--blacklist]"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error


def replay(
    dataset: Annotated[Path, typer.Argument(help="Dataset directory (format dataset/1).")],
    out: Annotated[Path, typer.Option(help="Directory for warnings.csv and the flag files.")],
    model: Annotated[
        Path | None, typer.Option(help="Model file from `fanzha train`; default: the shipped one.")
    ] = None,
    blacklist: Annotated[
        bool, typer.Option(help="Run the blacklist-only reference engine instead.")
    ] = False,
) -> None:
    """Replay DATASET in event time (never reading labels/) and write the decisions to OUT."""
    from fanzha.detect.replay_usecase import Mode
    from fanzha.detect.replay_usecase import replay as run

    console = Console(stderr=True)
    mode = Mode.BLACKLIST if blacklist else Mode.ENGINE
    with exit_on_dataset_error(), console.status("replaying") as status:
        summary = run(dataset, out, model, mode, lambda step: status.update(f"replay: {step}"))
    table = Table("", "value", title=f"fanzha replay ({summary.mode}) -> {out}")
    table.add_row("events", f"{summary.events:,}")
    table.add_row("seconds", f"{summary.seconds:,.2f}")
    table.add_row("events/s", f"{summary.events_per_s:,.0f}")
    for tier, count in summary.warnings_by_tier.items():
        table.add_row(f"warnings tier {tier}", f"{count:,}")
    table.add_row("flagged numbers", f"{summary.flagged_numbers:,}")
    table.add_row("flagged accounts", f"{summary.flagged_accounts:,}")
    table.add_row("stop requests", f"{summary.stop_requests:,}")
    Console().print(table)

"""fanzha simulate --persons N --days D --seed S --out DIR [--profile P]"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from fanzha.sim.config import PROFILES, SimConfig
from fanzha.sim.simulate_usecase import STAGES, simulate


def simulate_command(
    *,
    out: Annotated[Path, typer.Option(help="Directory to write the dataset to.")],
    persons: Annotated[
        int | None, typer.Option(help="Residents (profile default if unset).")
    ] = None,
    days: Annotated[
        int | None, typer.Option(help="Days simulated (profile default if unset).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same files.")] = 0,
    profile: Annotated[
        str, typer.Option(help=f"Bundle of knobs: {', '.join(PROFILES)}.")
    ] = "default",
    randomized: Annotated[
        bool, typer.Option(help="Draw every knob from its range (seeded by --seed) instead.")
    ] = False,
    first_day: Annotated[
        str | None, typer.Option(help="First simulated day, YYYY-MM-DD (local time).")
    ] = None,
    setting: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Set any knob: NAME=VALUE, e.g. mule_hold_minutes=3 or "
            "scam_mix=police:0.5,rebate:0.5 (repeatable; see docs/simulator.md).",
        ),
    ] = None,
) -> None:
    """Generate a labelled synthetic city (Nanchang) in the dataset format."""
    err = Console(stderr=True)
    try:
        if randomized:
            base = SimConfig.randomized(seed, persons=persons or 2_000, days=days or 3)
        else:
            base = SimConfig.profile(profile)
        config = base.with_overrides(
            persons=persons, days=days, seed=seed, first_day=first_day
        ).with_settings(setting or [])
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    if out.exists() and not out.is_dir():
        err.print(f"[red]{out}: exists and is not a directory[/red]")
        raise typer.Exit(2)
    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err
    ) as progress:
        task = progress.add_task("simulating", total=len(STAGES))

        def on_stage(name: str) -> None:
            done = STAGES.index(name)
            progress.update(task, completed=done, description=f"simulating: {name}")

        summary = simulate(config, out, on_stage)
        progress.update(task, completed=len(STAGES), description="simulated")
    elapsed = time.perf_counter() - started
    table = Table("file", "rows", title=f"{out} ({elapsed:.1f} s)")
    for name, rows in summary.rows.items():
        table.add_row(f"{name}.csv", f"{rows:,}")
    Console().print(table)
    Console().print(
        f"targets {summary.targets:,}, victims with a loss {summary.victims:,}, "
        f"losses ¥{summary.loss_fen / 100:,.2f}"
    )

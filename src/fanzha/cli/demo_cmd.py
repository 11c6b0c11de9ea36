"""fanzha demo: the whole flow on a simulated city, as `make demo` runs it.

It chains the same commands a user would type, so what it prints is what they print.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.rule import Rule


def demo(
    *,
    workdir: Annotated[Path, typer.Option(help="Where the city and the outputs go.")] = Path(
        "demo-city"
    ),
    persons: Annotated[int, typer.Option(help="Residents of the simulated city.")] = 20_000,
    days: Annotated[int, typer.Option(help="Days simulated.")] = 7,
    seed: Annotated[int, typer.Option(help="Seed of the city.")] = 2026,
    live: Annotated[
        bool, typer.Option(help="Then serve the console with the city fed in live.")
    ] = True,
    port: Annotated[int, typer.Option(help="Port of the console.")] = 8000,
    speed: Annotated[float, typer.Option(help="Simulated seconds per wall second.")] = 60.0,
) -> None:
    """Simulate a city, check it, replay it (engine and reference), score it, trace a case;
    then serve the duty console with the same city fed in live at accelerated time."""
    from fanzha.cli.replay_cmd import replay
    from fanzha.cli.score_cmd import score
    from fanzha.cli.serve_cmd import serve
    from fanzha.cli.simulate_cmd import simulate_command
    from fanzha.cli.trace_cmd import trace
    from fanzha.cli.validate_cmd import validate
    from fanzha.io.dataset import Dataset

    console = Console()
    city, out, reference = workdir / "city", workdir / "out", workdir / "out-blacklist"

    console.print(Rule(f"1. simulate a city of {persons:,} residents over {days} days"))
    simulate_command(out=city, persons=persons, days=days, seed=seed)
    console.print(Rule("2. check it against the interchange format"))
    validate(city, limit=20)
    console.print(Rule("3. replay it in event time: the engine"))
    replay(city, out=out)
    console.print(Rule("4. replay it with the blacklist-only reference"))
    replay(city, out=reference, blacklist=True)
    console.print(Rule("5. score both against the ground truth"))
    score(city, out)
    score(city, reference)
    reports = Dataset(city).table("reports")
    if reports.height:
        largest = reports.sort("claimed_amount", "report_id", descending=[True, False]).row(
            0, named=True
        )
        console.print(Rule(f"6. trace the largest reported case, {largest['report_id']}"))
        trace(city, report=str(largest["report_id"]), out=out / "trace")
    console.print(f"city: {city}   engine outputs: {out}   reference outputs: {reference}")
    if not live:
        console.print(
            "`fanzha serve` starts the duty console; `fanzha --help` lists every command."
        )
        return
    console.print(Rule("7. the duty console, with the city fed in live (Ctrl-C stops it)"))
    database = workdir / "service.sqlite3"
    for stale in workdir.glob("service.sqlite3*"):
        stale.unlink()
    # A local demo over plain HTTP: the session cookie cannot be HTTPS-only. The board starts
    # with the last day's warnings, as a desk taking over from the night shift would find it.
    os.environ.setdefault("FANZHA_SECURE_COOKIES", "false")
    os.environ.setdefault("FANZHA_LIVE_BACKFILL_S", str(24 * 3600))
    serve(
        port=port,
        database=f"sqlite:///{database.resolve()}",
        feed=city,
        speed=speed,
        catch_up_hours=48.0,
        demo_logins=True,
    )

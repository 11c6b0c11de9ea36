"""fanzha ceiling DATASET [--out OUT] [--json]"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error


def ceiling(
    dataset: Annotated[Path, typer.Argument(help="Labelled dataset directory.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="A replay's output directory to compare with."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """How far warnings could go if every ring number, site and app were known from the start
    (read from labels/): precision and pre-loss recall of warning at each kind of engagement."""
    from fanzha.detect.ceiling_usecase import ENGAGED
    from fanzha.detect.ceiling_usecase import ceiling as reach

    with exit_on_dataset_error():
        result = reach(dataset, out)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=1, sort_keys=True))
        return
    console = Console()
    rules = Table(
        "rule",
        "precision",
        "warned",
        "pre-loss recall",
        "losers",
        title=f"fanzha ceiling {dataset} (ring known from labels/)",
    )
    for r in result.rules:
        rules.add_row(
            r.rule,
            f"{r.precision.value:.4f}",
            f"{r.precision.hits} / {r.precision.total}",
            f"{r.pre_loss_recall.value:.4f}",
            f"{r.pre_loss_recall.hits} / {r.pre_loss_recall.total}",
        )
    console.print(rules)
    for r in result.rules:
        console.print(f"{r.rule}: warns at {r.meaning}", markup=False)
    types = Table("scam_type", "losers", f"{ENGAGED} before loss", title="per typology")
    for t in result.typologies:
        types.add_row(t.scam_type, str(t.losers), str(t.engaged_before_loss))
    console.print(types)
    if result.replay is not None:
        versus = Table("losers reached before their loss", "count", title=f"{ENGAGED} vs {out}")
        for name, count in (
            ("by both", result.replay.both),
            (f"by {ENGAGED} only", result.replay.ceiling_only),
            ("by the replay only", result.replay.replay_only),
            ("by neither", result.replay.neither),
        ):
            versus.add_row(name, str(count))
        console.print(versus)

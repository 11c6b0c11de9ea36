"""fanzha score DATASET OUT [--json]"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error


def score(
    dataset: Annotated[Path, typer.Argument(help="Labelled dataset directory.")],
    out: Annotated[Path, typer.Argument(help="Directory a replay wrote.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Score a replay's outputs against the dataset's labels/ as DATASET.md defines it."""
    from fanzha.detect.score_usecase import score_outputs

    with exit_on_dataset_error():
        result = score_outputs(dataset, out)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=1, sort_keys=True))
        return
    console = Console()
    table = Table("measure", "value", "hits / total", title=f"fanzha score {out}")
    for name in (
        "warning_precision",
        "warning_recall",
        "pre_loss_recall",
        "number_precision",
        "number_recall",
        "account_precision",
        "account_recall",
    ):
        ratio = getattr(result, name)
        table.add_row(name, f"{ratio.value:.4f}", f"{ratio.hits} / {ratio.total}")
    if result.interception is not None:
        money = result.interception
        table.add_row(
            "interception",
            f"{money.interception:.4f}",
            f"{money.held_fen / 100:,.2f} / {money.victim_loss_fen / 100:,.2f} yuan",
        )
        table.add_row(
            "innocent holds",
            f"{money.innocent_share:.4f}",
            f"{money.innocent_holds} / {money.requests} requests",
        )
    console.print(table)
    types = Table(
        "scam_type", "targets", "recall", "losers", "pre-loss recall", title="per typology"
    )
    for t in result.typologies:
        types.add_row(
            t.scam_type,
            str(t.targets),
            f"{t.warned.value:.4f}",
            str(t.losers),
            f"{t.warned_before_loss.value:.4f}",
        )
    console.print(types)
    roles = Table("role", "flagged", "recall", title="mule accounts per role")
    for role, ratio in result.account_recall_by_role.items():
        roles.add_row(role, f"{ratio.hits} / {ratio.total}", f"{ratio.value:.4f}")
    console.print(roles)

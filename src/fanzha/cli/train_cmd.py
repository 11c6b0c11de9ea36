"""fanzha train DATASET... --out MODEL"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console


def train(
    datasets: Annotated[list[Path], typer.Argument(help="Labelled datasets (two or more).")],
    out: Annotated[Path, typer.Option(help="Model file to write (JSON).")],
) -> None:
    """Fit the number, account and person models on labelled DATASETS; reproducible."""
    from fanzha.detect.train_usecase import train as run

    console = Console(stderr=True)
    with console.status("training") as status:
        model = run(datasets, out, lambda step: status.update(f"train: {step}"))
    Console().print(f"wrote {out} ({out.stat().st_size / 1024:,.0f} KiB)")
    Console().print_json(
        json.dumps(
            {
                "thresholds": {
                    "number": model.number.threshold,
                    "account": model.account.threshold,
                    "person": model.person.threshold,
                    "tier2": model.tier2,
                    "tier1": model.tier1,
                },
                "out_of_fold": model.notes.get("out_of_fold"),
            }
        )
    )

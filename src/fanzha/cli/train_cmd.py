"""fanzha train DATASET... --out MODEL [--outcomes OUTCOMES_CSV ...] [--engine-model PATH]"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from fanzha.cli.dataset_errors import exit_on_dataset_error


def train(
    datasets: Annotated[
        list[Path],
        typer.Argument(
            help="Labelled datasets (two or more) train every stage; datasets without labels/ "
            "train the person stage from the outcomes recorded for their warnings."
        ),
    ],
    out: Annotated[Path, typer.Option(help="Model file to write (JSON).")],
    outcomes: Annotated[
        list[Path] | None,
        typer.Option(
            help="Outcomes CSV exported by the service (warnings with their outcomes), one per "
            "dataset without labels/, in the same order."
        ),
    ] = None,
    engine_model: Annotated[
        Path | None,
        typer.Option(help="The model that issued the warnings in --outcomes; default: shipped."),
    ] = None,
) -> None:
    """Fit the number, account and person models on labelled DATASETS; reproducible."""
    from fanzha.detect.outcome_labels import OutcomeRows, outcome_rows
    from fanzha.detect.scoring_model import DetectModel
    from fanzha.detect.train_usecase import train as run
    from fanzha.io.dataset import Dataset

    console = Console(stderr=True)
    with exit_on_dataset_error():
        labelled = [d for d in datasets if Dataset(d).has_labels()]
    unlabelled = [d for d in datasets if d not in labelled]
    if len(labelled) < 2:
        console.print(f"fanzha train: {len(labelled)} labelled dataset(s); two or more are needed")
        raise typer.Exit(2)
    if len(unlabelled) != len(outcomes or []):
        console.print(
            f"fanzha train: {len(unlabelled)} dataset(s) without labels/ but "
            f"{len(outcomes or [])} --outcomes file(s): give one per such dataset, in order"
        )
        raise typer.Exit(2)
    with exit_on_dataset_error(), console.status("training") as status:
        rows = OutcomeRows()
        if unlabelled:
            status.update("train: labelling moments by recorded outcomes")
            rows = outcome_rows(unlabelled, outcomes or [], DetectModel.load(engine_model))
        model = run(labelled, out, lambda step: status.update(f"train: {step}"), rows)
    Console().print(f"wrote {out} ({out.stat().st_size / 1024:,.0f} KiB)")
    Console().print_json(
        json.dumps(
            {
                "thresholds": {
                    "number": model.number.threshold,
                    "number_publish": model.number_publish,
                    "account": model.account.threshold,
                    "person": model.person.threshold,
                    "tier2": model.tier2,
                    "tier1": model.tier1,
                },
                "out_of_fold": model.notes.get("out_of_fold"),
                "outcome_moments": {"positive": rows.positives, "negative": rows.negatives},
            }
        )
    )

"""Training signal for the person stage from what officers recorded about the engine's warnings.

A city without labels/ (exported from the service, or a real one) plus the outcomes of the
warnings the engine issued on it: a person who was dissuaded or had already lost money was
being defrauded when warned (positive from that warning on); a false alarm was not (negative
up to the time the outcome was recorded); unreachable or refused says nothing (left out).
Moments of a confirmed person before the first confirmed warning are left out too, as the
scam may already have begun, and so are persons never warned: the engine's misses are not
known to be clean. The moments are the ones the engine scored, with the features it saw, so
the rows are those the person model is trained on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import polars as pl

from fanzha.detect.city import load_city
from fanzha.detect.engine import evaluate
from fanzha.detect.person_features import PERSON_FEATURES
from fanzha.detect.scoring_model import DetectModel
from fanzha.detect.windows import BoolArray
from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import Column, FieldType, TableSpec
from fanzha.io.table_reader import read_checked
from fanzha.warn.workflow import CONFIRMED, Outcome

_NEVER = np.iinfo(np.int64).max


def outcomes_spec(path: Path) -> TableSpec:
    """The columns of an outcomes export (warn/export_usecase.py) that training reads; the
    export's other columns are accepted and ignored."""
    return TableSpec(
        path.stem,
        (
            Column("warning_id", FieldType.ID),
            Column("ts", FieldType.TS),
            Column("person_id", FieldType.ID),
            Column("outcome", FieldType.ENUM, values=tuple(o.value for o in Outcome)),
            Column("outcome_ts", FieldType.TS, required=False),
        ),
        key="warning_id",
    )


def read_outcomes(path: Path) -> pl.DataFrame:
    """The outcomes CSV, typed; raises `DatasetError` naming the file, line and column of
    every bad row."""
    result = read_checked(path, outcomes_spec(path))
    if result.problem_count:
        raise DatasetError(result.problems)
    return result.frame


def person_verdicts(outcomes: pl.DataFrame) -> pl.DataFrame:
    """Per person with a telling outcome: `positive_from` (first confirmed warning ts, or
    null) and `negative_until` (the latest time a false alarm was known, or null)."""
    confirmed = [str(o) for o in CONFIRMED]
    known_at = pl.max_horizontal("ts", "outcome_ts")
    return (
        outcomes.group_by("person_id")
        .agg(
            positive_from=pl.col("ts").filter(pl.col("outcome").is_in(confirmed)).min(),
            negative_until=known_at.filter(pl.col("outcome") == Outcome.FALSE_ALARM).max(),
        )
        .filter(pl.col("positive_from").is_not_null() | pl.col("negative_until").is_not_null())
        .sort("person_id")
    )


def label_moments(
    key: npt.NDArray[np.int64],
    ts: npt.NDArray[np.int64],
    verdicts: pl.DataFrame,
    persons: pl.Series,
) -> tuple[BoolArray, BoolArray]:
    """(known, positive) per scored moment (`key` a code in the sorted `persons`, as in
    City.persons): positive at or after the person's first confirmed warning; negative up to
    a false alarm and before any confirmed warning; everything else unknown."""
    positive_from = np.full(persons.len(), _NEVER, dtype=np.int64)
    negative_until = np.full(persons.len(), -_NEVER, dtype=np.int64)
    codes = np.searchsorted(persons.to_numpy(), verdicts["person_id"].to_numpy())
    positive_from[codes] = verdicts["positive_from"].fill_null(_NEVER).to_numpy()
    negative_until[codes] = verdicts["negative_until"].fill_null(-_NEVER).to_numpy()
    positive = ts >= positive_from[key]
    negative = ~positive & (ts <= negative_until[key])
    return positive | negative, positive


@dataclass
class OutcomeRows:
    """Person-stage rows (PERSON_FEATURES columns) labelled by outcomes, one frame per city."""

    frames: list[pl.DataFrame] = field(default_factory=list)
    labels: list[BoolArray] = field(default_factory=list)

    @property
    def positives(self) -> int:
        return int(sum(y.sum() for y in self.labels))

    @property
    def negatives(self) -> int:
        return int(sum((~y).sum() for y in self.labels))


def _unknown_persons(outcomes: pl.DataFrame, persons: pl.Series, file: str) -> list[Problem]:
    lines = outcomes.select(pl.int_range(2, pl.len() + 2).alias("line"), "person_id").filter(
        ~pl.col("person_id").is_in(persons.implode())
    )
    return [
        Problem(file, line, "person_id", f"unknown person_id {person!r} (not in persons.csv)")
        for line, person in lines.iter_rows()
    ]


def outcome_rows(
    datasets: list[Path], outcome_files: list[Path], engine_model: DetectModel
) -> OutcomeRows:
    """Replay each unlabelled dataset with the model that issued the warnings and label its
    scored person moments by the outcomes recorded for them (paired in order)."""
    if len(datasets) != len(outcome_files):
        raise ValueError(
            f"{len(datasets)} dataset(s) without labels/ but {len(outcome_files)} outcomes "
            "file(s): give one --outcomes per unlabelled dataset, in the same order"
        )
    rows = OutcomeRows()
    for dataset, path in zip(datasets, outcome_files, strict=True):
        outcomes = read_outcomes(path)
        city = load_city(Dataset(dataset, keep_tables=False))
        problems = _unknown_persons(outcomes, city.persons, outcomes_spec(path).file)
        if problems:
            raise DatasetError(problems)
        moments = evaluate(city, engine_model, lambda _: None).persons
        known, positive = label_moments(
            moments["key"].to_numpy(),
            moments["ts"].to_numpy(),
            person_verdicts(outcomes),
            city.persons,
        )
        rows.frames.append(moments.filter(pl.Series(known)).select(PERSON_FEATURES))
        rows.labels.append(positive[known])
    return rows

"""Recorded warning outcomes become person-stage training rows, and move the model the right way."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from fanzha.cli.main import app
from fanzha.detect.outcome_labels import (
    label_moments,
    outcome_rows,
    person_verdicts,
    read_outcomes,
)
from fanzha.detect.replay_usecase import replay
from fanzha.detect.scoring_model import DetectModel
from fanzha.detect.train_usecase import train
from fanzha.io.problems import DatasetError
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate

HEADER = "warning_id,ts,person_id,tier,score,reasons,outcome,outcome_ts,accurate\n"


def _outcomes(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _ts(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def test_outcomes_label_moments(tmp_path: Path) -> None:
    csv = _outcomes(
        tmp_path / "outcomes.csv",
        [
            "W1,2026-03-01T10:00:00+08:00,P1,2,0.9,,dissuaded,2026-03-01T10:30:00+08:00,1",
            "W2,2026-03-01T11:00:00+08:00,P2,3,0.8,,false_alarm,2026-03-01T12:00:00+08:00,0",
            "W3,2026-03-01T11:00:00+08:00,P3,1,0.9,,unreachable,,",
            "W4,2026-03-02T09:00:00+08:00,P1,1,0.9,,already_lost,,1",
            "W5,2026-03-01T09:00:00+08:00,P4,2,0.9,,false_alarm,,0",
            "W6,2026-03-02T09:00:00+08:00,P4,2,0.9,,dissuaded,,1",
        ],
    )
    verdicts = person_verdicts(read_outcomes(csv))
    assert verdicts["person_id"].to_list() == ["P1", "P2", "P4"]  # P3: unreachable, unknown
    persons = pl.Series(["P0", "P1", "P2", "P3", "P4"])
    warned_p1, alarm_p2, outcome_p2 = (
        _ts("2026-03-01T10:00:00+08:00"),
        _ts("2026-03-01T11:00:00+08:00"),
        _ts("2026-03-01T12:00:00+08:00"),
    )
    alarm_p4, confirmed_p4 = _ts("2026-03-01T09:00:00+08:00"), _ts("2026-03-02T09:00:00+08:00")
    moments = [
        (0, warned_p1, False, False),  # never warned: unknown
        (1, warned_p1 - 60, False, False),  # before the confirmed warning: unknown
        (1, warned_p1, True, True),
        (1, warned_p1 + 86_400, True, True),
        (2, alarm_p2 - 3_600, True, False),  # false alarm: clean up to the outcome
        (2, outcome_p2, True, False),
        (2, outcome_p2 + 1, False, False),
        (3, alarm_p2, False, False),  # unreachable
        (4, alarm_p4, True, False),  # a false alarm first, a real scam the next day
        (4, confirmed_p4, True, True),
    ]
    key = np.array([m[0] for m in moments], dtype=np.int64)
    ts = np.array([m[1] for m in moments], dtype=np.int64)
    known, positive = label_moments(key, ts, verdicts, persons)
    assert known.tolist() == [m[2] for m in moments]
    assert positive[known].tolist() == [m[3] for m in moments if m[2]]


def test_bad_outcome_is_named(tmp_path: Path) -> None:
    csv = _outcomes(
        tmp_path / "outcomes.csv",
        [
            "W1,2026-03-01T10:00:00+08:00,P1,2,0.9,,dissuaded,,1",
            "W2,2026-03-01T11:00:00+08:00,P2,3,0.8,,maybe,,",
        ],
    )
    with pytest.raises(DatasetError, match=r"outcomes.csv:3 \[outcome\]: not one of dissuaded"):
        read_outcomes(csv)


@pytest.fixture(scope="module")
def cities(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two labelled cities and a third without labels/, as a centre's own city would be."""
    root = tmp_path_factory.mktemp("cities")
    paths = {}
    for name, seed in (("a", 7101), ("b", 7102), ("c", 7103)):
        paths[name] = root / name
        simulate(SimConfig.randomized(seed, persons=1_000, days=2), paths[name])
    shutil.rmtree(paths["c"] / "labels")
    replay(paths["c"], root / "c_out")
    paths["c_warnings"] = root / "c_out" / "warnings.csv"
    return paths


def _all_warnings_were(cities: dict[str, Path], outcome: str, path: Path) -> Path:
    warnings = pl.read_csv(cities["c_warnings"], infer_schema=False)
    assert warnings.height >= 5, "the shipped model must warn on the unlabelled city"
    rows = [",".join([*warning, outcome, "", ""]) for warning in warnings.rows()]
    return _outcomes(path, rows)


def test_outcomes_move_the_person_model(cities: dict[str, Path], tmp_path: Path) -> None:
    """Warned moments recorded as false alarms score lower after training with them; recorded
    as dissuaded, higher, than with the labelled cities alone."""
    shipped = DetectModel.load(None)
    labelled = [cities["a"], cities["b"]]
    base = train(labelled, tmp_path / "base.json")
    # A number is published from the 99.5 % cut and weighs from the 98 % one, at or below it.
    assert base.number_publish >= base.number.threshold
    assert set(base.notes["out_of_fold"]["number_published"]) == {"precision", "recall"}
    scores = {}
    for outcome in ("false_alarm", "dissuaded"):
        csv = _all_warnings_were(cities, outcome, tmp_path / f"{outcome}.csv")
        rows = outcome_rows([cities["c"]], [csv], shipped)
        assert rows.frames[0].height > 0
        assert (rows.positives > 0) == (outcome == "dissuaded")
        model = train(labelled, tmp_path / f"{outcome}.json", outcomes=rows)
        scores[outcome] = (
            float(base.person.predict(rows.frames[0]).mean()),
            float(model.person.predict(rows.frames[0]).mean()),
        )
        # Only the person stage learns from outcomes.
        assert model.number.to_json() == base.number.to_json()
    before, after = scores["false_alarm"]
    assert after < before
    before, after = scores["dissuaded"]
    assert after > before


def test_train_command_takes_outcomes(cities: dict[str, Path], tmp_path: Path) -> None:
    csv = _all_warnings_were(cities, "false_alarm", tmp_path / "outcomes.csv")
    runner = CliRunner()
    args = ["train", str(cities["a"]), str(cities["b"]), str(cities["c"])]
    missing = runner.invoke(app, [*args, "--out", str(tmp_path / "m.json")])
    assert missing.exit_code == 2
    assert "without labels/" in missing.output
    done = runner.invoke(app, [*args, "--outcomes", str(csv), "--out", str(tmp_path / "m.json")])
    assert done.exit_code == 0, done.output
    assert '"negative"' in done.output
    assert DetectModel.load(tmp_path / "m.json").person.threshold > 0
    stranger = _outcomes(
        tmp_path / "stranger.csv", ["W1,2026-03-01T10:00:00+08:00,NOBODY,2,0.9,,dissuaded,,1"]
    )
    unknown = runner.invoke(
        app, [*args, "--outcomes", str(stranger), "--out", str(tmp_path / "m2.json")]
    )
    assert unknown.exit_code == 2
    assert "stranger.csv:2 [person_id]: unknown person_id 'NOBODY'" in unknown.output

"""The replay and score commands end to end on a hand-built city."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fanzha.cli.main import app
from tests.detect.test_blacklist import _city


def test_replay_then_score_json(tmp_path: Path) -> None:
    data = _city().write(tmp_path / "city")
    data_labels = _city()
    data_labels.labels = {"targets": [("P1", "police", 0, None, None)]}
    data_labels.write(data)
    runner = CliRunner()
    replayed = runner.invoke(
        app, ["replay", str(data), "--out", str(tmp_path / "out"), "--blacklist"]
    )
    assert replayed.exit_code == 0, replayed.output
    assert (tmp_path / "out" / "stop_requests.csv").exists()
    scored = runner.invoke(app, ["score", str(data), str(tmp_path / "out"), "--json"])
    assert scored.exit_code == 0, scored.output
    result = json.loads(scored.output)
    # P1 and P3 are warned; only P1 is a target.
    assert result["warning_precision"] == {"hits": 1, "total": 2}
    assert result["headline"]["warning_recall"] == 1.0


def test_replay_names_a_bad_row(tmp_path: Path) -> None:
    data = _city().write(tmp_path / "city")
    calls = data / "calls.csv"
    calls.write_text(calls.read_text().replace(",600\n", ",six hundred\n"))
    result = CliRunner().invoke(app, ["replay", str(data), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "calls.csv:2 [duration_s]" in result.output

"""Every command that reads a dataset ends the same way on one that breaks the format: the
problems on stderr with file, line and field, and exit status 2, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.main import app
from tests.detect.test_blacklist import _city

Arguments = Callable[[str, Path], list[str]]

COMMANDS: dict[str, Arguments] = {
    "replay": lambda data, tmp: ["replay", data, "--out", str(tmp / "out")],
    "score": lambda data, tmp: ["score", data, str(tmp / "out")],
    "train": lambda data, tmp: ["train", data, data, "--out", str(tmp / "model.json")],
    "ceiling": lambda data, tmp: ["ceiling", data],
    "trace": lambda data, tmp: ["trace", data, "--report", "R1", "--out", str(tmp)],
    "investigate holders": lambda data, tmp: ["investigate", "holders", data],
    "investigate hubs": lambda data, tmp: ["investigate", "hubs", data],
    "investigate cashout": lambda data, tmp: ["investigate", "cashout", data],
    # Port 1: the dataset is checked before the broker is reached, or the service started.
    "feed": lambda data, tmp: ["feed", data, "--to", "redis://127.0.0.1:1/0"],
    "serve": lambda data, tmp: ["serve", "--feed", data, "--port", "1"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_dataset_is_named(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(app, COMMANDS[command](str(missing), tmp_path))
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert f"{missing}: not a directory" in result.output


@pytest.mark.parametrize("command", ["replay", "train", "investigate hubs"])
def test_a_bad_row_is_named(command: str, tmp_path: Path) -> None:
    city = _city()
    city.labels = {"targets": [("P1", "police", 0, None, None)]}  # train reads only labelled
    data = city.write(tmp_path / "city")
    transfers = data / "transfers.csv"
    lines = transfers.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace(",mobile", ",pigeon")
    transfers.write_text("".join(lines))
    result = CliRunner().invoke(app, COMMANDS[command](str(data), tmp_path))
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert "transfers.csv:2 [channel]" in result.output

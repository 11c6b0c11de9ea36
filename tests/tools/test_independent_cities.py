"""The independent generators the shipped model trains on (and those held out to test it)
still write valid, labelled, reproducible cities: the model's training command depends on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from fanzha.io.validate_usecase import validate_dataset

GENERATORS = Path(__file__).resolve().parents[2] / "tools" / "independent_cities"


def _generate(author: str, out: Path, seed: int = 7) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(GENERATORS / author / "gen.py"),
            *("--seed", str(seed), "--persons", "1500", "--days", "2", "--out", str(out)),
        ],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.parametrize("author", ["a", "b", "c", "d", "e", "f", "g", "h"])
def test_an_independent_generator_writes_a_valid_labelled_city(author: str, tmp_path: Path) -> None:
    city = _generate(author, tmp_path / "city")
    report = validate_dataset(city)
    assert report.ok, report.problems[:5]
    numbers = pl.read_csv(city / "labels" / "numbers.csv", infer_schema=False)
    accounts = pl.read_csv(city / "labels" / "accounts.csv", infer_schema=False)
    assert numbers.height > 0
    assert accounts.height > 0
    again = _generate(author, tmp_path / "again")
    for table in ("calls.csv", "transfers.csv", "labels/targets.csv"):
        assert (city / table).read_bytes() == (again / table).read_bytes()

"""The simulator's contract: valid, complete, deterministic files."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.main import app
from fanzha.io.schema import INPUT_TABLES, LABEL_TABLES
from fanzha.io.validate_usecase import validate_dataset
from fanzha.sim.config import PROFILES, SimConfig
from fanzha.sim.simulate_usecase import STAGES, simulate

SMALL = SimConfig(persons=600, days=2, seed=5, min_targets=20)


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_output_is_valid_and_complete(city_dir: Path) -> None:
    report = validate_dataset(city_dir)
    assert report.ok, [str(p) for p in report.problems[:10]]
    expected = {spec.file for spec in (*INPUT_TABLES, *LABEL_TABLES)} | {"meta.json"}
    assert set(_files(city_dir)) == expected
    for spec in (*INPUT_TABLES, *LABEL_TABLES):
        assert report.rows[spec.file] > 0, f"{spec.file} is empty"


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    stages: list[str] = []
    simulate(SMALL, tmp_path / "a", stages.append)
    simulate(SMALL, tmp_path / "b")
    assert tuple(stages) == STAGES
    names = _files(tmp_path / "a")
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert len(match) == len(names)


def test_another_seed_gives_another_city(tmp_path: Path) -> None:
    simulate(SMALL, tmp_path / "a")
    simulate(SMALL.with_overrides(seed=6), tmp_path / "b")
    calls_a = (tmp_path / "a" / "calls.csv").read_bytes()
    assert calls_a != (tmp_path / "b" / "calls.csv").read_bytes()


def test_meta_records_window_seed_and_config(city_dir: Path) -> None:
    meta = json.loads((city_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["format"] == "dataset/1"
    assert meta["start"] == "2026-03-02T00:00:00+08:00"
    assert meta["end"] == "2026-03-06T00:00:00+08:00"
    assert meta["seed"] == 11
    assert meta["simulator"]["persons"] == 3_000


def test_cli_writes_a_valid_city(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    result = CliRunner().invoke(
        app, ["simulate", "--persons", "500", "--days", "2", "--seed", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "targets" in result.output
    assert validate_dataset(out).ok


def test_cli_refuses_to_write_over_a_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(app, ["simulate", "--persons", "200", "--out", str(target)])
    assert result.exit_code == 2
    assert "not a directory" in result.output


def test_cli_rejects_an_unknown_profile(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["simulate", "--profile", "nope", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown profile" in result.output


@pytest.mark.parametrize(
    "config",
    [
        *(SimConfig(persons=300, days=1, seed=s, min_targets=10) for s in range(4)),
        *(SimConfig.profile(p).with_overrides(persons=400, days=2, seed=9) for p in PROFILES),
        *(SimConfig.randomized(s, persons=400, days=2) for s in (21, 22, 23)),
    ],
    ids=lambda c: f"seed{c.seed}-{c.persons}x{c.days}-hold{c.mule_hold_minutes}",
)
def test_every_config_gives_a_valid_city(tmp_path: Path, config: SimConfig) -> None:
    summary = simulate(config, tmp_path)
    report = validate_dataset(tmp_path)
    assert report.ok, [str(p) for p in report.problems[:10]]
    assert summary.targets == report.rows["labels/targets.csv"]


def test_bench_sim_prints_its_figures() -> None:
    result = CliRunner().invoke(app, ["bench", "sim", "--persons", "300", "--days", "1"])
    assert result.exit_code == 0, result.output
    assert "300x1d" in result.output
    assert "RSS MiB" in result.output


def test_changing_one_generator_leaves_the_others_alone(tmp_path: Path) -> None:
    # Telemarketers only call and text: money, people and accounts must not move.
    simulate(SMALL, tmp_path / "a")
    simulate(SMALL.with_overrides(telemarketer_share=0.02), tmp_path / "b")
    for name in ("persons.csv", "accounts.csv", "transfers.csv", "labels/losses.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "calls.csv").read_bytes() != (
        tmp_path / "b" / "calls.csv"
    ).read_bytes()

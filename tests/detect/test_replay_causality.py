"""A small simulated city end to end: determinism, prefix causality, and the score table."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from fanzha.detect.reasons import NUMBER_REASONS
from fanzha.detect.replay_usecase import Mode, replay
from fanzha.detect.score_usecase import score_outputs
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import Dataset
from fanzha.io.schema import INPUT_TABLES, TABLES
from fanzha.io.table_writer import write_table
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate

OUTPUTS = ("warnings", "flagged_numbers", "flagged_accounts")


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("detect") / "city"
    simulate(SimConfig.profile("default").with_overrides(persons=1500, days=3, seed=4242), root)
    return root


def _cut(source: Path, target: Path, t0: int) -> Path:
    """The dataset as it was at t0: events, reports and list entries up to t0 only."""
    data = Dataset(source)
    target.mkdir(parents=True)
    (target / "meta.json").write_text((source / "meta.json").read_text())
    for spec in INPUT_TABLES:
        frame = data.table(spec.name)
        if spec.order_by is not None:
            frame = frame.filter(pl.col(spec.order_by) <= t0)
        write_table(frame, target, spec)
    return target


def _lines_up_to(out: Path, name: str, t0: int) -> list[str]:
    """The written rows (as text) whose ts is at most t0."""
    frame = pl.read_csv(out / TABLES[name].file, infer_schema=False)
    local = frame["ts"].str.replace(r"\+08:00$", "").str.to_datetime("%Y-%m-%dT%H:%M:%S")
    keep = local.dt.epoch("s") - 8 * 3600 <= t0
    return [",".join(row) for row in frame.filter(keep).rows()]


def test_replay_is_byte_identical_twice(city: Path, tmp_path: Path) -> None:
    replay(city, tmp_path / "a")
    replay(city, tmp_path / "b")
    for name in OUTPUTS:
        file = TABLES[name].file
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_prefix_replay_gives_the_full_replays_rows_up_to_its_end(
    city: Path, tmp_path: Path
) -> None:
    meta = Dataset(city).meta
    t0 = meta.start + (meta.end - meta.start) * 3 // 5 + 17
    replay(city, tmp_path / "full")
    replay(_cut(city, tmp_path / "cut", t0), tmp_path / "prefix")
    compared = 0
    for name in OUTPUTS:
        full = _lines_up_to(tmp_path / "full", name, t0)
        prefix = _lines_up_to(tmp_path / "prefix", name, t0)
        assert prefix == full, name
        compared += len(full)
    assert compared > 0


def test_engine_finds_fraud_in_a_small_city(city: Path, tmp_path: Path) -> None:
    summary = replay(city, tmp_path / "out")
    score = score_outputs(city, tmp_path / "out")
    assert summary.events > 10_000
    assert score.warning_precision.total > 0
    assert score.warning_precision.value >= 0.9
    assert score.number_recall.value >= 0.5
    reference = replay(city, tmp_path / "ref", mode=Mode.BLACKLIST)
    assert reference.mode is Mode.BLACKLIST
    assert score.warning_recall.value > score_outputs(city, tmp_path / "ref").warning_recall.value


def _own_flags(out: Path) -> pl.DataFrame:
    """Numbers flagged for their own calling, not tied to flagged ones."""
    frame = pl.read_csv(out / TABLES["flagged_numbers"].file, infer_schema=False)
    behaviour = sorted({*NUMBER_REASONS.values(), "MODEL_SCORE"})
    first_code = frame["reasons"].str.split(";").list.first()
    return frame.filter(first_code.is_in(behaviour)).with_columns(pl.col("score").cast(float))


def test_a_number_weighs_on_warnings_below_the_level_it_is_published_at(
    city: Path, tmp_path: Path
) -> None:
    replay(city, tmp_path / "shipped")
    loose = _own_flags(tmp_path / "shipped")
    level = (loose["score"].min() + loose["score"].max()) / 2
    strict = tmp_path / "strict.json"
    replace(DetectModel.load(), number_publish=level).save(strict)
    replay(city, tmp_path / "strict", model_path=strict)
    warnings = TABLES["warnings"].file
    assert (tmp_path / "strict" / warnings).read_bytes() == (
        tmp_path / "shipped" / warnings
    ).read_bytes()
    tight = _own_flags(tmp_path / "strict")
    assert tight["score"].min() >= level
    assert set(tight["number"]) < set(loose["number"])

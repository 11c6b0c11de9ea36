"""A stage scores its rows in slices, each row exactly as the whole matrix would; a bag of
boosters scores the logistic of their mean log-odds, and its reasons add up to it."""

from __future__ import annotations

import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import polars as pl
import pytest

from fanzha.detect import scoring_model
from fanzha.detect.scoring_model import DetectModel, StageModel


def _boosters(n: int) -> tuple[np.ndarray, tuple[lgb.Booster, ...]]:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] + rng.normal(scale=0.5, size=200) > 0).astype(float)
    boosters = tuple(
        lgb.train(
            {
                "objective": "binary",
                "verbose": -1,
                "num_threads": 1,
                "seed": seed,
                "feature_fraction": 0.5,
            },
            lgb.Dataset(x, y, feature_name=["a", "b"]),
            num_boost_round=5,
        )
        for seed in range(n)
    )
    return x, boosters


def test_scores_in_slices_equal_scores_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    x, (booster,) = _boosters(1)
    stage = StageModel(("a", "b"), (booster,), 0.5)
    # Columns beyond the features, in another order, are ignored.
    frame = pl.DataFrame({"b": x[:, 1], "key": np.arange(200), "a": x[:, 0]})
    monkeypatch.setattr(scoring_model, "PREDICT_SLICE_ROWS", 7)
    assert stage.predict(frame).tolist() == np.asarray(booster.predict(x)).tolist()
    assert stage.predict(frame.clear()).size == 0


def test_a_bag_scores_its_mean_log_odds_and_its_reasons_add_up() -> None:
    x, boosters = _boosters(3)
    stage = StageModel(("a", "b"), boosters, 0.5)
    frame = pl.DataFrame({"a": x[:, 0], "b": x[:, 1]})
    log_odds = np.mean([b.predict(x, raw_score=True) for b in boosters], axis=0)
    assert stage.predict(frame) == pytest.approx(1.0 / (1.0 + np.exp(-log_odds)), abs=1e-12)
    # The seeds disagree, so the bag is none of its boosters.
    assert not np.allclose(boosters[0].predict(x), boosters[1].predict(x))
    assert stage.contributions(frame).sum(axis=1) == pytest.approx(log_odds, abs=1e-9)


def test_a_model_file_of_one_booster_per_stage_still_loads(tmp_path: Path) -> None:
    x, boosters = _boosters(2)
    bagged = StageModel(("a", "b"), boosters, 0.5)
    model = DetectModel(bagged, bagged, bagged, tier1=0.9, tier2=0.7, number_publish=0.6, notes={})
    model.save(tmp_path / "bag.json")
    again = DetectModel.load(tmp_path / "bag.json")
    frame = pl.DataFrame({"a": x[:, 0], "b": x[:, 1]})
    assert again.person.predict(frame).tolist() == bagged.predict(frame).tolist()
    assert again.number_publish == 0.6
    # A file written before numbers had two levels publishes every line it weighs.
    raw = json.loads((tmp_path / "bag.json").read_text(encoding="utf-8"))
    del raw["number_publish"]
    (tmp_path / "one_level.json").write_text(json.dumps(raw), encoding="utf-8")
    assert DetectModel.load(tmp_path / "one_level.json").number_publish == 0.5
    # A file written before bags: `booster`, one per stage.
    single = {**bagged.to_json(), "booster": boosters[0].model_to_string()}
    del single["boosters"]
    old = StageModel.from_json(single)
    assert old.boosters[0].model_to_string() == boosters[0].model_to_string()
    assert old.predict(frame).tolist() == np.asarray(boosters[0].predict(x)).tolist()

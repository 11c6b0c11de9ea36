"""The compiled walk scores every row as LightGBM does, to the last bit, and leaves to
LightGBM the boosters whose splits it does not read."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import polars as pl

from fanzha.detect.flat_forest import ZERO_THRESHOLD, FlatForest
from fanzha.detect.scoring_model import DetectModel, StageModel

_PARAMS = {"objective": "binary", "verbose": -1, "num_threads": 1, "num_leaves": 15}


def _train(x: np.ndarray, y: np.ndarray, rounds: int, **params: int) -> lgb.Booster:
    return lgb.train({**_PARAMS, **params}, lgb.Dataset(x, y), num_boost_round=rounds)


def _rows_lightgbm_reads_as_zero(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """Rows with NaN, values within ZERO_THRESHOLD of 0 and infinities among the normal ones:
    every case where a value is not simply compared with a threshold."""
    x = rng.normal(size=(n, k))
    odd = rng.random(size=(n, k))
    x[odd < 0.05] = np.nan
    x[(odd >= 0.05) & (odd < 0.1)] = ZERO_THRESHOLD * rng.choice([-1.0, 0.5, 1.0])
    x[(odd >= 0.1) & (odd < 0.12)] = np.inf
    x[(odd >= 0.12) & (odd < 0.14)] = -np.inf
    return x


def test_raw_scores_are_lightgbms_to_the_last_bit() -> None:
    rng = np.random.default_rng(11)
    x = rng.normal(size=(2_000, 5))
    # A column of signs: LightGBM splits negatives from zeros at -ZERO_THRESHOLD.
    x[:, 4] = rng.choice([-1.0, 0.0, 1.0], size=2_000)
    y = x[:, 0] + x[:, 1] * x[:, 2] + x[:, 4] + rng.normal(scale=0.5, size=2_000) > 0
    booster = _train(x, y.astype(float), rounds=40)
    forest = FlatForest.from_model_string(booster.model_to_string())
    assert forest is not None
    assert -ZERO_THRESHOLD in forest.threshold
    # 1,003 rows: blocks of 64 and the three rows past the last group of eight.
    rows = _rows_lightgbm_reads_as_zero(rng, 1_003, 5)
    # Values equal to a split's threshold go left.
    for node in range(forest.feature.size):
        rows[rng.integers(1_003, size=20), forest.feature[node]] = forest.threshold[node]
    expected = np.asarray(booster.predict(rows, raw_score=True, num_threads=1))
    assert forest.raw_scores(rows).tolist() == expected.tolist()
    # A column-major matrix, as polars hands one over, is read the same and left unchanged.
    before = np.asfortranarray(rows)
    kept = before.copy()
    assert forest.raw_scores(before).tolist() == expected.tolist()
    assert np.array_equal(before, kept, equal_nan=True)


def test_a_tree_of_one_leaf_adds_its_value() -> None:
    # Leaves need more rows than there are: no tree splits.
    x = np.random.default_rng(3).normal(size=(300, 2))
    booster = _train(x, (x[:, 0] > 0).astype(float), rounds=3, min_data_in_leaf=400)
    forest = FlatForest.from_model_string(booster.model_to_string())
    assert forest is not None
    assert forest.feature.size == 0
    expected = np.asarray(booster.predict(x, raw_score=True, num_threads=1))
    assert forest.raw_scores(x).tolist() == expected.tolist()


def test_a_booster_that_learned_where_missing_values_go_is_left_to_lightgbm() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2_000, 3))
    y = (x[:, 0] > 0).astype(float)
    x[rng.random(size=2_000) < 0.3, 0] = np.nan  # missing in training: NaN gets its own way
    booster = _train(x, y, rounds=10)
    assert FlatForest.from_model_string(booster.model_to_string()) is None
    stage = StageModel(("f0", "f1", "f2"), (booster, booster), 0.5)
    frame = pl.DataFrame({f"f{i}": x[:, i] for i in range(3)})
    log_odds = np.asarray(booster.predict(x, raw_score=True))
    assert stage.predict(frame).tolist() == (1.0 / (1.0 + np.exp(-log_odds))).tolist()


def test_the_shipped_model_scores_as_its_lightgbm_boosters() -> None:
    rng = np.random.default_rng(17)
    model = DetectModel.load()
    for stage in (model.number, model.person):
        # Counts, seconds and scores: non-negative, many zeros, some large.
        x = np.floor(rng.exponential(scale=rng.choice([0.5, 5.0, 500.0]), size=(5_000, 1)))
        x = x * rng.exponential(size=(5_000, len(stage.features)))
        x[rng.random(size=x.shape) < 0.5] = 0.0
        frame = pl.DataFrame({name: x[:, i] for i, name in enumerate(stage.features)})
        log_odds = np.add.reduce(
            [np.asarray(b.predict(x, raw_score=True, num_threads=1)) for b in stage.boosters]
        ) / len(stage.boosters)
        assert stage.predict(frame).tolist() == (1.0 / (1.0 + np.exp(-log_odds))).tolist()

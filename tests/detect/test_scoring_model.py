"""A stage scores its rows in slices, each row exactly as the whole matrix would."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import polars as pl
import pytest

from fanzha.detect import scoring_model
from fanzha.detect.scoring_model import StageModel


def test_scores_in_slices_equal_scores_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] + rng.normal(scale=0.5, size=200) > 0).astype(float)
    params = {"objective": "binary", "verbose": -1, "num_threads": 1}
    booster = lgb.train(params, lgb.Dataset(x, y, feature_name=["a", "b"]), num_boost_round=5)
    stage = StageModel(("a", "b"), booster, 0.5)
    # Columns beyond the features, in another order, are ignored.
    frame = pl.DataFrame({"b": x[:, 1], "key": np.arange(200), "a": x[:, 0]})
    monkeypatch.setattr(scoring_model, "PREDICT_SLICE_ROWS", 7)
    assert stage.predict(frame).tolist() == np.asarray(booster.predict(x)).tolist()
    assert stage.predict(frame.clear()).size == 0

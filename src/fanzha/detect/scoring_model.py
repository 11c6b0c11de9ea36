"""The learned part of the engine: one gradient-boosted model per kind of decision.

A model file is JSON holding, per stage, the feature names, the LightGBM text models of its
bag (boosters fitted with different seeds) and the decision thresholds chosen on cities the
model did not train on. LightGBM's `pred_contrib` gives each decision its reasons.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np
import polars as pl

from fanzha.detect.flat_forest import FlatForest, mean_raw_scores
from fanzha.detect.windows import FloatArray

MODEL_FORMAT = "fanzha-detect/1"
DEFAULT_MODEL = "detect_model.json"
#: Rows scored at a time: 25 MB of features for the widest stage (48 of them), held up to
#: three times while the compiled walk reads them (flat_forest.py).
PREDICT_SLICE_ROWS = 1 << 16


@dataclass(frozen=True)
class StageModel:
    """A bag of boosters over named features and the score at which it decides.

    The score is the logistic of the boosters' mean log-odds. One booster decides by which
    negatives its seed drew and which features each tree saw; at the top of the scale, where
    the thresholds sit, two seeds differ by more than most changes to the features do.
    """

    features: tuple[str, ...]
    boosters: tuple[lgb.Booster, ...]
    threshold: float

    def predict(self, frame: pl.DataFrame) -> FloatArray:
        """Scores row by row, so in slices: a whole stage's rows as one float matrix would
        be the replay's peak of memory."""
        scores = np.zeros(frame.height, dtype=np.float64)
        for start in range(0, frame.height, PREDICT_SLICE_ROWS):
            part = frame.slice(start, PREDICT_SLICE_ROWS).select(self.features)
            matrix = part.to_numpy().astype(np.float64, copy=False)
            scores[start : start + part.height] = self._score(matrix)
        return scores

    def _score(self, matrix: FloatArray) -> FloatArray:
        if len(self.boosters) == 1:
            # LightGBM's own logistic: a file of one booster scores to the last bit as before.
            return np.asarray(self.boosters[0].predict(matrix, num_threads=1))
        forests = self._forests
        if forests is None:
            log_odds = self._mean(matrix, raw_score=True)
        else:
            log_odds = mean_raw_scores(forests, matrix)
        score: FloatArray = 1.0 / (1.0 + np.exp(-log_odds))
        return score

    @cached_property
    def _forests(self) -> tuple[FlatForest, ...] | None:
        """The boosters' trees for the compiled walk (LightGBM's raw scores to the last bit);
        None if a booster has splits only LightGBM reads."""
        forests = [FlatForest.from_model_string(b.model_to_string()) for b in self.boosters]
        return None if None in forests else tuple(f for f in forests if f is not None)

    def contributions(self, frame: pl.DataFrame) -> FloatArray:
        """Per row and feature, its push on the mean log-odds (last column: the bias)."""
        matrix = frame.select(self.features).to_numpy().astype(np.float64, copy=False)
        return self._mean(matrix, pred_contrib=True)

    def _mean(self, matrix: FloatArray, **kind: bool) -> FloatArray:
        """The boosters' mean output of the given kind (LightGBM's predict flags)."""
        outputs = [np.asarray(b.predict(matrix, num_threads=1, **kind)) for b in self.boosters]
        mean: FloatArray = np.add.reduce(outputs) / len(outputs)
        return mean

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "threshold": self.threshold,
            "boosters": [b.model_to_string(num_iteration=-1) for b in self.boosters],
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> StageModel:
        """Also reads files of one booster per stage (`booster`), as models were before bags."""
        texts = raw["boosters"] if "boosters" in raw else [raw["booster"]]
        return cls(
            features=tuple(raw["features"]),
            boosters=tuple(lgb.Booster(model_str=t) for t in texts),
            threshold=float(raw["threshold"]),
        )


@dataclass(frozen=True)
class DetectModel:
    """Number, account and person models; person scores map to tiers by tier1 and tier2.

    A number has two levels. From `number.threshold` the engine weighs the line as a fraud
    caller when it judges the people the line reaches; from `number_publish`, higher, it
    also lists the line in flagged_numbers, for carriers to act on. A warning needs the
    person's own behaviour too; a published line is acted on by itself.
    """

    number: StageModel
    account: StageModel
    person: StageModel
    tier1: float  # person score from which a warning is tier 1 (in person)
    tier2: float  # ... tier 2 (a call); from person.threshold up to here, tier 3
    number_publish: float  # number score from which a line is published as a fraud number
    notes: dict[str, Any]

    def save(self, path: Path) -> None:
        raw = {
            "format": MODEL_FORMAT,
            "number": self.number.to_json(),
            "account": self.account.to_json(),
            "person": self.person.to_json(),
            "tier1": self.tier1,
            "tier2": self.tier2,
            "number_publish": self.number_publish,
            "notes": self.notes,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | None = None) -> DetectModel:
        """Read a model file; without a path, the default model shipped in fanzha.models."""
        if path is None:
            text = resources.files("fanzha.models").joinpath(DEFAULT_MODEL).read_text("utf-8")
            where = f"fanzha.models/{DEFAULT_MODEL}"
        else:
            text = path.read_text(encoding="utf-8")
            where = str(path)
        raw = json.loads(text)
        if raw.get("format") != MODEL_FORMAT:
            raise ValueError(f"{where}: not a {MODEL_FORMAT} model file")
        number = StageModel.from_json(raw["number"])
        return cls(
            number=number,
            account=StageModel.from_json(raw["account"]),
            person=StageModel.from_json(raw["person"]),
            tier1=float(raw["tier1"]),
            tier2=float(raw["tier2"]),
            # Files from before the two levels published every line they weighed.
            number_publish=float(raw.get("number_publish", number.threshold)),
            notes=dict(raw.get("notes", {})),
        )

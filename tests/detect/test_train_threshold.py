"""Thresholds are chosen on out-of-fold entity scores: the lowest score whose precision over
the entities scoring at least it still reaches the stage's target."""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.train_usecase import _entity_threshold, _sample


def test_threshold_is_the_lowest_score_keeping_the_target_precision() -> None:
    # Entity 0..5 of one city; each entity's top score counts. Truth: 0, 1, 2 and 4 are bad.
    frame = pl.DataFrame(
        {
            "key": [0, 0, 1, 2, 3, 4, 5],
            "score": [0.2, 0.99, 0.95, 0.9, 0.85, 0.8, 0.7],
        }
    )
    truth = np.array([True, True, True, False, True, False])
    strict, fit = _entity_threshold([frame], [truth], target=0.99)
    assert strict == 0.9
    assert fit == {"precision": 1.0, "recall": 0.75}
    loose, fit = _entity_threshold([frame], [truth], target=0.75)
    # At 0.8 four of five entities are bad (0.8 precision); at 0.7 four of six.
    assert loose == 0.8
    assert fit == {"precision": 0.8, "recall": 1.0}


def test_a_threshold_never_splits_entities_of_equal_score() -> None:
    # Entities 1 to 3 share one score; only entity 1 is bad. Counting the tie one by one would
    # reach 100 % precision at 0.9, but all three are flagged there: 2 of 4 would be bad.
    frame = pl.DataFrame({"key": [0, 1, 2, 3], "score": [0.95, 0.9, 0.9, 0.9]})
    truth = np.array([True, True, False, False])
    threshold, fit = _entity_threshold([frame], [truth], target=0.99)
    assert threshold == 0.95
    assert fit == {"precision": 1.0, "recall": 0.5}


def test_negatives_with_a_trace_of_a_ring_are_all_kept_for_training() -> None:
    # 200,000 clean moments, 1,000 of them touched by a suspect: the sample caps clean ones
    # only, so every touched one is in it whatever the draw.
    y = np.zeros(200_000, dtype=bool)
    y[:10] = True
    touched = np.zeros(y.size, dtype=bool)
    touched[np.arange(10, 200_000, 199)] = True
    for seed in (1, 2):
        rows = _sample(y, np.random.default_rng(seed), touched)
        kept = np.zeros(y.size, dtype=bool)
        kept[rows] = True
        assert kept[y].all() and kept[touched].all()
        assert int((kept & ~y & ~touched).sum()) == 50_000

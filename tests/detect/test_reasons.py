"""Reason codes: every code is documented, and codes follow the strongest contributions."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from fanzha.detect.campaign_links import SHARED_DOMAIN_REASON
from fanzha.detect.money_trail import MONEY_TRAIL_REASON
from fanzha.detect.reasons import (
    ACCOUNT_REASONS,
    NUMBER_REASONS,
    PERSON_REASONS,
    first_crossing,
    reason_codes,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "reasons.md"


def test_every_reason_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    codes = {
        *NUMBER_REASONS.values(),
        *ACCOUNT_REASONS.values(),
        *PERSON_REASONS.values(),
        SHARED_DOMAIN_REASON,
        MONEY_TRAIL_REASON,
    }
    assert sorted(c for c in codes if c not in text) == []


def test_codes_rank_positive_pushes_strongest_first() -> None:
    features = ("exp_flag_talk", "exp_flag_n", "row_new_payee", "age_years")
    contributions = np.array(
        [
            [2.0, 1.5, -3.0, 0.5, -1.0],  # last column is the bias
            [-1.0, -2.0, -0.5, -0.1, 0.0],
        ]
    )
    values = np.array([[600.0, 2.0, 1.0, 70.0], [0.0, 0.0, 0.0, 30.0]])
    assert reason_codes(contributions, values, features, PERSON_REASONS) == [
        "CALL_FLAGGED_NUMBER_LONG;CONTACT_FLAGGED_NUMBER;AGE_GROUP",
        "MODEL_SCORE",
    ]


def test_a_code_is_given_only_when_true_of_the_row() -> None:
    features = ("kind_service", "kind_mobile", "has_holder", "age_days", "new_24h")
    # Every feature pushes up, strongest first; the bias is last.
    contributions = np.array([[5.0, 4.0, 3.0, 2.0, 1.0, 0.0]] * 3)
    values = np.array(
        [
            [0.0, 1.0, 1.0, -1.0, 40.0],  # a mobile line with a holder and no activation date
            [1.0, 0.0, 0.0, 3.0, 40.0],  # a service line, no holder, activated 3 days ago
            [0.0, 0.0, 1.0, 0.5, 40.0],  # neither kind, a holder, activated half a day ago
        ]
    )
    assert reason_codes(contributions, values, features, NUMBER_REASONS) == [
        "MOBILE_NUMBER;FANOUT_STRANGERS",
        "SERVICE_NUMBER;NO_LOCAL_HOLDER;NEW_NUMBER",
        "NEW_NUMBER;FANOUT_STRANGERS",
    ]


def test_first_crossing_takes_the_earliest_best_row_then_the_lowest_tie() -> None:
    key = np.array([7, 7, 7, 7, 3])
    ts = np.array([50, 40, 40, 40, 90])
    score = np.array([0.99, 0.95, 0.97, 0.97, 0.5])
    # Key 7 first reached 0.9 at t=40, twice with its best score there: rows 2 and 3.
    assert first_crossing(key, ts, score, 0.9).tolist() == [2]
    # An account pass's frame is not in candidate order: its `row` column breaks the tie.
    assert first_crossing(key, ts, score, 0.9, np.array([0, 1, 9, 4, 2])).tolist() == [3]
    assert first_crossing(key, ts, score, 0.999).tolist() == []

"""Reason codes: every code is documented, and codes follow the strongest contributions."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from fanzha.detect.campaign_links import SHARED_DOMAIN_REASON
from fanzha.detect.money_trail import MONEY_TRAIL_REASON
from fanzha.detect.reasons import ACCOUNT_REASONS, NUMBER_REASONS, PERSON_REASONS, reason_codes

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
    assert reason_codes(contributions, features, PERSON_REASONS) == [
        "CALL_FLAGGED_NUMBER_LONG;CONTACT_FLAGGED_NUMBER;AGE_GROUP",
        "MODEL_SCORE",
    ]

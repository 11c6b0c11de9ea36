"""One warning per person per 24 h, except that a more urgent tier may follow."""

from __future__ import annotations

import numpy as np

from fanzha.detect.warning_policy import TierPolicy, select_warnings

H = 3600


def test_more_urgent_tier_may_follow_within_a_day_but_not_a_repeat() -> None:
    person = np.array([7, 7, 7, 7, 7, 8], dtype=np.int64)
    ts = np.array([0, 2 * H, 3 * H, 3 * H, 30 * H, 0], dtype=np.int64)
    tier = np.array([3, 3, 2, 1, 3, 2], dtype=np.int64)
    score = np.array([0.5, 0.6, 0.7, 0.9, 0.5, 0.8])
    sent = select_warnings(person, ts, tier, score)
    # 0: first; 2 H: same tier within 24 h, quiet; 3 H: tier 1 wins the second over tier 2;
    # 30 H: 27 h after the tier-1 warning, sent; person 8 is independent.
    assert sorted(sent.tolist()) == [0, 3, 4, 5]


def test_tiers_follow_score_bands_and_large_transfers() -> None:
    policy = TierPolicy(threshold=0.5, tier2=0.7, tier1=0.9)
    tiers = policy.tiers(np.array([0.5, 0.75, 0.95, 0.55]), np.array([0, 0, 0, 20_000.0]))
    assert tiers.tolist() == [3, 2, 1, 1]

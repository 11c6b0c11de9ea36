"""Which scored moments become warnings, and at which tier.

The format allows one warning per person per 24 hours, except that a more urgent tier may
follow a less urgent one within that time. Tier 1 (in person) is for high scores and for
large transfers under way, tier 2 (a call) for the middle band, tier 3 (a push) for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from fanzha.detect.windows import FloatArray, Int64Array

QUIET_S = 24 * 3600
#: A transfer of at least this much, by a person the model already warns about, is tier 1.
IMMINENT_LOSS_YUAN = 10_000.0


@dataclass(frozen=True)
class TierPolicy:
    threshold: float  # lowest score that warns (tier 3)
    tier2: float
    tier1: float

    def tiers(self, score: FloatArray, transfer_yuan: FloatArray) -> Int64Array:
        tier = np.where(score >= self.tier2, 2, 3)
        tier = np.where((score >= self.tier1) | (transfer_yuan >= IMMINENT_LOSS_YUAN), 1, tier)
        return tier.astype(np.int64)


def select_warnings(
    person: Int64Array, ts: Int64Array, tier: Int64Array, score: FloatArray
) -> npt.NDArray[np.int64]:
    """Indices of the candidate rows that are sent, in (person, ts) order.

    Candidates must already pass the threshold. At equal ts the most urgent tier, then the
    highest score, is taken first, so the choice does not depend on row order.
    """
    if person.size == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((-score, tier, ts, person))
    sent: list[int] = []
    last_person, last_ts, last_tier = -1, 0, 4
    for i in order.tolist():
        p, t, k = int(person[i]), int(ts[i]), int(tier[i])
        if p != last_person or t - last_ts >= QUIET_S or k < last_tier:
            sent.append(i)
            last_person, last_ts, last_tier = p, t, k
    return np.asarray(sent, dtype=np.int64)

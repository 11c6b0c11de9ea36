"""Warning accuracy (预警准确率) as BRIEF.md defines it, with its companion figures.

accuracy = warnings the citizen confirmed accurate ÷ successful contacts. Confirmed: the
outcome shows the person was being defrauded (dissuaded, already lost). Contacted: the
person was reached (every outcome but unreachable).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord
from fanzha.warn.workflow import CONFIRMED, CONTACTED, Outcome


@dataclass(frozen=True)
class WarningAccuracy:
    warnings: int
    with_outcome: int
    contacted: int
    confirmed: int
    already_lost: int

    @property
    def accuracy(self) -> float | None:
        return self.confirmed / self.contacted if self.contacted else None

    @property
    def contact_rate(self) -> float | None:
        return self.contacted / self.with_outcome if self.with_outcome else None

    @property
    def lost_despite_warning(self) -> float | None:
        return self.already_lost / self.with_outcome if self.with_outcome else None


def warning_accuracy(
    session: Session, district: str | None, since: int | None = None, until: int | None = None
) -> WarningAccuracy:
    """Figures over warnings with `since <= ts < until` of `district` (None: the whole city)."""
    query = select(WarningRecord.outcome, func.count()).group_by(WarningRecord.outcome)
    if district is not None:
        query = query.where(WarningRecord.district == district)
    if since is not None:
        query = query.where(WarningRecord.ts >= since)
    if until is not None:
        query = query.where(WarningRecord.ts < until)
    counts = {outcome: int(n) for outcome, n in session.execute(query)}
    by_outcome = {Outcome(k): v for k, v in counts.items() if k is not None}
    return WarningAccuracy(
        warnings=sum(counts.values()),
        with_outcome=sum(by_outcome.values()),
        contacted=sum(v for k, v in by_outcome.items() if k in CONTACTED),
        confirmed=sum(v for k, v in by_outcome.items() if k in CONFIRMED),
        already_lost=by_outcome.get(Outcome.ALREADY_LOST, 0),
    )

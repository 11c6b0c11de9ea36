"""Receive warnings from the detection engine: route, set the deadline, store idempotently."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord, WarningStep
from fanzha.warn.routing import districts_of
from fanzha.warn.workflow import Step, WarnPolicy

SYSTEM = "system"


@dataclass
class Received:
    stored: int = 0
    duplicates: int = 0
    unroutable: list[tuple[int, str]] = field(default_factory=list)  # (position, person_id)


def receive_warnings(
    session: Session, frame: pl.DataFrame, policy: WarnPolicy, now: int
) -> Received:
    """Store the warnings of `frame` (typed rows of warnings.csv).

    A warning whose person is not stored cannot be routed to a district unit: it is
    returned in `unroutable` and not stored, so nobody believes it is being handled.
    """
    result = Received()
    pushes: list[WarningStep] = []
    ids = frame["warning_id"].to_list()
    known = set(
        session.scalars(select(WarningRecord.warning_id).where(WarningRecord.warning_id.in_(ids)))
    )
    districts = districts_of(session, frame["person_id"].to_list())
    for position, row in enumerate(frame.iter_rows(named=True)):
        if row["warning_id"] in known:
            result.duplicates += 1
            continue
        district = districts.get(row["person_id"])
        if district is None:
            result.unroutable.append((position, row["person_id"]))
            continue
        tier = int(row["tier"])
        tier_policy = policy.for_tier(tier)
        pushed = tier_policy.due_step is Step.PUSHED
        session.add(
            WarningRecord(
                warning_id=row["warning_id"],
                ts=row["ts"],
                person_id=row["person_id"],
                tier=tier,
                score=row["score"],
                reasons=row["reasons"],
                district=district,
                state=Step.NEW.value,
                due_step=tier_policy.due_step.value,
                deadline_at=row["ts"] + tier_policy.deadline_s,
                met_at=now if pushed else None,
                received_at=now,
            )
        )
        if pushed:
            pushes.append(
                WarningStep(
                    warning_id=row["warning_id"],
                    step=Step.PUSHED.value,
                    ts=now,
                    username=SYSTEM,
                    note="12381 SMS / app push",
                )
            )
        known.add(row["warning_id"])
        result.stored += 1
    session.flush()  # warnings first: the steps refer to them
    session.add_all(pushes)
    session.flush()
    return result

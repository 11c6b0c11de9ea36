"""Escalate warnings whose due step missed its deadline, so the duty officer sees them first."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord, WarningStep
from fanzha.warn.receive_usecase import SYSTEM


def escalate_overdue(session: Session, now: int) -> list[str]:
    """Mark every open, overdue, not yet escalated warning as escalated; returns their ids."""
    query = (
        select(WarningRecord)
        .where(
            WarningRecord.met_at.is_(None),
            WarningRecord.outcome.is_(None),
            WarningRecord.escalated_at.is_(None),
            WarningRecord.deadline_at < now,
        )
        .order_by(WarningRecord.deadline_at, WarningRecord.warning_id)
    )
    escalated: list[str] = []
    for record in session.scalars(query):
        record.escalated_at = now
        late_min = (now - record.deadline_at) // 60
        session.add(
            WarningStep(
                warning_id=record.warning_id,
                step="escalated",
                ts=now,
                username=SYSTEM,
                note=f"{record.due_step} not done by the deadline ({late_min} min late)",
            )
        )
        escalated.append(record.warning_id)
    session.flush()
    return escalated

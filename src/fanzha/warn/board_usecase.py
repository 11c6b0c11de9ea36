"""The warning board: open warnings by tier, the most pressing deadline first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord


@dataclass(frozen=True)
class BoardItem:
    warning_id: str
    ts: int
    person_id: str
    district: str
    tier: int
    score: float
    reasons: str
    state: str
    due_step: str
    deadline_at: int
    seconds_left: int  # negative once overdue
    done: bool  # the due step was done in time or late
    escalated: bool


def open_board(session: Session, now: int, district: str | None) -> dict[int, list[BoardItem]]:
    """Open warnings (no outcome yet) of `district` (None: the whole city), keyed by tier."""
    query = select(WarningRecord).where(WarningRecord.outcome.is_(None))
    if district is not None:
        query = query.where(WarningRecord.district == district)
    query = query.order_by(WarningRecord.tier, WarningRecord.deadline_at, WarningRecord.warning_id)
    board: dict[int, list[BoardItem]] = {1: [], 2: [], 3: []}
    for record in session.scalars(query):
        board[record.tier].append(
            BoardItem(
                warning_id=record.warning_id,
                ts=record.ts,
                person_id=record.person_id,
                district=record.district,
                tier=record.tier,
                score=record.score,
                reasons=record.reasons,
                state=record.state,
                due_step=record.due_step,
                deadline_at=record.deadline_at,
                seconds_left=record.deadline_at - now,
                done=record.met_at is not None,
                escalated=record.escalated_at is not None,
            )
        )
    for items in board.values():
        items.sort(key=lambda item: (item.done, not item.escalated, item.deadline_at))
    return board

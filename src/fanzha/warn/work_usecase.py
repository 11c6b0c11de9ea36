"""Record the work done on a warning: the next step, and finally the outcome (feedback)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord, WarningStep
from fanzha.warn.errors import StepNotAllowedError
from fanzha.warn.lookup import get_warning
from fanzha.warn.workflow import WORK_STEPS, Outcome, Step, can_move, reaches


def _move(record: WarningRecord, step: Step, now: int) -> None:
    record.state = step.value
    if record.met_at is None and reaches(step, Step(record.due_step)):
        record.met_at = now


def take_step(
    session: Session,
    warning_id: str,
    step: Step,
    *,
    username: str,
    note: str,
    now: int,
    district: str | None,
) -> WarningRecord:
    """Move a warning forward to `step`; skipping steps is allowed, going back is not."""
    record = get_warning(session, warning_id, district)
    if step not in WORK_STEPS:
        raise StepNotAllowedError(f"{step.value} is not a step an officer records")
    if record.outcome is not None or not can_move(Step(record.state), step):
        raise StepNotAllowedError(f"warning {warning_id} is already at {record.state}")
    _move(record, step, now)
    session.add(
        WarningStep(warning_id=warning_id, step=step.value, ts=now, username=username, note=note)
    )
    session.flush()
    return record


def record_outcome(
    session: Session,
    warning_id: str,
    outcome: Outcome,
    *,
    username: str,
    note: str,
    now: int,
    district: str | None,
) -> WarningRecord:
    """Feed the outcome back to the platform; this closes the warning. Only once."""
    record = get_warning(session, warning_id, district)
    if record.outcome is not None:
        raise StepNotAllowedError(f"warning {warning_id} already has outcome {record.outcome}")
    _move(record, Step.FEEDBACK, now)
    record.outcome = outcome.value
    record.outcome_note = note
    record.outcome_at = now
    record.outcome_by = username
    session.add(
        WarningStep(
            warning_id=warning_id,
            step=Step.FEEDBACK.value,
            ts=now,
            username=username,
            note=f"{outcome.value}: {note}" if note else outcome.value,
        )
    )
    session.flush()
    return record

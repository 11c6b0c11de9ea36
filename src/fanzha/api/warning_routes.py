"""Warnings: received from the engine, worked by the units, fed back, measured, exported."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import close_warning, read_warning, work_warning
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.ingest_routes import MAX_ROWS, IngestOut, rejected_rows
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import Rejection, check_rows
from fanzha.io.schema import TABLES
from fanzha.warn.accuracy_usecase import warning_accuracy
from fanzha.warn.board_usecase import BoardItem, open_board
from fanzha.warn.escalate_usecase import escalate_overdue
from fanzha.warn.export_usecase import outcomes_csv
from fanzha.warn.receive_usecase import receive_warnings
from fanzha.warn.workflow import WORK_STEPS, Outcome, Step

router = APIRouter(prefix="/api/warnings", tags=["warnings"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_WARNINGS))]
Worker = Annotated[Actor, Depends(requires(Permission.WORK_WARNINGS))]
Submitter = Annotated[Actor, Depends(requires(Permission.SUBMIT_WARNINGS))]
Exporter = Annotated[Actor, Depends(requires(Permission.EXPORT_OUTCOMES))]


class WarningBatch(BaseModel):
    """Rows of warnings.csv as JSON: warning_id, ts, person_id, tier, score, reasons."""

    model_config = ConfigDict(strict=True, extra="forbid")
    rows: list[object] = Field(max_length=MAX_ROWS)


@router.post("")
def submit(batch: WarningBatch, svc: ServicesDep, actor: Submitter) -> IngestOut:
    """Receive warnings; each is routed to its person's district unit with a tier deadline.

    Idempotent by warning_id. A warning whose person is not stored is rejected: there is
    no district unit to route it to.
    """
    checked = check_rows(TABLES["warnings"], list(batch.rows))
    now = svc.now()
    with svc.database.session() as session:
        result = receive_warnings(session, checked.frame, svc.policy, now)
        unroutable = [
            Rejection(checked.index[position], "person_id", f"unknown person {person!r}")
            for position, person in result.unroutable
        ]
        detail = f"stored {result.stored}, duplicates {result.duplicates}"
        audit(session, actor, now, "submit_warnings", kind="warnings", subject="", detail=detail)
    rejected = sorted([*checked.rejected, *unroutable], key=lambda r: (r.row, r.field))
    return IngestOut(
        table="warnings",
        received=len(batch.rows),
        stored=result.stored,
        duplicates=result.duplicates,
        rejected=rejected_rows(rejected),
    )


class BoardItemOut(BaseModel):
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
    seconds_left: int
    done: bool
    escalated: bool


def board_item_out(item: BoardItem, actor: Actor) -> BoardItemOut:
    out = BoardItemOut.model_validate(item, from_attributes=True)
    out.person_id = masking.person_id(item.person_id, actor.role)
    return out


@router.get("/board")
def board(svc: ServicesDep, actor: Reader) -> dict[int, list[BoardItemOut]]:
    """Open warnings by tier; overdue ones are escalated first. District units see theirs."""
    now = svc.now()
    with svc.database.session() as session:
        escalate_overdue(session, now)
        items = open_board(session, now, actor.district_scope)
        audit(session, actor, now, "read_board", kind="board", subject=actor.district or "city")
    return {
        tier: [board_item_out(i, actor) for i in tier_items] for tier, tier_items in items.items()
    }


class StepOut(BaseModel):
    step: str
    ts: int
    username: str
    note: str


class PersonOut(BaseModel):
    person_id: str
    district: str
    birth_year: int | None
    sex: str | None
    phones: list[str]


class WarningOut(BaseModel):
    warning_id: str
    ts: int
    tier: int
    score: float
    reasons: str
    district: str
    state: str
    due_step: str
    deadline_at: int
    met_at: int | None
    escalated_at: int | None
    outcome: str | None
    outcome_note: str | None
    person: PersonOut
    steps: list[StepOut]


def _warning_out(svc: ServicesDep, actor: Actor, warning_id: str) -> WarningOut:
    now = svc.now()
    with svc.database.session() as session:
        detail = read_warning(session, actor, now, warning_id)
    record = detail.warning
    person = detail.person
    return WarningOut(
        warning_id=record.warning_id,
        ts=record.ts,
        tier=record.tier,
        score=record.score,
        reasons=record.reasons,
        district=record.district,
        state=record.state,
        due_step=record.due_step,
        deadline_at=record.deadline_at,
        met_at=record.met_at,
        escalated_at=record.escalated_at,
        outcome=record.outcome,
        outcome_note=record.outcome_note,
        person=PersonOut(
            person_id=masking.person_id(person.person_id, actor.role),
            district=person.district,
            birth_year=person.birth_year,
            sex=person.sex,
            phones=[masking.phone(p, actor.role) for p in person.phones],
        ),
        steps=[
            StepOut(step=s.step, ts=s.ts, username=s.username, note=s.note) for s in detail.steps
        ],
    )


@router.get("/accuracy")
def accuracy(
    svc: ServicesDep,
    actor: Reader,
    since: Annotated[int | None, Query(description="UTC epoch seconds, inclusive")] = None,
    until: Annotated[int | None, Query(description="UTC epoch seconds, exclusive")] = None,
) -> dict[str, float | int | None]:
    """Warning accuracy = confirmed accurate ÷ successful contacts, with companion figures."""
    with svc.database.session() as session:
        figures = warning_accuracy(session, actor.district_scope, since, until)
    return {
        "warnings": figures.warnings,
        "with_outcome": figures.with_outcome,
        "contacted": figures.contacted,
        "confirmed": figures.confirmed,
        "already_lost": figures.already_lost,
        "accuracy": figures.accuracy,
        "contact_rate": figures.contact_rate,
        "lost_despite_warning": figures.lost_despite_warning,
    }


@router.get("/outcomes.csv", response_class=Response)
def export_outcomes(svc: ServicesDep, actor: Exporter) -> Response:
    """Warnings with outcomes as CSV, the training labels for the detection models."""
    now = svc.now()
    with svc.database.session() as session:
        text = outcomes_csv(session, actor.district_scope)
        audit(session, actor, now, "export_outcomes", kind="warnings", subject="outcomes.csv")
    return Response(text, media_type="text/csv; charset=utf-8")


@router.post("/escalate")
def escalate(svc: ServicesDep, actor: Submitter) -> list[str]:
    """Escalate every warning whose due step missed its deadline; returns their ids."""
    now = svc.now()
    with svc.database.session() as session:
        escalated = escalate_overdue(session, now)
        audit(session, actor, now, "escalate", kind="warnings", subject=str(len(escalated)))
    return escalated


@router.get("/{warning_id}")
def get_one(warning_id: str, svc: ServicesDep, actor: Reader) -> WarningOut:
    """A warning, its history and the person's phones (masked where the role needs none)."""
    return _warning_out(svc, actor, warning_id)


class StepIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    step: Annotated[Step, Field(strict=False)]  # an enum arrives as its JSON string
    note: str = Field(default="", max_length=2000)


@router.post("/{warning_id}/steps")
def add_step(warning_id: str, body: StepIn, svc: ServicesDep, actor: Worker) -> WarningOut:
    """Record the next step of work: one of signed_for, called, assessed, found,
    identity_verified, met. Forward only (409 otherwise)."""
    if body.step not in WORK_STEPS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"step must be one of {', '.join(s.value for s in WORK_STEPS)}",
        )
    now = svc.now()
    with svc.database.session() as session:
        work_warning(session, actor, now, warning_id, step=body.step, note=body.note)
    return _warning_out(svc, actor, warning_id)


class OutcomeIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    outcome: Annotated[Outcome, Field(strict=False)]
    note: str = Field(default="", max_length=2000)


@router.post("/{warning_id}/outcome")
def add_outcome(warning_id: str, body: OutcomeIn, svc: ServicesDep, actor: Worker) -> WarningOut:
    """Feed back the outcome; this closes the warning. Once only (409 otherwise)."""
    now = svc.now()
    with svc.database.session() as session:
        close_warning(session, actor, now, warning_id, outcome=body.outcome, note=body.note)
    return _warning_out(svc, actor, warning_id)

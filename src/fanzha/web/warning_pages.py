"""The warning board and a warning's page, where a unit records steps and the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import close_warning, read_warning, work_warning
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.warn.accuracy_usecase import warning_accuracy
from fanzha.warn.board_usecase import open_board
from fanzha.warn.errors import StepNotAllowedError, WarningNotFoundError
from fanzha.warn.escalate_usecase import escalate_overdue
from fanzha.warn.signals_usecase import recent_signals
from fanzha.warn.workflow import ORDER, WORK_STEPS, Outcome, Step
from fanzha.web.render import MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)


def _board_context(svc: ServicesDep, actor: Actor) -> dict[str, Any]:
    now = svc.now()
    with svc.database.session() as session:
        escalate_overdue(session, now)
        board = open_board(session, now, actor.district_scope)
        figures = warning_accuracy(session, actor.district_scope)
        audit(session, actor, now, "read_board", kind="board", subject=actor.district or "city")
    masked = {
        tier: [(item, masking.person_id(item.person_id, actor.role)) for item in items]
        for tier, items in board.items()
    }
    return {"board": masked, "now": now, "figures": figures}


@router.get("/board")
def board_page(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    if actor is None or not actor.may(Permission.READ_WARNINGS):
        return keep_out(request, actor)
    return render(request, "board.html", actor, **_board_context(svc, actor))


@router.get("/board/table")
def board_table(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """The board's body alone; htmx swaps it in every 30 seconds."""
    if actor is None or not actor.may(Permission.READ_WARNINGS):
        return keep_out(request, actor)
    return render(request, "board_table.html", actor, **_board_context(svc, actor))


def _warning_page(
    request: Request, svc: ServicesDep, actor: Actor, warning_id: str, error_key: str | None
) -> Response:
    now = svc.now()
    try:
        with svc.database.session() as session:
            detail = read_warning(session, actor, now, warning_id)
            signals = recent_signals(
                session, detail.person.person_id, detail.person.phones, detail.warning.ts, now
            )
    except WarningNotFoundError:
        return refusal(request, actor, "not_found", 404)
    state = Step(detail.warning.state)
    steps_left = [s for s in WORK_STEPS if ORDER.index(s) > ORDER.index(state)]
    return render(
        request,
        "warning.html",
        actor,
        # htmx swaps only 2xx answers; a plain form post gets the honest 409.
        status_code=409 if error_key and "hx-request" not in request.headers else 200,
        w=detail.warning,
        steps=detail.steps,
        person_id=masking.person_id(detail.person.person_id, actor.role),
        person=detail.person,
        phones=[masking.phone(p, actor.role) for p in detail.person.phones],
        signals=signals,
        phone=lambda number: masking.phone(number, actor.role),
        account=lambda number: masking.account(number, actor.role) if number else "",
        steps_left=steps_left if detail.warning.outcome is None else [],
        outcomes=list(Outcome),
        may_work=actor.may(Permission.WORK_WARNINGS),
        may_open_case=actor.may(Permission.OPEN_CASES),
        error_key=error_key,
        now=now,
    )


@router.get("/warnings/{warning_id}")
def warning_page(
    warning_id: str, request: Request, svc: ServicesDep, actor: MaybeActor
) -> Response:
    if actor is None or not actor.may(Permission.READ_WARNINGS):
        return keep_out(request, actor)
    return _warning_page(request, svc, actor, warning_id, None)


@router.post("/warnings/{warning_id}/steps")
def warning_step(
    warning_id: str,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    step: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    if actor is None or not actor.may(Permission.WORK_WARNINGS):
        return keep_out(request, actor)

    def work(session: Session, now: int) -> None:
        work_warning(session, actor, now, warning_id, step=Step(step), note=note)

    return _worked(request, svc, actor, warning_id, work)


@router.post("/warnings/{warning_id}/outcome")
def warning_outcome(
    warning_id: str,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    outcome: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    if actor is None or not actor.may(Permission.WORK_WARNINGS):
        return keep_out(request, actor)

    def close(session: Session, now: int) -> None:
        close_warning(session, actor, now, warning_id, outcome=Outcome(outcome), note=note)

    return _worked(request, svc, actor, warning_id, close)


def _worked(
    request: Request,
    svc: ServicesDep,
    actor: Actor,
    warning_id: str,
    work: Callable[[Session, int], None],
) -> Response:
    """Do an officer's `work` on the warning, then show its page (saying so if refused); a step
    or outcome not in the workflow (ValueError) is refused like one out of order."""
    now = svc.now()
    try:
        with svc.database.session() as session:
            work(session, now)
    except WarningNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except (StepNotAllowedError, ValueError):
        return _warning_page(request, svc, actor, warning_id, "step_refused")
    return _warning_page(request, svc, actor, warning_id, None)

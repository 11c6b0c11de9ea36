"""A case's page: its fund-flow graph and stop requests, where the stop-payment officer clicks
once to stop the money (一键止付), sees the banks answer and renews, freezes or returns holds."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import act_on_stop, read_case
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.api.stop_routes import fen
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.stoppay.lifecycle import HoldState, LifecycleError
from fanzha.store.case_stop_usecase import StopPayConflictError
from fanzha.store.case_usecase import (
    HOLDING,
    TYPOLOGIES,
    CaseMoney,
    CaseNotFoundError,
    case_money,
)
from fanzha.store.hold_usecase import HoldAction, expire_lapsed
from fanzha.store.pursuit_usecase import one_click
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_requests_usecase import StopRequestNotFoundError, requests_of_case
from fanzha.web.fund_flow_view import graph_elements, script_json
from fanzha.web.render import MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)


def _awaiting(records: list[StopRequestRecord]) -> bool:
    """Some request still awaits its bank's answer: the page polls until none does."""
    return any(r.state == HoldState.REQUESTED for r in records)


def _requests_fragment(
    request: Request,
    session: Session,
    actor: Actor,
    case_id: str,
    error_key: str | None = None,
) -> Response:
    records = requests_of_case(session, case_id)
    money = case_money(session, [case_id])[case_id]
    return render(
        request,
        "case_requests.html",
        actor,
        **_requests_context(actor, case_id, records, money, error_key),
    )


def _requests_context(
    actor: Actor,
    case_id: str,
    records: list[StopRequestRecord],
    money: CaseMoney,
    error_key: str | None,
) -> dict[str, Any]:
    """What case_requests.html shows, on the case page and in the fragment htmx polls."""
    return {
        "case_id": case_id,
        "awaiting": _awaiting(records),
        "requests": [(r, masking.account(r.account_id, actor.role)) for r in records],
        "money": money,
        "may_act": actor.may(Permission.STOP_PAY),
        "actions": list(HoldAction),
        "error_key": error_key,
    }


@router.get("/cases/{case_id}")
def case_page(case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """The case: facts, money, the fund-flow graph and the stop requests (polled for answers)."""
    if actor is None or not actor.may(Permission.READ_CASES):
        return keep_out(request, actor)
    now = svc.now()
    try:
        with svc.database.session() as session:
            found = read_case(session, actor, now, case_id)
    except CaseNotFoundError:
        return refusal(request, actor, "not_found", 404)
    graph, records = found.graph, found.requests
    held = frozenset(r.account_id for r in records if r.state in HOLDING)
    asked = frozenset(r.account_id for r in records)
    elements = (
        []
        if graph is None
        else graph_elements(graph, lambda a: masking.account(a, actor.role), held, asked)
    )
    return render(
        request,
        "case.html",
        actor,
        case=found.case,
        person_id=masking.person_id(found.case.person_id, actor.role),
        graph=graph,
        elements=script_json(elements),
        may_open=actor.may(Permission.OPEN_CASES),
        typologies=TYPOLOGIES,
        **_requests_context(actor, case_id, records, found.money, None),
    )


@router.get("/cases/{case_id}/requests")
def case_requests_part(
    case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor
) -> Response:
    """The stop requests and money alone; htmx polls it while answers are awaited (audited)."""
    if actor is None or not actor.may(Permission.READ_CASES):
        return keep_out(request, actor)
    now = svc.now()
    with svc.database.session() as session:
        expire_lapsed(session, now)
        audit(session, actor, now, "read_case_requests", kind="case", subject=case_id)
        return _requests_fragment(request, session, actor, case_id)


@router.post("/cases/{case_id}/stop-pay")
def case_stop_pay(case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """The one click: send the engine's requests and show them."""
    if actor is None or not actor.may(Permission.STOP_PAY):
        return keep_out(request, actor)
    now = svc.now()
    try:
        with svc.database.session() as session:
            result = one_click(session, case_id, now, svc.settings.applicant(actor.username))
            detail = f"sent {len(result.sent)}; unroutable {len(result.unroutable)}"
            audit(session, actor, now, "stop_pay", kind="case", subject=case_id, detail=detail)
            return _requests_fragment(request, session, actor, case_id)
    except CaseNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except StopPayConflictError:
        with svc.database.session() as session:
            return _requests_fragment(request, session, actor, case_id, "stop_pay_conflict")


@router.post("/cases/{case_id}/requests/{request_id}/hold")
def case_hold_action(
    case_id: str,
    request_id: str,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    action: Annotated[HoldAction, Form()],
    amount: Annotated[str, Form(pattern=AMOUNT_PATTERN)] = "0.00",
) -> Response:
    """Renew, freeze, return or release a hold from the case page."""
    if actor is None or not actor.may(Permission.STOP_PAY):
        return keep_out(request, actor)
    now = svc.now()
    try:
        with svc.database.session() as session:
            act_on_stop(
                session,
                actor,
                now,
                request_id,
                action=action,
                amount_fen=fen(amount),
                case_id=case_id,
            )
    except StopRequestNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except LifecycleError:
        with svc.database.session() as session:
            return _requests_fragment(request, session, actor, case_id, "hold_refused")
    with svc.database.session() as session:
        return _requests_fragment(request, session, actor, case_id)

"""A case's page: its fund-flow graph and stop requests, where the stop-payment officer clicks
once to stop the money (一键止付), sees the banks answer and renews, freezes or returns holds."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.api.stop_routes import fen
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.stoppay.lifecycle import HoldState, LifecycleError
from fanzha.store.case_flow_usecase import case_flow
from fanzha.store.case_stop_usecase import stop_pay
from fanzha.store.case_usecase import (
    HOLDING,
    TYPOLOGIES,
    CaseNotFoundError,
    case_money,
    get_case,
)
from fanzha.store.hold_usecase import HoldAction, act_on_hold, expire_lapsed
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_requests_usecase import StopRequestNotFoundError, requests_of_case
from fanzha.web.fund_flow_view import graph_elements
from fanzha.web.render import MaybeActor, refusal, render, to_login

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
    shown = [(r, masking.account(r.account_id, actor.role)) for r in records]
    return render(
        request,
        "case_requests.html",
        actor,
        case_id=case_id,
        awaiting=_awaiting(records),
        requests=shown,
        money=money,
        may_act=actor.may(Permission.STOP_PAY),
        actions=list(HoldAction),
        error_key=error_key,
    )


@router.get("/cases/{case_id}")
def case_page(case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """The case: facts, money, the fund-flow graph and the stop requests (polled for answers)."""
    if actor is None:
        return to_login()
    if not actor.may(Permission.READ_CASES):
        return refusal(request, actor, "forbidden", 403)
    now = svc.now()
    try:
        with svc.database.session() as session:
            expire_lapsed(session, now)
            record = get_case(session, case_id)
            graph = case_flow(session, case_id, now)
            records = requests_of_case(session, case_id)
            money = case_money(session, [case_id])[case_id]
            audit(session, actor, now, "read_case", kind="case", subject=case_id)
    except CaseNotFoundError:
        return refusal(request, actor, "not_found", 404)
    held = frozenset(r.account_id for r in records if r.state in HOLDING)
    asked = frozenset(r.account_id for r in records)
    elements = (
        []
        if graph is None
        else graph_elements(graph, lambda a: masking.account(a, actor.role), held, asked)
    )
    shown = [(r, masking.account(r.account_id, actor.role)) for r in records]
    return render(
        request,
        "case.html",
        actor,
        case=record,
        person_id=masking.person_id(record.person_id, actor.role),
        graph=graph,
        elements=json.dumps(elements, ensure_ascii=False),
        case_id=case_id,
        awaiting=_awaiting(records),
        requests=shown,
        money=money,
        may_act=actor.may(Permission.STOP_PAY),
        may_open=actor.may(Permission.OPEN_CASES),
        typologies=TYPOLOGIES,
        actions=list(HoldAction),
        error_key=None,
    )


@router.get("/cases/{case_id}/requests")
def case_requests_part(
    case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor
) -> Response:
    """The stop requests and money alone; htmx polls it while answers are awaited (audited)."""
    if actor is None:
        return to_login()
    if not actor.may(Permission.READ_CASES):
        return refusal(request, actor, "forbidden", 403)
    now = svc.now()
    with svc.database.session() as session:
        expire_lapsed(session, now)
        audit(session, actor, now, "read_case_requests", kind="case", subject=case_id)
        return _requests_fragment(request, session, actor, case_id)


@router.post("/cases/{case_id}/stop-pay")
def case_stop_pay(case_id: str, request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """The one click: send the engine's requests and show them."""
    if actor is None:
        return to_login()
    if not actor.may(Permission.STOP_PAY):
        return refusal(request, actor, "forbidden", 403)
    now = svc.now()
    try:
        with svc.database.session() as session:
            result = stop_pay(session, case_id, now)
            detail = f"sent {len(result.sent)}; unroutable {len(result.unroutable)}"
            audit(session, actor, now, "stop_pay", kind="case", subject=case_id, detail=detail)
            return _requests_fragment(request, session, actor, case_id)
    except CaseNotFoundError:
        return refusal(request, actor, "not_found", 404)


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
    if actor is None:
        return to_login()
    if not actor.may(Permission.STOP_PAY):
        return refusal(request, actor, "forbidden", 403)
    now = svc.now()
    try:
        with svc.database.session() as session:
            record = act_on_hold(
                session, request_id, action, now, amount_fen=fen(amount), case_id=case_id
            )
            detail = f"{action.value}: {record.state}"
            audit(
                session,
                actor,
                now,
                "hold_action",
                kind="stop_request",
                subject=request_id,
                detail=detail,
            )
    except StopRequestNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except LifecycleError:
        with svc.database.session() as session:
            return _requests_fragment(request, session, actor, case_id, "hold_refused")
    with svc.database.session() as session:
        return _requests_fragment(request, session, actor, case_id)

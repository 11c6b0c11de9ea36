"""The stop-payment desk page: officers see every request, a bank only its own and answers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import answer_stop_request
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.api.stop_routes import bank_answer
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.stoppay.lifecycle import LifecycleError
from fanzha.stoppay.messages import BankResult
from fanzha.store.stop_requests_usecase import (
    StopRequestNotFoundError,
    requests_for,
)
from fanzha.web.render import MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)


@router.get("/stop-requests")
def stop_requests_page(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """Officers see every request; a bank partner only those sent to its bank."""
    if actor is None or not actor.may(Permission.READ_STOP_REQUESTS):
        return keep_out(request, actor)
    return _stop_requests(request, svc, actor, None)


def _stop_requests(
    request: Request, svc: ServicesDep, actor: Actor, error_key: str | None
) -> Response:
    with svc.database.session() as session:
        records = requests_for(session, actor.bank_scope)
        subject = actor.bank or "all"
        audit(
            session, actor, svc.now(), "read_stop_requests", kind="stop_requests", subject=subject
        )
    shown = [(r, masking.account(r.account_id, actor.role)) for r in records]
    return render(
        request,
        "stop_requests.html",
        actor,
        status_code=409 if error_key else 200,
        requests=shown,
        may_answer=actor.may(Permission.ANSWER_STOP_REQUESTS),
        results=list(BankResult),
        error_key=error_key,
    )


@router.post("/stop-requests/{request_id}/answer")
def stop_request_answer(
    request_id: str,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    result: Annotated[str, Form()],
    held: Annotated[str, Form(pattern=AMOUNT_PATTERN)] = "0.00",
) -> Response:
    """A bank partner answers a request sent to its bank, from the console."""
    if actor is None or not actor.may(Permission.ANSWER_STOP_REQUESTS):
        return keep_out(request, actor)
    now = svc.now()
    try:
        with svc.database.session() as session:
            message = bank_answer(actor, BankResult(result), held, "0.00", now)
            answer_stop_request(session, actor, now, request_id, message)
    except StopRequestNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except (LifecycleError, ValueError):
        return _stop_requests(request, svc, actor, "answer_refused")
    return _stop_requests(request, svc, actor, None)

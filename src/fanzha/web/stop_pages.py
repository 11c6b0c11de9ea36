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
from fanzha.api.stop_routes import bank_answer, message_out
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.stoppay.lifecycle import LifecycleError
from fanzha.stoppay.messages import BankResult
from fanzha.store.stop_requests_usecase import (
    StopRequestNotFoundError,
    messages_of,
    requests_for,
)
from fanzha.web.i18n import language_of
from fanzha.web.render import LANG_COOKIE, MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)

#: Labels of the request message's fields (Chinese, English), as the interface names them.
MESSAGE_WORDS: dict[str, tuple[str, str]] = {
    "message": ("止付申请报文", "Stop-payment request message"),
    "serial_number": ("报文流水号", "Message serial number"),
    "sending_institution": ("发送机构", "Sending institution"),
    "transaction_type_code": ("交易类型", "Transaction type"),
    "application_number": ("申请编号", "Application number"),
    "original_report_number": ("原报案编号", "Original report number"),
    "application_type": ("申请类型", "Application type"),
    "case_number": ("案件编号", "Case number"),
    "case_type": ("案件类型", "Case type"),
    "urgency": ("紧急程度", "Urgency"),
    "measure": ("措施", "Measure"),
    "source": ("资金来源", "Source of funds"),
    "account_to_stop": ("止付账户", "Account to stop"),
    "amount": ("止付金额(元)", "Amount to stop (yuan)"),
    "reason": ("止付事由", "Reason"),
    "period": ("止付期限", "Period"),
    "applying_unit": ("申请单位", "Applying unit"),
    "applied_at": ("申请时间", "Applied at"),
    "handling_officer": ("经办人", "Handling officer"),
    "assisting_officer": ("协办人", "Assisting officer"),
}


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
        messages = messages_of(session, [r.request_id for r in records])
        subject = actor.bank or "all"
        audit(
            session, actor, svc.now(), "read_stop_requests", kind="stop_requests", subject=subject
        )
    shown = [
        (
            r,
            masking.account(r.account_id, actor.role),
            None if r.request_id not in messages else message_out(messages[r.request_id], actor),
        )
        for r in records
    ]
    english = language_of(request.cookies.get(LANG_COOKIE)) == "en"
    return render(
        request,
        "stop_requests.html",
        actor,
        status_code=409 if error_key else 200,
        requests=shown,
        may_answer=actor.may(Permission.ANSWER_STOP_REQUESTS),
        results=list(BankResult),
        error_key=error_key,
        message_word={key: words[english] for key, words in MESSAGE_WORDS.items()},
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

"""The stop-payment desk: officers send requests, each bank sees and answers only its own."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import answer_stop_request
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.ingest_routes import MAX_ROWS, IngestOut, rejected_rows
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import Rejection, check_rows
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.io.schema import TABLES
from fanzha.stoppay.messages import BankAnswer, BankResult, StopPaymentRequest
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_requests_usecase import (
    get_request,
    messages_of,
    receive_requests,
    requests_for,
)

router = APIRouter(prefix="/api/stop-requests", tags=["stop-payment"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_STOP_REQUESTS))]
Sender = Annotated[Actor, Depends(requires(Permission.SUBMIT_STOP_REQUESTS))]
Bank = Annotated[Actor, Depends(requires(Permission.ANSWER_STOP_REQUESTS))]


class RequestBatch(BaseModel):
    """Rows of stop_requests.csv: request_id, ts, report_id, account_id, amount, hop."""

    model_config = ConfigDict(strict=True, extra="forbid")
    rows: list[object] = Field(max_length=MAX_ROWS)


@router.post("")
def submit(batch: RequestBatch, svc: ServicesDep, actor: Sender) -> IngestOut:
    """Store requests, each routed to the bank of its account; idempotent by request_id."""
    checked = check_rows(TABLES["stop_requests"], list(batch.rows))
    now = svc.now()
    with svc.database.session() as session:
        result = receive_requests(session, checked.frame, now)
        unknown = [
            Rejection(checked.index[position], "account_id", f"unknown account {account!r}")
            for position, account in result.unknown_accounts
        ]
        detail = f"stored {result.stored}, duplicates {result.duplicates}"
        audit(
            session,
            actor,
            now,
            "submit_stop_requests",
            kind="stop_requests",
            subject="",
            detail=detail,
        )
    return IngestOut(
        table="stop_requests",
        received=len(batch.rows),
        stored=result.stored,
        duplicates=result.duplicates,
        rejected=rejected_rows(sorted([*checked.rejected, *unknown], key=lambda r: r.row)),
    )


class FundSourceOut(BaseModel):
    paying_bank: str
    payer_name: str
    payer_account: str
    amount: int  # fen
    currency: str
    paid_at: int


class AccountToStopOut(BaseModel):
    bank_code: str
    bank_name: str
    account_kind: str
    account_number: str
    holder_name: str


class OfficerOut(BaseModel):
    id_type: str
    id_number: str
    name: str
    phone: str


class StopMessageOut(BaseModel):
    """The request message the bank received (PBOC/MPS interface fields); amounts fen, times
    UTC epoch seconds."""

    serial_number: str
    sending_institution: str
    transaction_type_code: str
    application_number: str
    original_report_number: str
    application_type: str
    case_number: str
    case_type: str
    urgency: str
    measure: str
    source: FundSourceOut
    account: AccountToStopOut
    amount: int
    reason: str
    start_at: int
    end_at: int
    applying_unit: str
    applied_at: int
    handling_officer: OfficerOut
    assisting_officer: OfficerOut | None


def message_out(message: StopPaymentRequest, actor: Actor) -> StopMessageOut:
    """The message as `actor` may see it: the victim and the accounts masked by role."""
    source, account = message.source, message.account
    return StopMessageOut(
        serial_number=message.serial_number,
        sending_institution=message.sending_institution,
        transaction_type_code=message.transaction_type_code,
        application_number=message.application_number,
        original_report_number=message.original_report_number,
        application_type=message.application_type.value,
        case_number=message.case_number,
        case_type=message.case_type,
        urgency=message.urgency.value,
        measure=message.measure.value,
        source=FundSourceOut(
            paying_bank=source.paying_bank,
            payer_name=masking.person_id(source.payer_name, actor.role),
            payer_account=masking.account(source.payer_account, actor.role),
            amount=source.amount_fen,
            currency=source.currency,
            paid_at=source.paid_at,
        ),
        account=AccountToStopOut(
            bank_code=account.bank_code,
            bank_name=account.bank_name,
            account_kind=account.account_kind,
            account_number=masking.account(account.account_number, actor.role),
            holder_name=masking.person_id(account.holder_name, actor.role),
        ),
        amount=message.amount_fen,
        reason=message.reason,
        start_at=message.start_at,
        end_at=message.end_at,
        applying_unit=message.applying_unit,
        applied_at=message.applied_at,
        handling_officer=OfficerOut.model_validate(message.handling_officer, from_attributes=True),
        assisting_officer=None
        if message.assisting_officer is None
        else OfficerOut.model_validate(message.assisting_officer, from_attributes=True),
    )


class StopRequestOut(BaseModel):
    request_id: str
    ts: int
    report_id: str
    account_id: str
    bank: str
    amount: int  # fen
    hop: int
    state: str
    held: int  # fen
    until: int | None
    answered_at: int | None
    failure_reason: str | None
    case_id: str | None
    stop_renewals: int
    freeze_renewals: int
    returned: int  # fen
    message: StopMessageOut | None = None  # requests sent by one click carry their message


def request_out(
    record: StopRequestRecord, actor: Actor, message: StopPaymentRequest | None = None
) -> StopRequestOut:
    out = StopRequestOut.model_validate(record, from_attributes=True)
    out.account_id = masking.account(record.account_id, actor.role)
    out.message = None if message is None else message_out(message, actor)
    return out


@router.get("")
def list_requests(svc: ServicesDep, actor: Reader) -> list[StopRequestOut]:
    """All requests for officers; a bank partner gets only those sent to its bank."""
    with svc.database.session() as session:
        records = requests_for(session, actor.bank_scope)
        messages = messages_of(session, [r.request_id for r in records])
        audit(
            session,
            actor,
            svc.now(),
            "read_stop_requests",
            kind="stop_requests",
            subject=actor.bank or "all",
        )
        return [request_out(r, actor, messages.get(r.request_id)) for r in records]


@router.get("/{request_id}")
def read_request(request_id: str, svc: ServicesDep, actor: Reader) -> StopRequestOut:
    """One request with its message; another bank's request is 404 to a bank partner."""
    with svc.database.session() as session:
        record = get_request(session, request_id, actor.bank_scope)
        messages = messages_of(session, [request_id])
        audit(
            session, actor, svc.now(), "read_stop_request", kind="stop_request", subject=request_id
        )
        return request_out(record, actor, messages.get(request_id))


def fen(yuan: str) -> int:
    """Fen of a yuan amount already checked against AMOUNT_PATTERN ("4999.00")."""
    whole, _, frac = yuan.partition(".")
    return int(whole) * 100 + int(frac)


def bank_answer(actor: Actor, result: BankResult, held: str, balance: str, now: int) -> BankAnswer:
    """The answer message of `actor`'s bank; amounts in yuan as the format writes them."""
    return BankAnswer(
        result=result,
        card_number="",
        balance_fen=fen(balance),
        held_fen=fen(held),
        start_at=None,
        end_at=None,
        failure_reason="",
        note="",
        answering_institution=actor.bank or "",
        handler=actor.username,
        answered_at=now,
    )


class AnswerIn(BaseModel):
    """The bank's result message. Amounts in yuan with 2 decimals, times UTC epoch seconds."""

    model_config = ConfigDict(strict=True, extra="forbid")
    result: Annotated[BankResult, Field(strict=False)]
    held: str = Field(default="0.00", pattern=AMOUNT_PATTERN)
    balance: str = Field(default="0.00", pattern=AMOUNT_PATTERN)
    card_number: str = ""
    start_at: int | None = None
    failure_reason: str = Field(default="", max_length=2000)
    note: str = Field(default="", max_length=2000)


@router.post("/{request_id}/answer")
def answer(request_id: str, body: AnswerIn, svc: ServicesDep, actor: Bank) -> StopRequestOut:
    """A bank answers a request sent to it: held (with the amount), already gone, or no such
    account. Another bank's request is 404; a second answer is 409."""
    now = svc.now()
    message = replace(
        bank_answer(actor, body.result, body.held, body.balance, now),
        card_number=body.card_number,
        start_at=body.start_at,
        failure_reason=body.failure_reason,
        note=body.note,
    )
    with svc.database.session() as session:
        record = answer_stop_request(session, actor, now, request_id, message)
        return request_out(record, actor)

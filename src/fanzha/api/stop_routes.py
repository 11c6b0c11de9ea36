"""The stop-payment desk: officers send requests, each bank sees and answers only its own."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, create_model

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import answer_stop_request
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.ingest_routes import MAX_ROWS, IngestOut, rejected_rows
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import Rejection, check_rows
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.io.schema import TABLES
from fanzha.stoppay.message_fields import message_fields
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


@cache
def out_model(message_type: type) -> type[BaseModel]:
    """The response model of a message dataclass, nested parts as nested models; fen amounts
    drop the unit from their name ("amount"), as everywhere in the API, enums show their value.
    Built from the dataclass so that the message's fields are listed in one place."""
    spec: dict[str, Any] = {}
    for field in message_fields(message_type):
        kind: Any = str if issubclass(field.kind, Enum) else field.kind
        if field.is_part:
            kind = out_model(field.kind)
        if field.optional:
            kind = kind | None
        spec[field.name.removesuffix("_fen")] = (kind, Field(validation_alias=field.name))
    return create_model(f"{message_type.__name__}Out", **spec)


# Built at import from the dataclass; the type checker knows it as a BaseModel.
if TYPE_CHECKING:
    StopMessageOut = BaseModel
else:
    StopMessageOut = create_model(
        "StopMessageOut",
        __base__=out_model(StopPaymentRequest),
        __doc__="The request message the bank received (PBOC/MPS interface fields); amounts "
        "fen, times UTC epoch seconds.",
    )


def message_out(message: StopPaymentRequest, actor: Actor) -> BaseModel:
    """The message as `actor` may see it: the victim and the accounts masked by role."""
    source, account, role = message.source, message.account, actor.role
    masked = replace(
        message,
        source=replace(
            source,
            payer_name=masking.person_id(source.payer_name, role),
            payer_account=masking.account(source.payer_account, role),
        ),
        account=replace(
            account,
            account_number=masking.account(account.account_number, role),
            holder_name=masking.person_id(account.holder_name, role),
        ),
    )
    return StopMessageOut.model_validate(masked, from_attributes=True)


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

"""Cases and the one-click stop-payment: a report becomes a case, one click stops its money."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import classify_case, enter_report, read_case, read_cases
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import check_rows
from fanzha.api.stop_routes import StopRequestOut, request_out
from fanzha.io.schema import TABLES
from fanzha.store.case_usecase import (
    TYPOLOGIES,
    UNKNOWN,
    CaseMoney,
    case_money,
    open_reported_cases,
)
from fanzha.store.pursuit_usecase import one_click
from fanzha.store.service_tables import CaseRecord
from fanzha.store.stop_requests_usecase import messages_of

router = APIRouter(prefix="/api/cases", tags=["cases"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_CASES))]
Opener = Annotated[Actor, Depends(requires(Permission.OPEN_CASES))]
StopPayer = Annotated[Actor, Depends(requires(Permission.STOP_PAY))]
TYPOLOGY_PATTERN = "^(" + "|".join(TYPOLOGIES) + ")$"


class CaseOut(BaseModel):
    """A case; money in fen: reported lost, held now (stops and freezes), returned."""

    case_id: str
    report_id: str
    ts: int
    person_id: str
    district: str
    scam_type: str
    reported: int
    held: int
    returned: int
    requests: int


def case_out(record: CaseRecord, money: CaseMoney, actor: Actor) -> CaseOut:
    return CaseOut(
        case_id=record.case_id,
        report_id=record.report_id,
        ts=record.ts,
        person_id=masking.person_id(record.person_id, actor.role),
        district=record.district,
        scam_type=record.scam_type,
        reported=money.reported,
        held=money.held,
        returned=money.returned,
        requests=money.requests,
    )


@router.get("")
def cases(svc: ServicesDep, actor: Reader) -> list[CaseOut]:
    """The newest 500 cases with their money."""
    now = svc.now()
    with svc.database.session() as session:
        records, money = read_cases(session, actor, now)
        return [case_out(r, money[r.case_id], actor) for r in records]


class NewCaseIn(BaseModel):
    """A victim's report entered by an officer: a reports.csv row as text, and the typology."""

    model_config = ConfigDict(strict=True, extra="forbid")
    report: dict[str, Any]
    scam_type: str = Field(default=UNKNOWN, pattern=TYPOLOGY_PATTERN)


@router.post("", status_code=status.HTTP_201_CREATED)
def new_case(body: NewCaseIn, svc: ServicesDep, actor: Opener) -> CaseOut:
    """Store the report (idempotent by report_id) and open its case; a bad field is 422."""
    checked = check_rows(TABLES["reports"], [body.report])
    if checked.rejected:
        reasons = [{"field": r.field, "reason": r.reason} for r in checked.rejected]
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, reasons)
    now = svc.now()
    with svc.database.session() as session:
        record = enter_report(session, actor, now, checked.frame, body.scam_type)
        money = case_money(session, [record.case_id])[record.case_id]
        return case_out(record, money, actor)


class OpenedOut(BaseModel):
    opened: int


@router.post("/open-reported")
def open_reported(svc: ServicesDep, actor: Opener) -> OpenedOut:
    """Open a case for every ingested report that has none yet."""
    now = svc.now()
    with svc.database.session() as session:
        opened = open_reported_cases(session, now)
        audit(session, actor, now, "open_cases", kind="cases", subject="", detail=str(opened))
    return OpenedOut(opened=opened)


class CaseDetailOut(BaseModel):
    case: CaseOut
    requests: list[StopRequestOut]
    #: The fund-flow graph (`fanzha-fund-flow/1`), null while no payment is in the ledger.
    fund_flow: dict[str, Any] | None


@router.get("/{case_id}")
def case_detail(case_id: str, svc: ServicesDep, actor: Reader) -> CaseDetailOut:
    """A case, its stop requests and where its money went (audited: a person's data)."""
    now = svc.now()
    with svc.database.session() as session:
        found = read_case(session, actor, now, case_id)
        return CaseDetailOut(
            case=case_out(found.case, found.money, actor),
            requests=[request_out(r, actor) for r in found.requests],
            fund_flow=None if found.graph is None else found.graph.to_json(),
        )


class TypologyIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    scam_type: str = Field(pattern=TYPOLOGY_PATTERN)


@router.patch("/{case_id}")
def set_typology(case_id: str, body: TypologyIn, svc: ServicesDep, actor: Opener) -> CaseOut:
    """Record the case's scam type (statistics and hotspots count by it)."""
    now = svc.now()
    with svc.database.session() as session:
        record = classify_case(session, actor, now, case_id, body.scam_type)
        money = case_money(session, [case_id])[case_id]
        return case_out(record, money, actor)


class UnroutableOut(BaseModel):
    account_id: str
    amount: int
    hop: int


class IncompleteOut(BaseModel):
    """A proposal not sent: its request message would lack these required fields."""

    account_id: str
    amount: int
    hop: int
    missing: list[str]


class StopPayOut(BaseModel):
    """Requests sent now (with their messages); proposals for accounts no stored bank holds;
    proposals whose message would be incomplete; proposals already sent."""

    sent: list[StopRequestOut]
    unroutable: list[UnroutableOut]
    incomplete: list[IncompleteOut]
    already_requested: int


@router.post("/{case_id}/stop-pay")
def one_click_stop_pay(case_id: str, svc: ServicesDep, actor: StopPayer) -> StopPayOut:
    """一键止付: send every stop request the tracing engine proposes for the case now."""
    now = svc.now()
    with svc.database.session() as session:
        result = one_click(session, case_id, now, svc.settings.applicant(actor.username))
        detail = (
            f"sent {len(result.sent)}: {' '.join(r.request_id for r in result.sent)}; "
            f"unroutable {len(result.unroutable)}; incomplete {len(result.incomplete)}; "
            f"already requested {result.already_requested}"
        )
        audit(session, actor, now, "stop_pay", kind="case", subject=case_id, detail=detail)
        messages = messages_of(session, [r.request_id for r in result.sent])
        return StopPayOut(
            sent=[request_out(r, actor, messages.get(r.request_id)) for r in result.sent],
            unroutable=[
                UnroutableOut(account_id=u.account_id, amount=u.amount, hop=u.hop)
                for u in result.unroutable
            ],
            incomplete=[
                IncompleteOut(
                    account_id=masking.account(i.account_id, actor.role),
                    amount=i.amount,
                    hop=i.hop,
                    missing=i.missing,
                )
                for i in result.incomplete
            ],
            already_requested=result.already_requested,
        )

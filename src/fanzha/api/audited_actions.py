"""What an officer (or a bank partner) reads and does, each with its audit entry: one code
path for the API and the web console, so the two can never record an action differently.

Each runs in the caller's session and raises what its use case raises (not found, not allowed).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlalchemy.orm import Session

from fanzha.api.audit_trail import audit
from fanzha.api.roles import Actor
from fanzha.stoppay.messages import BankAnswer
from fanzha.store.case_flow_usecase import case_flow
from fanzha.store.case_usecase import CaseMoney, case_money, get_case, list_cases, open_case
from fanzha.store.hold_usecase import HoldAction, act_on_hold, expire_lapsed
from fanzha.store.service_tables import AwarenessOrder, CaseRecord, StopRequestRecord
from fanzha.store.stop_requests_usecase import apply_answer, requests_of_case
from fanzha.trace.fund_flow import FundFlowGraph
from fanzha.warn.detail_usecase import WarningDetail, warning_detail
from fanzha.warn.dispatch_usecase import accept, deliver, dispatch
from fanzha.warn.hotspot_usecase import HotspotRule, find_hotspots
from fanzha.warn.work_usecase import record_outcome, take_step
from fanzha.warn.workflow import Outcome, Step


def read_warning(session: Session, actor: Actor, now: int, warning_id: str) -> WarningDetail:
    """A warning with its person's data: a read of personal data, so audited."""
    detail = warning_detail(session, warning_id, actor.district_scope)
    audit(
        session,
        actor,
        now,
        "read_person",
        kind="warning",
        subject=warning_id,
        detail=f"person {detail.person.person_id}",
    )
    return detail


def work_warning(
    session: Session, actor: Actor, now: int, warning_id: str, *, step: Step, note: str
) -> None:
    """Record the next step of work on a warning of the actor's district."""
    take_step(
        session,
        warning_id,
        step,
        username=actor.username,
        note=note,
        now=now,
        district=actor.district_scope,
    )
    audit(session, actor, now, step.value, kind="warning", subject=warning_id)


def close_warning(
    session: Session, actor: Actor, now: int, warning_id: str, *, outcome: Outcome, note: str
) -> None:
    """Feed back a warning's outcome, which closes it."""
    record_outcome(
        session,
        warning_id,
        outcome,
        username=actor.username,
        note=note,
        now=now,
        district=actor.district_scope,
    )
    detail = outcome.value
    audit(session, actor, now, "outcome", kind="warning", subject=warning_id, detail=detail)


def read_cases(
    session: Session, actor: Actor, now: int
) -> tuple[list[CaseRecord], dict[str, CaseMoney]]:
    """The newest cases and their money, holds past their end expired first."""
    expire_lapsed(session, now)
    records = list_cases(session)
    money = case_money(session, [r.case_id for r in records])
    audit(session, actor, now, "read_cases", kind="cases", subject="all")
    return records, money


@dataclass(frozen=True)
class CaseFile:
    """A case as an officer opens it: its money, fund-flow graph (None while no payment is in
    the ledger) and stop requests."""

    case: CaseRecord
    money: CaseMoney
    graph: FundFlowGraph | None
    requests: list[StopRequestRecord]


def read_case(session: Session, actor: Actor, now: int, case_id: str) -> CaseFile:
    """A case with all it shows, holds past their end expired first: a read of a person's data."""
    expire_lapsed(session, now)
    record = get_case(session, case_id)
    graph = case_flow(session, case_id, now)
    requests = requests_of_case(session, case_id)
    money = case_money(session, [case_id])[case_id]
    audit(session, actor, now, "read_case", kind="case", subject=case_id)
    return CaseFile(record, money, graph, requests)


def enter_report(
    session: Session, actor: Actor, now: int, report: pl.DataFrame, scam_type: str
) -> CaseRecord:
    """Store a victim's report (one checked reports.csv row) and open its case."""
    record = open_case(session, report, scam_type, now)
    audit(session, actor, now, "open_case", kind="case", subject=record.case_id)
    return record


def classify_case(
    session: Session, actor: Actor, now: int, case_id: str, scam_type: str
) -> CaseRecord:
    """Record the case's scam type (statistics and hotspots count by it)."""
    record = get_case(session, case_id)
    record.scam_type = scam_type
    audit(session, actor, now, "set_scam_type", kind="case", subject=case_id, detail=scam_type)
    return record


def act_on_stop(
    session: Session,
    actor: Actor,
    now: int,
    request_id: str,
    *,
    action: HoldAction,
    amount_fen: int,
    reason: str = "",
    case_id: str | None = None,
) -> StopRequestRecord:
    """Renew, freeze, return or release a hold (see `act_on_hold`)."""
    record = act_on_hold(
        session, request_id, action, now, amount_fen=amount_fen, reason=reason, case_id=case_id
    )
    detail = f"{action.value}: {record.state}"
    audit(
        session, actor, now, "hold_action", kind="stop_request", subject=request_id, detail=detail
    )
    return record


def answer_stop_request(
    session: Session, actor: Actor, now: int, request_id: str, message: BankAnswer
) -> StopRequestRecord:
    """A bank's answer to a request sent to the actor's bank."""
    record = apply_answer(session, request_id, message, actor.bank_scope)
    audit(
        session,
        actor,
        now,
        "answer_stop_request",
        kind="stop_request",
        subject=request_id,
        detail=message.result.value,
    )
    return record


def dispatch_lectures(
    session: Session, actor: Actor, now: int, rule: HotspotRule
) -> list[AwarenessOrder]:
    """派单: a lecture order to each current hotspot district without an open one."""
    issued = dispatch(session, find_hotspots(session, now, rule), now, actor.username)
    detail = " ".join(o.district for o in issued)
    audit(session, actor, now, "dispatch_awareness", kind="awareness", subject="", detail=detail)
    return issued


def accept_lecture(session: Session, actor: Actor, now: int, order_id: int) -> AwarenessOrder:
    """A district team takes a lecture order of its district."""
    order = accept(session, order_id, actor.district_scope, actor.username, now)
    audit(session, actor, now, "accept_awareness", kind="awareness", subject=str(order_id))
    return order


def deliver_lecture(
    session: Session, actor: Actor, now: int, order_id: int, *, audience: int, venue: str
) -> AwarenessOrder:
    """The lecture was given: where, and to how many people."""
    order = deliver(session, order_id, actor.district_scope, now, audience=audience, venue=venue)
    audit(
        session,
        actor,
        now,
        "deliver_awareness",
        kind="awareness",
        subject=str(order_id),
        detail=f"audience {audience}",
    )
    return order

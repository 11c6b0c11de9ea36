"""One-click stop-payment (一键止付): send every request the tracing engine proposes for a case.

The proposal is `fanzha.stoppay.replay_planner.plan_stop_requests` over the transfers up to now
(the stored ledger, or the window a caller already holds in memory) with the live engine's
account flags up to now (`CaseRecords`, read once when a round follows many cases): hop-1
holds on the named accounts once the money has moved on, then the accounts the trace reveals
hop by hop. A second
click sends only what is new: an account already asked for gets a request for the difference
if the trace now shows more money reaching it.

Each request goes to the bank as the interface's request message
(`fanzha.stoppay.messages.StopPaymentRequest`), stored with it; a proposal whose message would
lack a required field (the victim's paying account when the ledger shows no payment, say) is
not sent but returned with the fields it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.stoppay.lifecycle import HoldState
from fanzha.stoppay.messages import AccountToStop, FundSource
from fanzha.stoppay.replay_planner import plan_stop_requests
from fanzha.stoppay.request_message import (
    CENTRE_ON_DUTY,
    Applicant,
    CaseFacts,
    compose_stop_request,
    missing_fields,
)
from fanzha.store.case_usecase import get_case
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.flag_usecase import flagged_accounts
from fanzha.store.ledger_frames import stored_frame
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_message_records import message_record
from fanzha.trace.report_payments import report_payments


class StopPayConflictError(RuntimeError):
    """Two clicks raced for the same request ids; the later one sent nothing."""


@dataclass(frozen=True)
class Unroutable:
    """A proposed request for an account no stored bank holds: it cannot be sent."""

    account_id: str
    amount: int
    hop: int


@dataclass(frozen=True)
class Incomplete:
    """A proposed request whose message lacks required fields: not sent."""

    account_id: str
    amount: int
    hop: int
    missing: list[str]


@dataclass
class StopPayResult:
    sent: list[StopRequestRecord] = field(default_factory=list)
    unroutable: list[Unroutable] = field(default_factory=list)
    already_requested: int = 0  # proposals an earlier request already covers
    incomplete: list[Incomplete] = field(default_factory=list)


@dataclass(frozen=True)
class CaseRecords:
    """What every case's proposal reads alike, up to a time: the transfers, the accounts and
    the live engine's account flags (flags widen the chase, never create a hold). Read once
    for all the cases a round follows."""

    ledger: pl.DataFrame
    accounts: pl.DataFrame
    flagged: pl.DataFrame


def read_case_records(
    session: Session, now: int, ledger: pl.DataFrame | None = None
) -> CaseRecords:
    """The records up to `now`.

    `ledger`: typed transfers (`Dataset.table("transfers")` columns, sorted by ts) a caller
    already holds, such as the live engine's window; rows after `now` are left out. It must
    reach back over the cases' payments. Without it the stored ledger is read.
    """
    if ledger is None:
        transfers = DATASET_TABLES["transfers"]
        ledger = stored_frame(session, "transfers", transfers.c.ts <= now)
    else:
        ledger = ledger.filter(pl.col("ts") <= now)
    flagged = flagged_accounts(session).filter(pl.col("ts") <= now)
    return CaseRecords(ledger, stored_frame(session, "accounts"), flagged)


@dataclass(frozen=True)
class _CaseInput:
    """What one click reads: the case's report and the records up to now."""

    report: pl.DataFrame
    records: CaseRecords

    @property
    def ledger(self) -> pl.DataFrame:
        return self.records.ledger

    @property
    def accounts(self) -> pl.DataFrame:
        return self.records.accounts

    def plan(self) -> pl.DataFrame:
        return plan_stop_requests(self.ledger, self.report, self.accounts, self.records.flagged)


def propose(
    session: Session, report_id: str, now: int, records: CaseRecords | None = None
) -> pl.DataFrame:
    """The engine's requests for one report from the records up to `now` (`records`: read
    already, else read from the store)."""
    return _read(session, report_id, now, records).plan()


def stop_pay(
    session: Session,
    case_id: str,
    now: int,
    *,
    applicant: Applicant = CENTRE_ON_DUTY,
    records: CaseRecords | None = None,
) -> StopPayResult:
    """Send the case's proposed requests not yet sent; each goes to its account's bank with its
    request message, applied for by `applicant`. `records`: up to `now`, read already (for
    many cases at once), else read from the store."""
    case = get_case(session, case_id)
    case_input = _read(session, case.report_id, now, records)
    proposed = (
        case_input.plan()
        .group_by("account_id", maintain_order=True)
        .agg(pl.col("amount").sum(), pl.col("hop").min())
    )
    asked = {
        str(a): int(v)
        for a, v in session.execute(
            select(StopRequestRecord.account_id, func.sum(StopRequestRecord.amount))
            .where(StopRequestRecord.case_id == case_id)
            .group_by(StopRequestRecord.account_id)
        )
    }
    wanted = case_input.accounts.filter(
        pl.col("account_id").is_in(proposed["account_id"].implode())
    )
    account_rows = {str(row["account_id"]): row for row in wanted.iter_rows(named=True)}
    source = _fund_source(case_input)
    facts = CaseFacts(case.case_id, case.report_id, case.scam_type, case.ts)
    count = session.scalar(select(func.count()).where(StopRequestRecord.case_id == case_id))
    sequence = int(count or 0)
    result = StopPayResult()
    for account_id, amount, hop in proposed.iter_rows():
        missing = int(amount) - int(asked.get(account_id, 0))
        if missing <= 0:
            result.already_requested += 1
            continue
        account = account_rows.get(account_id)
        if account is None or account["bank"] is None:
            result.unroutable.append(Unroutable(account_id, missing, int(hop)))
            continue
        request_id = f"{case_id}-S{sequence + 1:03d}"
        message = compose_stop_request(
            request_id=request_id,
            case=facts,
            source=source,
            account=_account_to_stop(account),
            amount_fen=missing,
            hop=int(hop),
            applicant=applicant,
            applied_at=now,
        )
        lacking = missing_fields(message)
        if lacking:
            result.incomplete.append(Incomplete(account_id, missing, int(hop), lacking))
            continue
        sequence += 1
        record = StopRequestRecord(
            request_id=request_id,
            ts=now,
            report_id=case.report_id,
            account_id=account_id,
            bank=str(account["bank"]),
            amount=missing,
            hop=int(hop),
            state=HoldState.REQUESTED.value,
            held=0,
            received_at=now,
            case_id=case_id,
            stop_renewals=0,
            freeze_renewals=0,
            returned=0,
            last_at=now,
        )
        session.add(record)
        session.add(message_record(request_id, message))
        result.sent.append(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise StopPayConflictError(
            f"{case_id}: a request id this click would use is taken (another officer's click "
            "at the same moment?); nothing was sent, look at the case again"
        ) from exc
    return result


def _read(session: Session, report_id: str, now: int, records: CaseRecords | None) -> _CaseInput:
    reports = DATASET_TABLES["reports"]
    report = stored_frame(session, "reports", reports.c.report_id == report_id)
    return _CaseInput(report, read_case_records(session, now) if records is None else records)


def _fund_source(case_input: _CaseInput) -> FundSource:
    """The victim's payments to the named accounts: the first one's paying account and time,
    all of them summed. Empty fields where the ledger shows none (the message then lacks
    them and is not sent)."""
    paid = report_payments(case_input.ledger, case_input.report, case_input.accounts)
    person = str(case_input.report["person_id"][0])
    if paid.is_empty():
        return FundSource(
            paying_bank="", payer_name=person, payer_account="", amount_fen=0, paid_at=0
        )
    first = case_input.ledger.row(int(paid["row"][0]), named=True)
    payer = str(first["from_account"])
    bank = case_input.accounts.filter(pl.col("account_id") == payer)["bank"]
    return FundSource(
        paying_bank="" if bank.is_empty() or bank[0] is None else str(bank[0]),
        payer_name=person,
        payer_account=payer,
        amount_fen=int(paid["amount"].sum()),
        paid_at=int(first["ts"]),
    )


def _account_to_stop(account: dict[str, object]) -> AccountToStop:
    """The account as the bank knows it; merchants are corporate accounts to a bank."""
    kind = "personal" if account["kind"] == "personal" else "corporate"
    holder = account["holder_person_id"]
    return AccountToStop(
        bank_code=str(account["bank"]),
        bank_name=str(account["bank"]),
        account_kind=kind,
        account_number=str(account["account_id"]),
        holder_name="" if holder is None else str(holder),
    )

"""One-click stop-payment (一键止付): send every request the tracing engine proposes for a case.

The proposal is `fanzha.stoppay.replay_planner.plan_stop_requests` over the stored transfers up
to now: hop-1 holds on the named accounts once the money has moved on, then the accounts the
trace reveals hop by hop. A second click sends only what is new: an account already asked for
gets a request for the difference if the trace now shows more money reaching it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.stoppay.lifecycle import HoldState
from fanzha.stoppay.replay_planner import plan_stop_requests
from fanzha.store.case_usecase import get_case
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.ledger_frames import stored_frame
from fanzha.store.service_tables import StopRequestRecord


class StopPayConflictError(RuntimeError):
    """Two clicks raced for the same request ids; the later one sent nothing."""


@dataclass(frozen=True)
class Unroutable:
    """A proposed request for an account no stored bank holds: it cannot be sent."""

    account_id: str
    amount: int
    hop: int


@dataclass
class StopPayResult:
    sent: list[StopRequestRecord] = field(default_factory=list)
    unroutable: list[Unroutable] = field(default_factory=list)
    already_requested: int = 0  # proposals an earlier request already covers


def propose(session: Session, report_id: str, now: int) -> pl.DataFrame:
    """The engine's requests for one report from the transfers stored up to `now`."""
    reports = DATASET_TABLES["reports"]
    transfers = DATASET_TABLES["transfers"]
    report = stored_frame(session, "reports", reports.c.report_id == report_id)
    ledger = stored_frame(session, "transfers", transfers.c.ts <= now)
    accounts = stored_frame(session, "accounts")
    return plan_stop_requests(ledger, report, accounts)


def stop_pay(session: Session, case_id: str, now: int) -> StopPayResult:
    """Send the case's proposed requests not yet sent; each goes to its account's bank."""
    case = get_case(session, case_id)
    proposed = (
        propose(session, case.report_id, now)
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
    accounts = DATASET_TABLES["accounts"]
    banks = {
        str(a): str(b)
        for a, b in session.execute(
            select(accounts.c.account_id, accounts.c.bank).where(
                accounts.c.account_id.in_(proposed["account_id"].to_list())
            )
        )
    }
    count = session.scalar(select(func.count()).where(StopRequestRecord.case_id == case_id))
    sequence = int(count or 0)
    result = StopPayResult()
    for account_id, amount, hop in proposed.iter_rows():
        missing = int(amount) - int(asked.get(account_id, 0))
        if missing <= 0:
            result.already_requested += 1
            continue
        bank = banks.get(account_id)
        if bank is None:
            result.unroutable.append(Unroutable(account_id, missing, int(hop)))
            continue
        sequence += 1
        record = StopRequestRecord(
            request_id=f"{case_id}-S{sequence:03d}",
            ts=now,
            report_id=case.report_id,
            account_id=account_id,
            bank=str(bank),
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
        result.sent.append(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise StopPayConflictError(
            f"{case_id}: a request id this click would use is taken (another officer's click "
            "at the same moment?); nothing was sent, look at the case again"
        ) from exc
    return result

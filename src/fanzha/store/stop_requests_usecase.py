"""The stop-payment desk: requests routed to the bank holding the account, and bank answers.

The rules of a hold (48 h stop, result states) are `fanzha.stoppay.lifecycle.Hold`'s; this
module only stores requests and applies answers through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.stoppay.lifecycle import Hold, HoldState, LifecycleError
from fanzha.stoppay.messages import BankAnswer, StopPaymentRequest
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.hold_records import store_hold
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_message_records import StopMessageRecord, stored_message

_CHUNK = 500


class StopRequestNotFoundError(LookupError):
    """No such request, or it was sent to another bank than the caller's."""


@dataclass
class ReceivedRequests:
    stored: int = 0
    duplicates: int = 0
    unknown_accounts: list[tuple[int, str]] = field(default_factory=list)  # (position, account)


def receive_requests(session: Session, frame: pl.DataFrame, now: int) -> ReceivedRequests:
    """Store requests (typed rows of stop_requests.csv), each routed to its account's bank.

    A request for an account that is not stored has no bank to go to: it is returned in
    `unknown_accounts`, never stored as if it had been sent.
    """
    accounts = DATASET_TABLES["accounts"]
    wanted = sorted(set(frame["account_id"].to_list()))
    banks = {
        str(a): str(b)
        for a, b in session.execute(
            select(accounts.c.account_id, accounts.c.bank).where(accounts.c.account_id.in_(wanted))
        )
    }
    ids = frame["request_id"].to_list()
    stored_ids = select(StopRequestRecord.request_id).where(StopRequestRecord.request_id.in_(ids))
    known = set(session.scalars(stored_ids))
    result = ReceivedRequests()
    for position, row in enumerate(frame.iter_rows(named=True)):
        if row["request_id"] in known:
            result.duplicates += 1
            continue
        bank = banks.get(row["account_id"])
        if bank is None:
            result.unknown_accounts.append((position, row["account_id"]))
            continue
        session.add(
            StopRequestRecord(
                request_id=row["request_id"],
                ts=row["ts"],
                report_id=row["report_id"],
                account_id=row["account_id"],
                bank=bank,
                amount=row["amount"],
                hop=row["hop"],
                state=HoldState.REQUESTED.value,
                held=0,
                received_at=now,
            )
        )
        known.add(row["request_id"])
        result.stored += 1
    session.flush()
    return result


def requests_for(session: Session, bank: str | None) -> list[StopRequestRecord]:
    """Requests, newest first: a bank partner's (`bank`) or all of them (None)."""
    query = select(StopRequestRecord).order_by(
        StopRequestRecord.ts.desc(), StopRequestRecord.request_id
    )
    if bank is not None:
        query = query.where(StopRequestRecord.bank == bank)
    return list(session.scalars(query))


def requests_of_case(session: Session, case_id: str) -> list[StopRequestRecord]:
    """A case's requests in the order they were sent."""
    query = select(StopRequestRecord).where(StopRequestRecord.case_id == case_id)
    return list(session.scalars(query.order_by(StopRequestRecord.request_id)))


def messages_of(session: Session, request_ids: list[str]) -> dict[str, StopPaymentRequest]:
    """The request messages stored for these requests (requests received as rows have none).

    Asked for in chunks: SQLite caps the parameters of one statement."""
    found: dict[str, StopPaymentRequest] = {}
    for start in range(0, len(request_ids), _CHUNK):
        chunk = request_ids[start : start + _CHUNK]
        query = select(StopMessageRecord).where(StopMessageRecord.request_id.in_(chunk))
        found |= {record.request_id: stored_message(record) for record in session.scalars(query)}
    return found


def get_request(session: Session, request_id: str, bank: str | None) -> StopRequestRecord:
    record = session.get(StopRequestRecord, request_id)
    if record is None or (bank is not None and record.bank != bank):
        raise StopRequestNotFoundError(request_id)
    return record


def apply_answer(
    session: Session, request_id: str, answer: BankAnswer, bank: str | None
) -> StopRequestRecord:
    """Apply the bank's answer; raises `LifecycleError` if the request was already answered."""
    record = get_request(session, request_id, bank)
    if record.state != HoldState.REQUESTED:
        raise LifecycleError(f"{request_id}: already answered, the hold is {record.state}")
    hold = Hold.requested(record.request_id, record.account_id, record.amount, record.ts)
    store_hold(record, hold.answer(answer))
    record.answered_at = answer.answered_at
    record.balance = answer.balance_fen
    record.failure_reason = answer.failure_reason
    record.answer_note = answer.note
    record.answered_by = f"{answer.answering_institution}/{answer.handler}"
    session.flush()
    return record

"""The one click (一键止付) and what it starts: the case's money is followed from then on.

The click sends the requests the tracing engine proposes now and marks the case as pursued;
the live engine then runs the proposal again each round, so accounts the money reaches later
get their requests as it moves, until it is cashed out or held.
"""

from __future__ import annotations

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.stoppay.request_message import Applicant
from fanzha.store.case_stop_usecase import StopPayResult, read_case_records, stop_pay
from fanzha.store.case_usecase import get_case
from fanzha.store.service_tables import CaseRecord


def one_click(session: Session, case_id: str, now: int, applicant: Applicant) -> StopPayResult:
    """Send the case's proposed requests and start following its money (once: a second click
    sends what is new and keeps the first click's time)."""
    case = get_case(session, case_id)
    if case.pursued_since is None:
        case.pursued_since = now
    return stop_pay(session, case_id, now, applicant=applicant)


def follow_cases(
    session: Session, case_ids: list[str], now: int, applicant: Applicant, ledger: pl.DataFrame
) -> list[tuple[str, StopPayResult]]:
    """Send what is new for each case over `ledger` (transfers a caller holds, such as the live
    engine's window); the accounts and flags every case reads alike are read once for all."""
    records = read_case_records(session, now, ledger)
    return [
        (case_id, stop_pay(session, case_id, now, applicant=applicant, records=records))
        for case_id in case_ids
    ]


def pursued_cases(session: Session, since: int) -> list[str]:
    """Cases whose one click came at or after `since`, oldest first."""
    query = (
        select(CaseRecord.case_id)
        .where(CaseRecord.pursued_since >= since)
        .order_by(CaseRecord.pursued_since, CaseRecord.case_id)
    )
    return list(session.scalars(query))

"""Cases: every stored victim report becomes one, with the money reported, held and returned.

A case is opened by the report alone (ingested, or entered by an officer); its district is
the victim's, for hotspots. Money held and returned comes from the case's stop requests.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlalchemy import func, insert, literal, select
from sqlalchemy.orm import Session

from fanzha.io.schema import SCAM_TYPES
from fanzha.stoppay.lifecycle import HoldState
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import CaseRecord, StopRequestRecord

#: The typology of a case no officer has classified yet.
UNKNOWN = "unknown"
#: What a case's typology may be: a scam type, or not classified yet.
TYPOLOGIES = (*SCAM_TYPES, UNKNOWN)
#: Holds whose money is still kept for the victim.
HOLDING = (HoldState.STOPPED.value, HoldState.FROZEN.value)


class CaseNotFoundError(LookupError):
    """No such case."""


def case_id_of(report_id: str) -> str:
    return f"C{report_id}"


def open_reported_cases(session: Session, now: int) -> int:
    """Open a case for every stored report that has none; returns how many were opened.

    One INSERT ... SELECT, so a whole imported city's reports open in one statement.
    """
    reports, persons = DATASET_TABLES["reports"], DATASET_TABLES["persons"]
    source = (
        select(
            (literal("C") + reports.c.report_id).label("case_id"),
            reports.c.report_id,
            reports.c.ts,
            reports.c.person_id,
            func.coalesce(persons.c.district, UNKNOWN).label("district"),
            literal(UNKNOWN).label("scam_type"),
            reports.c.claimed_amount.label("claimed"),
            literal(now).label("opened_at"),
        )
        .select_from(reports.outerjoin(persons, persons.c.person_id == reports.c.person_id))
        .where(
            ~select(CaseRecord.report_id)
            .where(CaseRecord.report_id == reports.c.report_id)
            .exists()
        )
    )
    columns = [
        "case_id",
        "report_id",
        "ts",
        "person_id",
        "district",
        "scam_type",
        "claimed",
        "opened_at",
    ]
    # RETURNING counts on both backends (psycopg reports no rowcount for INSERT ... SELECT).
    opened = session.scalars(
        insert(CaseRecord).from_select(columns, source).returning(CaseRecord.case_id)
    )
    return len(opened.all())


def open_case(session: Session, report: pl.DataFrame, scam_type: str, now: int) -> CaseRecord:
    """Store one typed reports.csv row an officer entered and open its case.

    Idempotent: a report already stored keeps its first version and its case.
    """
    store_records(session, "reports", report)
    open_reported_cases(session, now)
    record = get_case(session, case_id_of(str(report["report_id"].item())))
    if record.scam_type == UNKNOWN:
        record.scam_type = scam_type
    return record


def get_case(session: Session, case_id: str) -> CaseRecord:
    record = session.get(CaseRecord, case_id)
    if record is None:
        raise CaseNotFoundError(case_id)
    return record


@dataclass(frozen=True)
class CaseMoney:
    """Fen: what the victim reported lost, what holds keep now, what went back to the victim."""

    reported: int
    held: int
    returned: int
    requests: int


def case_money(session: Session, case_ids: list[str]) -> dict[str, CaseMoney]:
    """Money of each case (cases without requests hold nothing)."""
    query = (
        select(
            StopRequestRecord.case_id,
            StopRequestRecord.state,
            func.sum(StopRequestRecord.held),
            func.sum(StopRequestRecord.returned),
            func.count(),
        )
        .where(StopRequestRecord.case_id.in_(case_ids))
        .group_by(StopRequestRecord.case_id, StopRequestRecord.state)
    )
    sums: dict[str, list[int]] = {c: [0, 0, 0] for c in case_ids}
    for case_id, state, held_fen, returned_fen, count in session.execute(query):
        row = sums[str(case_id)]
        row[0] += int(held_fen) if state in HOLDING else 0
        row[1] += int(returned_fen)
        row[2] += int(count)
    claimed = {
        str(c): int(v)
        for c, v in session.execute(
            select(CaseRecord.case_id, CaseRecord.claimed).where(CaseRecord.case_id.in_(case_ids))
        )
    }
    return {
        c: CaseMoney(reported=int(claimed[c]), held=s[0], returned=s[1], requests=s[2])
        for c, s in sums.items()
        if c in claimed
    }


def list_cases(session: Session, limit: int = 500) -> list[CaseRecord]:
    """The newest cases first."""
    query = select(CaseRecord).order_by(CaseRecord.ts.desc(), CaseRecord.case_id).limit(limit)
    return list(session.scalars(query))

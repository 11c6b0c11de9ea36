"""Cases as one polars frame with their money, for the figures that group them many ways."""

from __future__ import annotations

import polars as pl
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from fanzha.store.case_usecase import HOLDING
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.service_tables import CaseRecord, StopRequestRecord

CASE_SCHEMA = {
    "case_id": pl.String,
    "ts": pl.Int64,
    "district": pl.String,
    "scam_type": pl.String,
    "claimed": pl.Int64,
    "held": pl.Int64,
    "returned": pl.Int64,
    "first_request_ts": pl.Int64,
    "first_hold_ts": pl.Int64,
}


def cases_with_money(session: Session, since: int | None, until: int | None) -> pl.DataFrame:
    """case_id, ts, district, scam_type, claimed, held (stops and freezes now), returned (fen),
    first_request_ts, first_hold_ts (the first answer holding money; null while none).

    Cases with `since <= ts < until` (either bound optional).
    """
    money = (
        select(
            StopRequestRecord.case_id,
            func.sum(
                case((StopRequestRecord.state.in_(HOLDING), StopRequestRecord.held), else_=0)
            ).label("held"),
            func.sum(StopRequestRecord.returned).label("returned"),
            func.min(StopRequestRecord.ts).label("first_request_ts"),
            func.min(
                case((StopRequestRecord.held > 0, StopRequestRecord.answered_at), else_=None)
            ).label("first_hold_ts"),
        )
        .where(StopRequestRecord.case_id.is_not(None))
        .group_by(StopRequestRecord.case_id)
        .subquery()
    )
    query = select(
        CaseRecord.case_id,
        CaseRecord.ts,
        CaseRecord.district,
        CaseRecord.scam_type,
        CaseRecord.claimed,
        func.coalesce(money.c.held, 0),
        func.coalesce(money.c.returned, 0),
        money.c.first_request_ts,
        money.c.first_hold_ts,
    ).outerjoin(money, money.c.case_id == CaseRecord.case_id)
    if since is not None:
        query = query.where(CaseRecord.ts >= since)
    if until is not None:
        query = query.where(CaseRecord.ts < until)
    rows = [tuple(row) for row in session.execute(query)]
    return pl.DataFrame(rows, schema=CASE_SCHEMA, orient="row")


def residents_by_district(session: Session) -> pl.DataFrame:
    """district, residents: how many stored persons live in each district."""
    persons = DATASET_TABLES["persons"]
    query = select(persons.c.district, func.count()).group_by(persons.c.district)
    rows = [(str(d), int(n)) for d, n in session.execute(query)]
    return pl.DataFrame(rows, schema={"district": pl.String, "residents": pl.Int64}, orient="row")

"""Numbers and accounts the live engine flagged: kept once each, at their first flag."""

from __future__ import annotations

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import EngineFlag

#: Flag kind -> the id column of the engine's output table.
FLAG_COLUMNS = {"number": "number", "account": "account_id"}


def record_flags(session: Session, kind: str, frame: pl.DataFrame, now: int) -> int:
    """Store the rows of `frame` (flagged_numbers or flagged_accounts rows) not yet flagged."""
    column = FLAG_COLUMNS[kind]
    values = frame[column].to_list()
    known = set(
        session.scalars(
            select(EngineFlag.value).where(EngineFlag.kind == kind, EngineFlag.value.in_(values))
        )
    )
    added = 0
    for row in frame.iter_rows(named=True):
        if row[column] in known:
            continue
        known.add(row[column])
        session.add(
            EngineFlag(
                kind=kind,
                value=row[column],
                ts=row["ts"],
                score=row["score"],
                reasons=row["reasons"],
                flagged_at=now,
            )
        )
        added += 1
    session.flush()
    return added


def flags(session: Session, kind: str, limit: int = 200) -> list[EngineFlag]:
    """The newest flags of `kind`, newest first."""
    query = (
        select(EngineFlag)
        .where(EngineFlag.kind == kind)
        .order_by(EngineFlag.ts.desc(), EngineFlag.value)
        .limit(limit)
    )
    return list(session.scalars(query))


def flagged_accounts(session: Session) -> pl.DataFrame:
    """Every flagged account with the moment the desk could act on its flag, as the
    stop-payment planner takes: when it was flagged, or when a live round recorded the flag if
    that came later. A flag decided for an earlier moment (a report naming the account, read
    minutes later) cannot have widened a chase before anyone knew of it."""
    rows = session.execute(
        select(EngineFlag.value, EngineFlag.ts, EngineFlag.flagged_at).where(
            EngineFlag.kind == "account"
        )
    ).all()
    schema = {"account_id": pl.String, "ts": pl.Int64, "flagged_at": pl.Int64}
    return (
        pl.DataFrame([tuple(r) for r in rows], schema=schema, orient="row")
        .select("account_id", ts=pl.max_horizontal("ts", "flagged_at"))
        .sort("ts", "account_id")
    )

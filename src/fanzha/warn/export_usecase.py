"""Export warnings with their outcomes as a CSV for training the detection models.

`accurate` is 1 where the outcome confirms fraud, 0 for a false alarm and empty where the
outcome says nothing about it (unreachable, refused), so the trainer can leave those out.
"""

from __future__ import annotations

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.io.fields import format_score, format_ts
from fanzha.store.service_tables import WarningRecord
from fanzha.warn.workflow import CONFIRMED, Outcome

COLUMNS = (
    "warning_id",
    "ts",
    "person_id",
    "tier",
    "score",
    "reasons",
    "outcome",
    "outcome_ts",
    "accurate",
)


def _accurate(outcome: str) -> int | None:
    if Outcome(outcome) in CONFIRMED:
        return 1
    return 0 if outcome == Outcome.FALSE_ALARM else None


def outcomes_csv(session: Session, district: str | None) -> str:
    """Every warning with an outcome, in time order, timestamps as the dataset format writes."""
    query = select(WarningRecord).where(WarningRecord.outcome.is_not(None))
    if district is not None:
        query = query.where(WarningRecord.district == district)
    records = session.scalars(query.order_by(WarningRecord.ts, WarningRecord.warning_id)).all()
    frame = pl.DataFrame(
        {
            "warning_id": [r.warning_id for r in records],
            "ts": [r.ts for r in records],
            "person_id": [r.person_id for r in records],
            "tier": [r.tier for r in records],
            "score": [r.score for r in records],
            "reasons": [r.reasons for r in records],
            "outcome": [r.outcome for r in records],
            "outcome_ts": [r.outcome_at for r in records],
            "accurate": [_accurate(r.outcome or "") for r in records],
        },
        schema={
            "warning_id": pl.String,
            "ts": pl.Int64,
            "person_id": pl.String,
            "tier": pl.Int64,
            "score": pl.Float64,
            "reasons": pl.String,
            "outcome": pl.String,
            "outcome_ts": pl.Int64,
            "accurate": pl.Int64,
        },
    )
    text = frame.with_columns(
        format_ts(pl.col("ts")).alias("ts"),
        format_ts(pl.col("outcome_ts")).alias("outcome_ts"),
        format_score(pl.col("score")).alias("score"),
    ).select(COLUMNS)
    return text.write_csv(line_terminator="\n")

"""Known-bad lists: which values count as known at a time, and their export as dataset files."""

from __future__ import annotations

from typing import Any

import polars as pl
from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from fanzha.io.fields import format_ts
from fanzha.store.dataset_tables import list_entries

#: The dataset format's list columns, then the store's own expiry (readers ignore extras).
EXPORT_COLUMNS = ("value", "listed_at", "source", "expires_at")


def entries(
    session: Session, kind: str | None, active_at: int | None = None, limit: int | None = None
) -> list[Row[Any]]:
    """Entries of `kind` (None: all), newest first; with `active_at`, only those in force then.

    A value counts as known from `listed_at` (DATASET.md) until `expires_at`, if it has one.
    """
    query = select(list_entries).order_by(list_entries.c.listed_at.desc(), list_entries.c.id)
    if kind is not None:
        query = query.where(list_entries.c.kind == kind)
    if active_at is not None:
        query = query.where(
            list_entries.c.listed_at <= active_at,
            or_(list_entries.c.expires_at.is_(None), list_entries.c.expires_at > active_at),
        )
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).all())


def export_csv(session: Session, kind: str) -> str:
    """lists/<kind>.csv of the dataset format (sorted by listed_at), plus `expires_at`."""
    rows = entries(session, kind)
    frame = pl.DataFrame(
        {
            "value": [r.value for r in rows],
            "listed_at": [r.listed_at for r in rows],
            "source": [r.source for r in rows],
            "expires_at": [r.expires_at for r in rows],
        },
        schema={
            "value": pl.String,
            "listed_at": pl.Int64,
            "source": pl.String,
            "expires_at": pl.Int64,
        },
    ).sort("listed_at", "value")
    text = frame.with_columns(
        format_ts(pl.col("listed_at")).alias("listed_at"),
        format_ts(pl.col("expires_at")).alias("expires_at"),
    ).select(EXPORT_COLUMNS)
    return text.write_csv(line_terminator="\n")

"""Stored dataset records read back as the typed polars frames `Dataset.table` gives.

The tracing engine works on frames; this is the one place the store hands them over, so a
trace of stored records and a trace of the same CSV files see identical input.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from fanzha.io.schema import TABLES, FieldType
from fanzha.store.dataset_tables import DATASET_TABLES

_DTYPES: dict[FieldType, Any] = {
    FieldType.TS: pl.Int64,
    FieldType.AMOUNT: pl.Int64,
    FieldType.INT: pl.Int64,
    FieldType.SCORE: pl.Float64,
}


def stored_frame(
    session: Session, name: str, where: ColumnElement[bool] | None = None
) -> pl.DataFrame:
    """Rows of dataset table `name` (optionally filtered), typed and in the format's order.

    Rows sorted by the table's ts column, ties by key, so the order is the same every time.
    """
    spec = TABLES[name]
    table = DATASET_TABLES[name]
    query = select(*(table.c[c] for c in spec.column_names))
    if where is not None:
        query = query.where(where)
    order = [c for c in (spec.order_by, spec.key) if c is not None]
    query = query.order_by(*(table.c[c] for c in order))
    schema = {
        c.name: pl.String if c.type is FieldType.ID_LIST else _DTYPES.get(c.type, pl.String)
        for c in spec.columns
    }
    frame = pl.DataFrame(
        [tuple(row) for row in session.execute(query)], schema=schema, orient="row"
    )
    lists = [c.name for c in spec.columns if c.type is FieldType.ID_LIST]
    return frame.with_columns(pl.col(c).str.split(";") for c in lists)

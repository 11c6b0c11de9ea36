"""Tables holding the input records of the dataset format, derived from `fanzha.io.schema`.

The format is written down once: each `TableSpec` becomes one table with the same column
names. Timestamps and amounts are stored as the engine holds them in memory (UTC epoch
seconds, fen), so stored and replayed data compare exactly.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from sqlalchemy import BigInteger, Column, Float, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.types import TypeEngine

from fanzha.io.schema import INPUT_TABLES, FieldType, TableSpec
from fanzha.io.schema import Column as FieldColumn
from fanzha.store.base import Base

#: Dataset table name -> stored table name (lists share one table with a `kind` column).
STORED_NAMES = {
    "persons": "persons",
    "phones": "phones",
    "accounts": "accounts",
    "calls": "calls",
    "sms": "sms",
    "net": "net_events",
    "transfers": "transfers",
    "reports": "reports",
}
LIST_KINDS = ("numbers", "domains", "apps", "accounts")


#: Characters an id, number or code column holds (longer text columns are unbounded).
ID_CHARS = 64
#: Field types stored in columns of ID_CHARS characters.
BOUNDED = (FieldType.ID, FieldType.NUMBER, FieldType.ENUM)


def _sql_type(ftype: FieldType) -> TypeEngine[Any]:
    if ftype in (FieldType.TS, FieldType.AMOUNT, FieldType.INT):
        return BigInteger()
    if ftype is FieldType.SCORE:
        return Float()
    if ftype in (FieldType.ID_LIST, FieldType.TEXT):
        return Text()
    return String(ID_CHARS)


def overlong(spec: TableSpec, frame: pl.DataFrame) -> list[tuple[int, str]]:
    """(row, column) of the values longer than the store holds: the format does not bound an
    id's length, the store does, so such a row is refused by name rather than by the database."""
    found: list[tuple[int, str]] = []
    for column in spec.columns:
        if column.type in BOUNDED and column.name in frame.columns:
            rows = frame[column.name].str.len_chars() > ID_CHARS
            found.extend((int(i), column.name) for i in rows.arg_true().to_list())
    return sorted(found)


def _looked_up(column: FieldColumn) -> bool:
    return column.refers_to is not None and column.type is not FieldType.ID_LIST


def _table(spec: TableSpec) -> Table:
    columns = [
        Column(
            c.name,
            _sql_type(c.type),
            primary_key=c.name == spec.key,
            nullable=not c.required and c.name != spec.key,
            # time for windows; ids for the lookups of one person, phone or account
            index=c.name == spec.order_by or _looked_up(c),
        )
        for c in spec.columns
    ]
    return Table(STORED_NAMES[spec.name], Base.metadata, *columns)


DATASET_TABLES: dict[str, Table] = {
    spec.name: _table(spec) for spec in INPUT_TABLES if spec.name in STORED_NAMES
}

list_entries = Table(
    "list_entries",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("listed_at", BigInteger, nullable=False, index=True),
    Column("source", Text, nullable=True),
    Column("expires_at", BigInteger, nullable=True),
    UniqueConstraint("kind", "value", "listed_at", name="uq_list_entries_kind_value_listed_at"),
)

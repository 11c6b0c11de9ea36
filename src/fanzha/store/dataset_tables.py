"""Tables holding the input records of the dataset format, derived from `fanzha.io.schema`.

The format is written down once: each `TableSpec` becomes one table with the same column
names. Timestamps and amounts are stored as the engine holds them in memory (UTC epoch
seconds, fen), so stored and replayed data compare exactly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Float, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.types import TypeEngine

from fanzha.io.schema import INPUT_TABLES, FieldType, TableSpec
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


def _sql_type(ftype: FieldType) -> TypeEngine[Any]:
    if ftype in (FieldType.TS, FieldType.AMOUNT, FieldType.INT):
        return BigInteger()
    if ftype is FieldType.SCORE:
        return Float()
    if ftype in (FieldType.ID_LIST, FieldType.TEXT):
        return Text()
    return String(64)


def _table(spec: TableSpec) -> Table:
    columns = [
        Column(
            c.name,
            _sql_type(c.type),
            primary_key=c.name == spec.key,
            nullable=not c.required and c.name != spec.key,
            index=c.name == spec.order_by,
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

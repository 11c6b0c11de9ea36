"""Store typed records of the dataset format, idempotently by their key.

A record whose key is already stored (or repeats within the batch) is counted as a
duplicate and left as first stored, so a partner may resend a batch safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from fanzha.io.schema import TABLES
from fanzha.store.dataset_tables import DATASET_TABLES, LIST_KINDS, list_entries

#: Rows per INSERT statement and per key look-up.
CHUNK = 2000


@dataclass(frozen=True)
class StoreResult:
    stored: int
    duplicates: int


def stored_table(name: str) -> tuple[Table, list[str]]:
    """The table holding dataset table `name` and the columns that identify a record."""
    if name in DATASET_TABLES:
        key = TABLES[name].key
        assert key is not None
        return DATASET_TABLES[name], [key]
    kind = name.removeprefix("lists/")
    if name.startswith("lists/") and kind in LIST_KINDS:
        return list_entries, ["kind", "value", "listed_at"]
    raise KeyError(name)


def _records(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """The frame as stored: id lists joined with `;`, list entries tagged with their kind."""
    casts = [pl.col(c).list.join(";") for c, t in frame.schema.items() if t == pl.List(pl.String)]
    frame = frame.with_columns(casts)
    if name.startswith("lists/"):
        frame = frame.with_columns(kind=pl.lit(name.removeprefix("lists/")))
    return frame


def _existing(session: Session, table: Table, keys: list[str], rows: pl.DataFrame) -> set[Any]:
    found: set[Any] = set()
    for start in range(0, rows.height, CHUNK):
        part = rows.slice(start, CHUNK)
        if len(keys) == 1:
            column = table.c[keys[0]]
            query = select(column).where(column.in_(part[keys[0]].to_list()))
            found.update((value,) for value in session.scalars(query))
        else:
            columns = [table.c[k] for k in keys]
            wanted = list(part.select(keys).iter_rows())
            query = select(*columns).where(tuple_(*columns).in_(wanted))
            found.update(tuple(row) for row in session.execute(query))
    return found


def store_records(session: Session, name: str, frame: pl.DataFrame) -> StoreResult:
    """Insert the rows of `frame` (typed as `Dataset.table(name)` returns it) not yet stored."""
    table, keys = stored_table(name)
    frame = _records(name, frame)
    unique = frame.unique(subset=keys, keep="first", maintain_order=True)
    existing = _existing(session, table, keys, unique)
    if existing:
        known = pl.DataFrame(list(existing), schema=unique.select(keys).schema, orient="row")
        new = unique.join(known, on=keys, how="anti", nulls_equal=True)
    else:
        new = unique
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    columns = [c.name for c in table.columns if c.name in new.columns]
    for start in range(0, new.height, CHUNK):
        rows = new.slice(start, CHUNK).select(columns).to_dicts()
        session.execute(insert(table).on_conflict_do_nothing(index_elements=keys), rows)
    return StoreResult(stored=new.height, duplicates=frame.height - new.height)

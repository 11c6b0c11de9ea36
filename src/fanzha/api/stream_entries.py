"""A stream entry's rows, checked exactly as POST /api/ingest checks a batch.

An entry (see `fanzha.io.redis_feed`) names its table and format and carries its rows as a
JSON list. Whatever cannot be stored becomes a dead letter naming the row (-1 for the whole
entry), the field and the reason, with the row's text so it can be corrected and resent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import polars as pl

from fanzha.api.ingest_routes import MAX_ROWS
from fanzha.api.rows import check_rows
from fanzha.io.redis_feed import FORMAT
from fanzha.io.schema import TABLES
from fanzha.store.import_usecase import IMPORTED

#: Longest row text copied into a dead letter.
SHOWN_CHARS = 2000

#: The fields of a stream entry as Redis returns them (None: the entry was deleted).
EntryFields = dict[str, str] | None


@dataclass(frozen=True)
class DeadLetter:
    """A row not stored, or (row -1) an entry not readable at all."""

    row: int
    field: str
    reason: str
    value: str = ""


@dataclass(frozen=True)
class CheckedEntry:
    """The typed good rows of an entry (`index` = their positions) and its dead letters.

    `table` is empty when the entry could not be read at all.
    """

    entry_id: str
    table: str
    rows: list[Any]
    frame: pl.DataFrame
    index: list[int]
    dead: list[DeadLetter]

    def shown(self, row: int) -> str:
        return json.dumps(self.rows[row], ensure_ascii=False)[:SHOWN_CHARS]


class _UnreadableError(ValueError):
    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field_name
        self.reason = reason


def _table_and_rows(fields: EntryFields) -> tuple[str, list[Any]]:
    if not fields:
        raise _UnreadableError("", "entry has no fields (deleted before it was handled)")
    if fields.get("format") != FORMAT:
        raise _UnreadableError("format", f"format must be {FORMAT!r}, got {fields.get('format')!r}")
    table = fields.get("table")
    if table not in IMPORTED:
        raise _UnreadableError("table", f"unknown table {table!r}; one of {', '.join(IMPORTED)}")
    try:
        rows = json.loads(fields.get("rows", ""))
    except json.JSONDecodeError as exc:
        raise _UnreadableError("rows", f"not JSON: {exc}") from exc
    if not isinstance(rows, list):
        raise _UnreadableError("rows", "must be a JSON list of row objects")
    if len(rows) > MAX_ROWS:
        raise _UnreadableError("rows", f"{len(rows)} rows; at most {MAX_ROWS} in one entry")
    return table, rows


def check_entry(entry_id: str, fields: EntryFields) -> CheckedEntry:
    """Parse and check an entry; never raises for bad content, which becomes dead letters."""
    try:
        table, rows = _table_and_rows(fields)
    except _UnreadableError as exc:
        shown = json.dumps(fields, ensure_ascii=False)[:SHOWN_CHARS] if fields else ""
        dead = [DeadLetter(-1, exc.field, exc.reason, shown)]
        return CheckedEntry(entry_id, "", [], pl.DataFrame(), [], dead)
    checked = check_rows(TABLES[table], rows)
    entry = CheckedEntry(entry_id, table, rows, checked.frame, checked.index, [])
    entry.dead.extend(
        DeadLetter(r.row, r.field, r.reason, entry.shown(r.row)) for r in checked.rejected
    )
    return entry

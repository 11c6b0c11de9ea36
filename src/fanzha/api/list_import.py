"""Bulk import of a known-bad list from CSV text, shared by the API and the console."""

from __future__ import annotations

import io
from dataclasses import dataclass

import polars as pl

from fanzha.api.audit_trail import audit
from fanzha.api.roles import Actor
from fanzha.api.rows import Rejection, check_rows
from fanzha.api.services import Services
from fanzha.io.schema import TABLES, Column, FieldType, TableSpec
from fanzha.store.dataset_tables import LIST_KINDS
from fanzha.store.ingest_usecase import store_records

MAX_CSV_BYTES = 20 * 1024 * 1024


class ListImportError(ValueError):
    """The upload as a whole cannot be used: not CSV, too big, or a required column missing."""


@dataclass(frozen=True)
class ListImport:
    kind: str
    received: int
    stored: int
    duplicates: int
    rejected: list[Rejection]  # `row` 0 is line 2 of the file


def list_spec(kind: str) -> TableSpec:
    """The dataset's list spec plus the store's optional `expires_at`; KeyError if unknown."""
    if kind not in LIST_KINDS:
        raise KeyError(f"unknown list {kind!r}; one of {', '.join(LIST_KINDS)}")
    base = TABLES[f"lists/{kind}"]
    expiry = Column("expires_at", FieldType.TS, required=False)
    return TableSpec(base.name, (*base.columns, expiry), order_by=None)


def import_list_csv(services: Services, actor: Actor, kind: str, body: bytes) -> ListImport:
    """Store the good lines of a lists/<kind>.csv upload; bad lines come back with reasons."""
    spec = list_spec(kind)
    if len(body) > MAX_CSV_BYTES:
        raise ListImportError("send at most 20 MiB per import")
    try:
        raw = pl.read_csv(io.BytesIO(body), infer_schema=False)
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError, UnicodeDecodeError) as exc:
        raise ListImportError(f"not a CSV file: {exc}") from exc
    missing = [c.name for c in spec.columns if c.required and c.name not in raw.columns]
    if missing:
        raise ListImportError(f"line 1: missing column(s) {', '.join(missing)}")
    known = [c for c in spec.column_names if c in raw.columns]
    checked = check_rows(spec, raw.select(known).to_dicts())
    now = services.now()
    with services.database.session() as session:
        result = store_records(session, f"lists/{kind}", checked.frame)
        detail = f"stored {result.stored}, rejected {len(checked.rejected)}"
        audit(session, actor, now, "import_list", kind="lists", subject=kind, detail=detail)
    return ListImport(kind, raw.height, result.stored, result.duplicates, checked.rejected)

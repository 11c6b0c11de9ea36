"""POST /api/ingest/{table}: batches of dataset rows; POST /api/import: a dataset directory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import Rejection, check_rows
from fanzha.io.problems import DatasetError
from fanzha.io.schema import TABLES
from fanzha.store.case_usecase import open_reported_cases
from fanzha.store.import_usecase import IMPORTED, import_dataset
from fanzha.store.ingest_usecase import store_records

router = APIRouter(prefix="/api", tags=["ingest"])

#: Largest batch accepted in one request; send more as several batches.
MAX_ROWS = 50_000

Ingester = Annotated[Actor, Depends(requires(Permission.INGEST))]


class Batch(BaseModel):
    """Rows of one table, each a JSON object with the table's CSV columns as text."""

    model_config = ConfigDict(strict=True, extra="forbid")
    rows: list[Any] = Field(max_length=MAX_ROWS)


class RejectedRow(BaseModel):
    row: int
    field: str
    reason: str


class IngestOut(BaseModel):
    table: str
    received: int
    stored: int
    duplicates: int
    rejected: list[RejectedRow]


def rejected_rows(rejections: list[Rejection]) -> list[RejectedRow]:
    return [RejectedRow(row=r.row, field=r.field, reason=r.reason) for r in rejections]


@router.post("/ingest/{table:path}")
def ingest(table: str, batch: Batch, svc: ServicesDep, actor: Ingester) -> IngestOut:
    """Store the good rows (idempotent by event id / key); list bad rows with index and reason.

    `table` is a dataset table: persons, phones, accounts, calls, sms, net, transfers,
    reports, lists/numbers, lists/domains, lists/apps, lists/accounts.
    """
    if table not in IMPORTED:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"unknown table {table!r}; one of {', '.join(IMPORTED)}"
        )
    checked = check_rows(TABLES[table], batch.rows)
    now = svc.now()
    with svc.database.session() as session:
        result = store_records(session, table, checked.frame)
        if table == "reports":
            open_reported_cases(session, now)
        bad_rows = len({r.row for r in checked.rejected})
        detail = (
            f"received {len(batch.rows)}, stored {result.stored}, "
            f"duplicates {result.duplicates}, rejected rows {bad_rows}"
        )
        audit(session, actor, now, "ingest", kind="table", subject=table, detail=detail)
    return IngestOut(
        table=table,
        received=len(batch.rows),
        stored=result.stored,
        duplicates=result.duplicates,
        rejected=rejected_rows(checked.rejected),
    )


class ImportIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    path: str


class ImportedTableOut(BaseModel):
    table: str
    rows: int
    stored: int
    duplicates: int


@router.post("/import")
def import_directory(body: ImportIn, svc: ServicesDep, actor: Ingester) -> list[ImportedTableOut]:
    """Import a dataset directory on the server; any bad row stops it before anything is stored."""
    root = Path(body.path)
    if not root.is_dir():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{root}: not a directory")
    try:
        imported = import_dataset(svc.database, root)
    except DatasetError as exc:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, [str(p) for p in exc.problems[:100]]
        ) from exc
    with svc.database.session() as session:
        open_reported_cases(session, svc.now())
        summary = ", ".join(f"{t.name} {t.stored}" for t in imported)
        audit(
            session, actor, svc.now(), "import", kind="dataset", subject=str(root), detail=summary
        )
    return [
        ImportedTableOut(table=t.name, rows=t.rows, stored=t.stored, duplicates=t.duplicates)
        for t in imported
    ]

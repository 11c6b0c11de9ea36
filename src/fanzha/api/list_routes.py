"""Known-bad lists: read, bulk import as CSV (with an optional expiry), export as CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from pydantic import BaseModel

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.list_import import ListImportError, import_list_csv, list_spec
from fanzha.api.roles import Actor, Permission
from fanzha.io.schema import TableSpec
from fanzha.store.lists_usecase import entries, export_csv

router = APIRouter(prefix="/api/lists", tags=["lists"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_LISTS))]
Keeper = Annotated[Actor, Depends(requires(Permission.MANAGE_LISTS))]


def _spec(kind: str) -> TableSpec:
    try:
        return list_spec(kind)
    except KeyError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.args[0]) from exc


class EntryOut(BaseModel):
    kind: str
    value: str
    listed_at: int
    source: str | None
    expires_at: int | None


@router.get("")
def read_lists(
    svc: ServicesDep,
    actor: Reader,
    kind: Annotated[str | None, Query()] = None,
    active_at: Annotated[int | None, Query(description="Only entries in force then")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> list[EntryOut]:
    if kind is not None:
        _spec(kind)
    with svc.database.session() as session:
        rows = entries(session, kind, active_at, limit)
        audit(session, actor, svc.now(), "read_lists", kind="lists", subject=kind or "all")
    return [
        EntryOut(
            kind=r.kind,
            value=masking.account(r.value, actor.role) if r.kind == "accounts" else r.value,
            listed_at=r.listed_at,
            source=r.source,
            expires_at=r.expires_at,
        )
        for r in rows
    ]


class RejectedLine(BaseModel):
    line: int
    field: str
    reason: str


class ListImportOut(BaseModel):
    kind: str
    received: int
    stored: int
    duplicates: int
    rejected: list[RejectedLine]


@router.post("/{kind}/import")
async def import_csv(kind: str, request: Request, svc: ServicesDep, actor: Keeper) -> ListImportOut:
    """Body: a CSV like lists/<kind>.csv (value,listed_at,source), optionally with expires_at.

    Good lines are stored (a value listed again at the same time is a duplicate); bad lines
    come back with their line number (the header is line 1) and reason.
    """
    _spec(kind)
    try:
        result = import_list_csv(svc, actor, kind, await request.body())
    except ListImportError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return ListImportOut(
        kind=kind,
        received=result.received,
        stored=result.stored,
        duplicates=result.duplicates,
        rejected=[
            RejectedLine(line=r.row + 2, field=r.field, reason=r.reason) for r in result.rejected
        ],
    )


@router.get("/{kind}.csv", response_class=Response)
def export(kind: str, svc: ServicesDep, actor: Keeper) -> Response:
    """The list as lists/<kind>.csv of the dataset format, with expires_at as an extra column."""
    _spec(kind)
    with svc.database.session() as session:
        text = export_csv(session, kind)
        audit(session, actor, svc.now(), "export_list", kind="lists", subject=kind)
    return Response(text, media_type="text/csv; charset=utf-8")

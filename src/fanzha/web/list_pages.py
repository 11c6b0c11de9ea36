"""The known-bad lists page; account numbers masked for roles that do not need them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep
from fanzha.api.list_import import MAX_CSV_BYTES, ListImport, ListImportError, import_list_csv
from fanzha.api.roles import Actor, Permission
from fanzha.store.dataset_tables import LIST_KINDS
from fanzha.store.flag_usecase import flags
from fanzha.store.lists_usecase import entries as list_entries
from fanzha.web.render import MaybeActor, keep_out, render

router = APIRouter(include_in_schema=False)

#: Entries shown on one page, newest first.
LIST_PAGE = 200
#: The engine's flags shown beside each list (all for no list chosen).
FLAG_KINDS: dict[str | None, tuple[str, ...]] = {
    None: ("number", "account"),
    "numbers": ("number",),
    "accounts": ("account",),
    "domains": (),
    "apps": (),
}


@router.get("/lists")
def lists_page(
    request: Request,
    svc: ServicesDep,
    actor: MaybeActor,
    kind: Annotated[str | None, Query()] = None,
) -> Response:
    if actor is None or not actor.may(Permission.READ_LISTS):
        return keep_out(request, actor)
    return _lists(request, svc, actor, kind)


def _lists(
    request: Request,
    svc: ServicesDep,
    actor: Actor,
    kind: str | None,
    *,
    imported: ListImport | None = None,
    import_error: str | None = None,
    status_code: int = 200,
) -> Response:
    chosen = kind if kind in LIST_KINDS else None
    with svc.database.session() as session:
        rows = list_entries(session, chosen, limit=LIST_PAGE)
        flagged = [f for k in FLAG_KINDS[chosen] for f in flags(session, k, LIST_PAGE)]
        audit(session, actor, svc.now(), "read_lists", kind="lists", subject=kind or "all")
    entries = [
        {
            "kind": row.kind,
            "value": masking.account(row.value, actor.role)
            if row.kind == "accounts"
            else row.value,
            "listed_at": row.listed_at,
            "source": row.source or "",
            "expires_at": row.expires_at,
        }
        for row in rows
    ]
    engine_flags = [
        {
            "kind": f.kind,
            "value": masking.account(f.value, actor.role) if f.kind == "account" else f.value,
            "ts": f.ts,
            "score": f.score,
            "reasons": f.reasons,
        }
        for f in flagged
    ]
    return render(
        request,
        "lists.html",
        actor,
        status_code=status_code,
        entries=entries,
        engine_flags=engine_flags,
        kinds=LIST_KINDS,
        kind=kind,
        may_manage=actor.may(Permission.MANAGE_LISTS),
        imported=imported,
        import_error=import_error,
    )


@router.post("/lists/import")
def lists_import(
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    kind: Annotated[str, Form()],
    file: Annotated[UploadFile, File()],
) -> Response:
    """Bulk import from the console: the same checks and answer as POST /api/lists/{kind}/import."""
    if actor is None or not actor.may(Permission.MANAGE_LISTS) or kind not in LIST_KINDS:
        return keep_out(request, actor)
    try:
        result = import_list_csv(svc, actor, kind, file.file.read(MAX_CSV_BYTES + 1))
    except ListImportError as exc:
        return _lists(request, svc, actor, kind, import_error=str(exc), status_code=422)
    return _lists(request, svc, actor, kind, imported=result)

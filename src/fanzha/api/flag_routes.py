"""GET /api/flags: the numbers and accounts the live engine flagged, with its reasons."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from fanzha.api import masking
from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.store.flag_usecase import flags

router = APIRouter(prefix="/api/flags", tags=["lists"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_LISTS))]


class FlagOut(BaseModel):
    kind: str
    value: str
    ts: int
    score: float
    reasons: str
    flagged_at: int


@router.get("")
def read_flags(
    svc: ServicesDep,
    actor: Reader,
    kind: Annotated[Literal["number", "account"], Query()],
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
) -> list[FlagOut]:
    """Newest first; account numbers masked for roles that do not need them in full."""
    with svc.database.session() as session:
        found = flags(session, kind, limit)
        audit(session, actor, svc.now(), "read_flags", kind="flags", subject=kind)
    return [
        FlagOut(
            kind=f.kind,
            value=masking.account(f.value, actor.role) if f.kind == "account" else f.value,
            ts=f.ts,
            score=f.score,
            reasons=f.reasons,
            flagged_at=f.flagged_at,
        )
        for f in found
    ]

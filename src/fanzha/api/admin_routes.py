"""Administration: create users, read the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission, Role
from fanzha.api.users import create_user
from fanzha.store.service_tables import AuditEntry

router = APIRouter(prefix="/api", tags=["admin"])

Admin = Annotated[Actor, Depends(requires(Permission.MANAGE_USERS))]
Auditor = Annotated[Actor, Depends(requires(Permission.READ_AUDIT))]


class UserIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")
    password: str
    role: Annotated[Role, Field(strict=False)]  # an enum arrives as its JSON string
    district: str | None = None
    bank: str | None = None


class UserOut(BaseModel):
    id: int
    username: str
    role: str
    district: str | None
    bank: str | None


@router.post("/users", status_code=status.HTTP_201_CREATED)
def add_user(body: UserIn, svc: ServicesDep, actor: Admin) -> UserOut:
    now = svc.now()
    with svc.database.session() as session:
        try:
            user = create_user(
                session,
                body.username,
                body.password,
                body.role,
                now,
                district=body.district,
                bank=body.bank,
            )
        except ValueError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
        audit(session, actor, now, "create_user", kind="user", subject=body.username)
        return UserOut.model_validate(user, from_attributes=True)


class AuditOut(BaseModel):
    id: int
    ts: int
    username: str
    role: str
    action: str
    subject_kind: str
    subject_id: str
    detail: str


@router.get("/audit")
def read_audit(
    svc: ServicesDep,
    actor: Auditor,
    after_id: Annotated[int, Query(description="Entries with a larger id, for paging")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditOut]:
    """Audit entries in the order written. Reading the log is itself audited."""
    with svc.database.session() as session:
        query = (
            select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(limit)
        )
        entries = [AuditOut.model_validate(e, from_attributes=True) for e in session.scalars(query)]
        audit(session, actor, svc.now(), "read_audit", kind="audit", subject=str(after_id))
    return entries

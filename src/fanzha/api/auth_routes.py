"""POST /api/login and /api/logout: tokens for API clients (the console uses a cookie)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict

from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, current_actor, token_of
from fanzha.api.roles import Actor
from fanzha.api.sessions import log_in, log_out

router = APIRouter(prefix="/api", tags=["auth"])


class Credentials(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    username: str
    password: str


class TokenOut(BaseModel):
    token: str
    expires_at: int
    role: str


@router.post("/login")
def login(body: Credentials, svc: ServicesDep) -> TokenOut:
    """A Bearer token valid for FANZHA_SESSION_TTL_S seconds."""
    now = svc.session_now()
    with svc.database.session() as session:
        result = log_in(session, body.username, body.password, now, svc.settings.session_ttl_s)
    if result is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "wrong username or password, or too many failed attempts"
        )
    return TokenOut(token=result.token, expires_at=result.expires_at, role=result.actor.role.value)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(
    request: Request, svc: ServicesDep, actor: Annotated[Actor, Depends(current_actor)]
) -> None:
    token = token_of(request)
    with svc.database.session() as session:
        if token is not None:
            log_out(session, token)
        audit(session, actor, svc.now(), "logout", kind="user", subject=actor.username)

"""FastAPI dependencies: the services, and the actor behind a Bearer token or session cookie."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from fanzha.api.roles import Actor, Permission
from fanzha.api.services import Services
from fanzha.api.sessions import actor_for

SESSION_COOKIE = "fanzha_session"


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def token_of(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


def optional_actor(request: Request, svc: Annotated[Services, Depends(services)]) -> Actor | None:
    token = token_of(request)
    if token is None:
        return None
    with svc.database.session() as session:
        return actor_for(session, token, svc.now())


def current_actor(actor: Annotated[Actor | None, Depends(optional_actor)]) -> Actor:
    if actor is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "log in first: POST /api/login, then send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return actor


def requires(permission: Permission) -> Callable[[Actor], Actor]:
    """A dependency that lets only actors holding `permission` through (403 otherwise)."""

    def check(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
        if not actor.may(permission):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"role {actor.role.value} may not {permission.value}"
            )
        return actor

    return check


ServicesDep = Annotated[Services, Depends(services)]

"""FastAPI dependencies: the services, and the actor behind a Bearer token or session cookie.

Cookie-authenticated unsafe requests (the console's forms and htmx calls) must also carry the
session's CSRF token, in the X-CSRF-Token header or the `csrf_token` form field: a page on
another site can make the browser send the cookie, but cannot read the token. Bearer-token
calls are exempt: a browser never adds an Authorization header on its own.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from fanzha.api.roles import Actor, Permission
from fanzha.api.services import Services
from fanzha.api.sessions import actor_for

SESSION_COOKIE = "fanzha_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def token_of(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


def csrf_token(session_token: str) -> str:
    """The anti-forgery token of a console session: an HMAC keyed by the session token, so it
    needs no server secret or storage, and showing it in pages reveals nothing of the session."""
    return hmac.new(session_token.encode(), b"fanzha-csrf", hashlib.sha256).hexdigest()


async def checked_token(request: Request) -> str | None:
    """The caller's token; a cookie on an unsafe request counts only with its CSRF token (403)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    token = request.cookies.get(SESSION_COOKIE)
    if token is None or request.method not in UNSAFE_METHODS:
        return token
    sent: object = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(_FORM_TYPES):
        sent = (await request.form()).get(CSRF_FIELD)
    if not isinstance(sent, str) or not hmac.compare_digest(
        sent.encode(), csrf_token(token).encode()
    ):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"missing or wrong CSRF token: send the page's csrf-token in the {CSRF_HEADER} "
            f"header or the {CSRF_FIELD} form field (API clients: use a Bearer token)",
        )
    return token


def optional_actor(
    token: Annotated[str | None, Depends(checked_token)],
    svc: Annotated[Services, Depends(services)],
) -> Actor | None:
    if token is None:
        return None
    with svc.database.session() as session:
        return actor_for(session, token, svc.session_now())


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

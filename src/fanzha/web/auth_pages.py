"""Console log-in, log-out and the language switch. The session cookie is HttpOnly and
SameSite=Strict; logins are audited and locked out like the API's. A login form posted from
another site is refused (login CSRF: it would sign the officer in as someone else)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fanzha.api.audit_trail import audit
from fanzha.api.deps import SESSION_COOKIE, ServicesDep, token_of
from fanzha.api.sessions import log_in, log_out
from fanzha.web.i18n import LANGUAGES, language_of
from fanzha.web.render import LANG_COOKIE, MaybeActor, render, to_login

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/board", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/lang/{language}")
def switch_language(
    language: str, next_page: Annotated[str, Query(alias="next")] = "/board"
) -> Response:
    target = next_page if next_page.startswith("/") and not next_page.startswith("//") else "/"
    response = RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        LANG_COOKIE, language_of(language if language in LANGUAGES else None), samesite="lax"
    )
    return response


def _cross_site(request: Request) -> bool:
    """What browsers say of a request's origin: Sec-Fetch-Site, else the Origin header."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc != request.headers.get("host")


@router.get("/login")
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", None, failed=False)


@router.post("/login")
def login_submit(
    request: Request,
    svc: ServicesDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    if _cross_site(request):
        return render(request, "message.html", None, status_code=403, message_key="forbidden")
    now = svc.session_now()
    with svc.database.session() as session:
        result = log_in(session, username, password, now, svc.settings.session_ttl_s)
    if result is None:
        return render(request, "login.html", None, status_code=401, failed=True)
    response = RedirectResponse("/board", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        result.token,
        max_age=svc.settings.session_ttl_s,
        httponly=True,
        samesite="strict",
        secure=svc.settings.secure_cookies,
    )
    return response


@router.post("/logout")
def logout_submit(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    token = token_of(request)
    if token is not None and actor is not None:
        with svc.database.session() as session:
            log_out(session, token)
            audit(session, actor, svc.now(), "logout", kind="user", subject=actor.username)
    response = to_login()
    response.delete_cookie(SESSION_COOKIE)
    return response

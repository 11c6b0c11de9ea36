"""Rendering of console pages: templates, the chosen language, the sections a role may see."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from fanzha.api.deps import SESSION_COOKIE, csrf_token, optional_actor
from fanzha.api.roles import Actor, Permission
from fanzha.web.amountfmt import yuan
from fanzha.web.i18n import language_of, translate
from fanzha.web.timefmt import local_time, minutes_left

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(local_time=local_time, minutes_left=minutes_left, yuan=yuan)

LANG_COOKIE = "fanzha_lang"
MaybeActor = Annotated[Actor | None, Depends(optional_actor)]


#: Console sections: (path, word, permission needed to see the link).
NAV = (
    ("/board", "board", Permission.READ_WARNINGS),
    ("/lists", "lists", Permission.READ_LISTS),
    ("/stop-requests", "stop_requests", Permission.READ_STOP_REQUESTS),
    ("/cases", "cases", Permission.READ_CASES),
    ("/dashboard", "dashboard", Permission.READ_STATISTICS),
)


def render(
    request: Request, name: str, actor: Actor | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    language = language_of(request.cookies.get(LANG_COOKIE))
    nav = [(path, word) for path, word, needed in NAV if actor is not None and actor.may(needed)]
    session = request.cookies.get(SESSION_COOKIE)
    return templates.TemplateResponse(
        request,
        name,
        {
            "lang": language,
            "t": lambda key: translate(key, language),
            "actor": actor,
            "nav": nav,
            # sent back by forms (hidden field) and htmx (header), see fanzha.api.deps
            "csrf_token": csrf_token(session) if actor is not None and session else "",
            **context,
        },
        status_code=status_code,
    )


def to_login() -> RedirectResponse:
    return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)


def refusal(request: Request, actor: Actor | None, key: str, code: int) -> HTMLResponse:
    return render(request, "message.html", actor, status_code=code, message_key=key)


def keep_out(request: Request, actor: Actor | None) -> Response:
    """Turn away a page request: nobody logged in goes to the login page, an actor without the
    permission gets the forbidden page (403)."""
    if actor is None:
        return to_login()
    return refusal(request, actor, "forbidden", 403)

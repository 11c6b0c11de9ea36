"""An officer at the console: a client with its own cookies, logged in through the login form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi.testclient import TestClient

from fanzha.api.deps import CSRF_HEADER, SESSION_COOKIE, csrf_token
from tests.api.service import PASSWORD, Service

if TYPE_CHECKING:
    from playwright.sync_api import Page


def console(service: Service, username: str, language: str = "zh") -> TestClient:
    """A separate client in `language`, logged in as `username` (the login lands on the board),
    sending the session's CSRF token with every request as the console's pages do."""
    client = TestClient(service.client.app)
    client.get(f"/lang/{language}")
    answer = client.post(
        "/login", data={"username": username, "password": PASSWORD}, follow_redirects=False
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/board"
    client.headers[CSRF_HEADER] = csrf_token(client.cookies[SESSION_COOKIE])  # as htmx sends it
    return client


def log_in(page: Page, url: str, username: str) -> None:
    """Log `page` in through the login form of the console served at `url`."""
    page.goto(f"{url}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")

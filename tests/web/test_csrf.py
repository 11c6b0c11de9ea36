"""CSRF: a cookie-authenticated unsafe request needs the session's token; Bearer calls don't;
a login form posted from another site is refused."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from fanzha.api.deps import CSRF_HEADER, SESSION_COOKIE, csrf_token
from tests.api.service import PASSWORD, Service, warning_row
from tests.web.console import console


def _bare(client: TestClient) -> TestClient:
    """The same browser session, without the CSRF header a page would add."""
    bare = TestClient(client.app)
    bare.cookies.set(SESSION_COOKIE, client.cookies[SESSION_COOKIE])
    return bare


def test_a_cookie_post_without_the_token_is_refused_and_changes_nothing(
    service: Service,
) -> None:
    service.warn(warning_row("W1", "P1", 1))
    officer = console(service, "unit_a")
    forged = _bare(officer)
    assert forged.get("/warnings/W1").status_code == 200  # reading needs no token
    refused = forged.post("/warnings/W1/steps", data={"step": "signed_for"})
    assert refused.status_code == 403 and "CSRF" in refused.text
    wrong = forged.post(
        "/warnings/W1/steps", data={"step": "signed_for"}, headers={CSRF_HEADER: "0" * 64}
    )
    assert wrong.status_code == 403
    other_session = console(service, "unit_a").headers[CSRF_HEADER]
    stolen = forged.post(
        "/warnings/W1/steps", data={"step": "signed_for"}, headers={CSRF_HEADER: other_session}
    )
    assert stolen.status_code == 403  # a token is good only for its own session
    assert forged.post("/api/warnings", json={"rows": []}).status_code == 403
    assert '<dd id="state">签收</dd>' not in officer.get("/warnings/W1").text

    token = csrf_token(officer.cookies[SESSION_COOKIE])
    by_field = forged.post("/warnings/W1/steps", data={"step": "signed_for", "csrf_token": token})
    assert by_field.status_code == 200 and '<dd id="state">签收</dd>' in by_field.text
    by_header = forged.post(
        "/warnings/W1/outcome", data={"outcome": "dissuaded"}, headers={CSRF_HEADER: token}
    )
    assert by_header.status_code == 200 and "已反馈" in by_header.text


def test_bearer_calls_need_no_csrf_token(service: Service) -> None:
    answer = service.client.post(
        "/api/warnings",
        json={"rows": [warning_row("W9", "P1", 2)]},
        headers=service.headers("duty"),
    )
    assert answer.status_code == 200, answer.text


def test_pages_carry_the_token_for_htmx_and_every_form(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    officer = console(service, "duty")
    token = csrf_token(officer.cookies[SESSION_COOKIE])
    for path in ("/board", "/warnings/W1", "/lists", "/cases", "/dashboard"):
        page = officer.get(path).text
        assert f'<meta name="csrf-token" content="{token}">' in page, path
        assert f'hx-headers=\'{{"X-CSRF-Token": "{token}"}}\'' in page, path
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", page, re.S)
        assert forms, path
        for form in forms:
            assert f'name="csrf_token" value="{token}"' in form, (path, form[:80])


def test_logout_by_cookie_needs_the_token(service: Service) -> None:
    officer = console(service, "duty")
    forged = _bare(officer)
    assert forged.post("/logout", follow_redirects=False).status_code == 403
    assert officer.get("/board", follow_redirects=False).status_code == 200
    token = csrf_token(officer.cookies[SESSION_COOKIE])
    out = forged.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert officer.get("/board", follow_redirects=False).headers["location"] == "/login"


def test_a_login_form_posted_from_another_site_is_refused(service: Service) -> None:
    client = TestClient(service.client.app)
    form = {"username": "duty", "password": PASSWORD}
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ):
        refused = client.post("/login", data=form, headers=headers, follow_redirects=False)
        assert refused.status_code == 403, headers
        assert SESSION_COOKIE not in refused.cookies
    same_site = client.post(
        "/login",
        data=form,
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert same_site.status_code == 303 and SESSION_COOKIE in same_site.cookies


def test_an_upload_form_carries_the_token_in_its_body(service: Service) -> None:
    officer = console(service, "duty")
    forged = _bare(officer)
    upload = {
        "file": (
            "apps.csv",
            b"value,listed_at,source\ncom.fake.meeting,2026-03-01T11:00:00+08:00,police\n",
        )
    }
    refused = forged.post("/lists/import", data={"kind": "apps"}, files=upload)
    assert refused.status_code == 403
    token = csrf_token(officer.cookies[SESSION_COOKIE])
    done = forged.post("/lists/import", data={"kind": "apps", "csrf_token": token}, files=upload)
    assert done.status_code == 200 and "com.fake.meeting" in done.text

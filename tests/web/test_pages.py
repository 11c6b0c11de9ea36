"""Console pages over HTTP: login, board by district, working a warning, both languages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from fanzha.warn.workflow import ORDER, Outcome, Step
from fanzha.web.i18n import LANGUAGES, translate
from tests.api.service import Service, stop_row, warning_row
from tests.web.console import console


def test_login_form_refuses_a_wrong_password(service: Service) -> None:
    client = TestClient(service.client.app)
    assert client.get("/board", follow_redirects=False).headers["location"] == "/login"
    answer = client.post("/login", data={"username": "duty", "password": "nope nope nope"})
    assert answer.status_code == 401
    assert "用户名或密码错误" in answer.text


def test_board_shows_only_the_units_district_in_both_languages(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1), warning_row("W2", "P2", 2))
    zh = console(service, "unit_a").get("/board").text
    assert "一级 · 见面劝阻" in zh and 'href="/warnings/W1"' in zh
    assert "W2" not in zh
    en = console(service, "duty", "en").get("/board").text
    assert "Tier 1 · in person" in en and "W1" in en and "W2" in en
    assert re.search(r"W2.*?10 min", en, re.S)
    assert console(service, "unit_b").get("/warnings/W1").status_code == 404


def test_working_a_warning_through_the_forms(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    client = console(service, "unit_a")
    page = client.get("/warnings/W1").text
    assert "13907911234" in page  # the unit needs the phone to call
    signed = client.post("/warnings/W1/steps", data={"step": "signed_for", "note": ""})
    assert signed.status_code == 200 and '<dd id="state">签收</dd>' in signed.text
    refused = client.post("/warnings/W1/steps", data={"step": "signed_for"})
    assert refused.status_code == 409 and "该步骤不可记录" in refused.text
    done = client.post("/warnings/W1/outcome", data={"outcome": "dissuaded", "note": "劝下了"})
    assert "劝阻成功 — 劝下了" in done.text and "已反馈" in done.text
    board = client.get("/board").text
    assert "预警准确率:\n100% (1/1)" in board and "联系成功率: 100%" in board


def test_roles_without_warnings_see_a_refusal(service: Service) -> None:
    answer = console(service, "bank_icbc").get("/board")
    assert answer.status_code == 403 and "无权访问" in answer.text


def test_lists_page_masks_accounts_for_the_duty_officer(service: Service) -> None:
    admin = service.headers("admin")
    rows = [
        {"value": "6217000000000000001", "listed_at": "2026-03-01T11:00:00+08:00", "source": "bank"}
    ]
    service.client.post("/api/ingest/lists/accounts", json={"rows": rows}, headers=admin)
    duty = console(service, "duty").get("/lists?kind=accounts").text
    stoppay = console(service, "stoppay", "en").get("/lists").text
    assert "6217***********0001" in duty and "6217000000000000001" not in duty
    assert "6217000000000000001" in stoppay and "2026-03-01 11:00:00" in stoppay


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_state_and_outcome_has_words(language: str) -> None:
    for step in (*ORDER, Step.PUSHED, Step.ESCALATED):
        assert translate(f"step_{step.value}", language)
    for outcome in Outcome:
        assert translate(f"outcome_{outcome.value}", language)


def test_bank_answers_from_the_console_only_its_own_requests(service: Service) -> None:
    service.stop(stop_row("S1", "6222020200112233445"), stop_row("S2", "6217000000000000001"))
    service.clock.now = 1_772_337_720  # 2026-03-01T12:02:00+08:00
    bank = console(service, "bank_icbc", "en")
    other = bank.post("/stop-requests/S2/answer", data={"result": "held", "held": "1.00"})
    assert other.status_code == 404
    gone = bank.post("/stop-requests/S1/answer", data={"result": "already_gone", "held": "0.00"})
    assert gone.status_code == 200 and "Money already gone" in gone.text
    again = bank.post("/stop-requests/S1/answer", data={"result": "held", "held": "1.00"})
    assert again.status_code == 409 and "That request cannot be answered" in again.text
    officer = console(service, "stoppay").get("/stop-requests").text
    assert "资金已转出" in officer and "S2" in officer and "提交回执" not in officer


def test_list_import_and_export_from_the_console(service: Service) -> None:
    client = console(service, "investigator")
    upload = (
        "value,listed_at,source\n"
        "fraud.example,2026-03-01T11:00:00+08:00,report R1\n"
        "bad domain,2026-03-01T11:00:00,centre\n"
    )
    page = client.post(
        "/lists/import",
        data={"kind": "domains"},
        files={"file": ("domains.csv", upload.encode(), "text/csv")},
    )
    assert page.status_code == 200
    assert "已导入: 1 · 重复: 0 · 退回: 1" in page.text
    assert "行号 3 [listed_at]: not a timestamp like" in page.text
    assert "fraud.example" in page.text
    export = client.get("/api/lists/domains.csv")  # the session cookie works for the API too
    assert export.text.splitlines()[1] == "fraud.example,2026-03-01T11:00:00+08:00,report R1,"
    missing = client.post(
        "/lists/import", data={"kind": "apps"}, files={"file": ("a.csv", b"value\nx\n", "text/csv")}
    )
    assert missing.status_code == 422 and "missing column(s) listed_at" in missing.text
    unit = console(service, "unit_a")
    refused = unit.post(
        "/lists/import", data={"kind": "apps"}, files={"file": ("a.csv", b"", "text/csv")}
    )
    assert refused.status_code == 403

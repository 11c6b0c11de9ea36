"""The console in real headless chromium: a district unit takes a tier-1 warning to its outcome."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.api.service import Service, stop_row, warning_row
from tests.web.console import log_in
from tests.web.live_server import browser, live_url

__all__ = ["browser", "live_url"]


def test_unit_takes_a_tier1_warning_and_records_the_outcome(
    service: Service, live_url: str, browser: Browser
) -> None:
    service.warn(warning_row("W1", "P1", 1), warning_row("W2", "P2", 2))
    page = browser.new_page()
    try:
        log_in(page, live_url, "unit_a")
        tier1 = page.locator("section[data-tier='1']")
        expect(tier1.locator("tr[data-warning='W1']")).to_contain_text("30 分钟")
        expect(page.locator("tr[data-warning='W2']")).to_have_count(0)  # another district

        tier1.locator("a", has_text="W1").click()
        expect(page.locator("h1")).to_contain_text("W1")
        page.click("button[value=signed_for]")  # htmx swaps the warning in place
        expect(page.locator("#state")).to_have_text("签收")
        page.select_option("select[name=outcome]", "dissuaded")
        page.fill("textarea[name=note]", "在银行柜台劝阻")
        page.click("#record-outcome")
        expect(page.locator("#outcome")).to_have_text("劝阻成功 — 在银行柜台劝阻")

        page.click("text=English")
        expect(page.locator("#outcome")).to_have_text("Dissuaded — 在银行柜台劝阻")
        expect(page.locator("table.history")).to_contain_text("Signed for")
        page.click("text=Warning board")
        expect(page.locator("section[data-tier='1']")).to_contain_text("No open warnings")
    finally:
        page.close()


def test_bank_partner_sees_and_answers_only_its_banks_requests(
    service: Service, live_url: str, browser: Browser
) -> None:
    service.stop(stop_row("S1", "6222020200112233445"), stop_row("S2", "6217000000000000001"))
    page = browser.new_page()
    try:
        log_in(page, live_url, "bank_icbc")
        expect(page.locator(".message")).to_have_text("无权访问")  # no warning board for banks
        page.click("text=止付请求")
        rows = page.locator("#stop-requests tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("6222020200112233445")
        expect(rows.first).to_contain_text("已发送")
        expect(page.locator("tr[data-request='S2']")).to_have_count(0)
        service.clock.now = 1_772_337_720  # 2026-03-01T12:02:00+08:00, after the request
        rows.first.locator("input[name=held]").fill("30000.00")
        rows.first.locator("button[type=submit]").click()
        expect(page.locator("tr[data-request='S1']")).to_contain_text("已止付")
        expect(page.locator("tr[data-request='S1']")).to_contain_text("30000.00")
    finally:
        page.close()

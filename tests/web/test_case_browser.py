"""In real headless chromium: open a case, stop its money with one click, see a bank's answer
(sent through the API) arrive on the page and mark the account held in the graph."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.api.case_ledger import CASE, seed_case
from tests.api.service import Service
from tests.web.console import log_in
from tests.web.live_server import browser, live_url

__all__ = ["browser", "live_url"]


def test_one_click_stop_pay_and_a_bank_answer_show_on_the_case_page(
    service: Service, live_url: str, browser: Browser
) -> None:
    seed_case(service)
    page = browser.new_page()
    try:
        log_in(page, live_url, "stoppay")
        page.click("text=案件")
        page.click(f"a[href='/cases/{CASE}']")
        expect(page.locator("h1")).to_contain_text(CASE)
        page.wait_for_function("window.fanzhaGraph && window.fanzhaGraph.nodes().length === 5")
        assert page.evaluate("window.fanzhaGraph.edges().length") == 4

        page.click("#stop-pay")
        rows = page.locator("#case-stop-requests tbody tr")
        expect(rows).to_have_count(3)
        expect(rows.first).to_contain_text("已发送")
        page.wait_for_function("window.fanzhaGraph.nodes('.requested').length === 3")

        service.clock.now += 120
        answer = service.client.post(
            f"/api/stop-requests/{CASE}-S001/answer",
            json={"result": "held", "held": "20000.00", "balance": "20000.00"},
            headers=service.headers("bank_icbc"),
        )
        assert answer.status_code == 200, answer.text
        row = page.locator(f"tr[data-request='{CASE}-S001']")
        expect(row.locator("td.state")).to_have_text("已止付", timeout=8000)
        expect(page.locator("#money-held")).to_have_text("20000.00")
        page.wait_for_function("window.fanzhaGraph.nodes('.held').length === 1")
    finally:
        page.close()

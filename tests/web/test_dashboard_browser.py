"""In real headless chromium: the duty officer dispatches a lecture order for a hotspot from the
dashboard; the district's unit accepts it and records the lecture with its audience.

The storage paths are tested on both databases by the API tests; this journey checks the
console, so it runs once, on SQLite.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.api.city_figures import seed_city
from tests.api.service import DISTRICT_A, Service
from tests.web.console import log_in
from tests.web.live_server import browser, live_url

__all__ = ["browser", "live_url"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_hotspot_dispatch_to_delivery_on_the_dashboard(
    service: Service, live_url: str, browser: Browser
) -> None:
    seed_city(service)
    duty = browser.new_page()
    unit = browser.new_page()
    try:
        log_in(duty, live_url, "duty")
        duty.click("text=统计研判")
        expect(duty.locator("svg.chart")).to_have_count(3)
        expect(duty.locator("#hotspots tbody tr")).to_have_count(1)
        expect(duty.locator("#hotspots tbody tr")).to_contain_text(DISTRICT_A)
        duty.click("#dispatch")
        expect(duty.locator("tr[data-order='1'] td.state")).to_have_text("已派单")

        log_in(unit, live_url, "unit_a")
        unit.goto(f"{live_url}/dashboard")
        order = unit.locator("tr[data-order='1']")
        order.locator("button", has_text="接单").click()
        expect(order.locator("td.state")).to_have_text("已接单")
        order.locator("input[name=venue]").fill("青山湖社区活动中心")
        order.locator("input[name=audience]").fill("120")
        order.locator("button", has_text="完成宣讲").click()
        expect(order.locator("td.state")).to_have_text("已宣讲")
        expect(unit.locator("#progress")).to_contain_text("听众人数 120")

        duty.reload()
        expect(duty.locator("tr[data-order='1'] td.state")).to_have_text("已宣讲")
    finally:
        duty.close()
        unit.close()

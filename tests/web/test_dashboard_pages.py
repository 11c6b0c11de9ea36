"""The dashboard over HTTP: figures, heat table, SVG charts, hotspots, dispatch to delivery."""

from __future__ import annotations

import re

from tests.api.city_figures import DISTRICT_C, seed_city
from tests.api.service import DISTRICT_A, Service
from tests.web.console import console


def _shade(page: str, district: str) -> float:
    row = re.search(rf'<tr data-district="{district}">.*?rgba\(176, 0, 32, ([0-9.]+)\)', page, re.S)
    assert row is not None
    return float(row.group(1))


def test_dashboard_shows_figures_heat_and_charts_in_both_languages(service: Service) -> None:
    seed_city(service)
    page = console(service, "duty").get("/dashboard").text
    assert '<dd id="total-loss">11400.00</dd>' in page
    assert '<dd id="total-accuracy">50% (1/2)</dd>' in page
    assert '<dd id="stop-speed">—</dd>' in page  # no request sent yet
    assert page.count('<svg class="chart"') == 3 and '<script src="http' not in page
    assert _shade(page, DISTRICT_A) == 0.80 and _shade(page, DISTRICT_C) == 0.08
    hot = re.search(r'<table id="hotspots">.*?</table>', page, re.S)
    assert hot is not None and DISTRICT_A in hot.group(0) and "虚假投资理财" in hot.group(0)
    english = console(service, "duty", "en").get("/dashboard").text
    assert "District heat table" in english and "Fake investment" in english
    assert console(service, "bank_icbc").get("/dashboard").status_code == 403


def test_dispatch_then_the_unit_accepts_and_delivers(service: Service) -> None:
    seed_city(service)
    duty = console(service, "duty")
    dispatched = duty.post("/dashboard/dispatch").text
    assert re.search(rf'<tr data-order="1" class="">\s*<td>1</td><td>{DISTRICT_A}</td>', dispatched)
    assert "已派单" in dispatched and 'id="dispatch"' in dispatched
    unit_b = console(service, "unit_b")
    assert 'data-order="1"' not in unit_b.get("/dashboard").text
    assert unit_b.post("/awareness/1/accept").status_code == 404
    unit_a = console(service, "unit_a")
    refused = unit_a.post("/awareness/1/deliver", data={"audience": "50", "venue": "社区"})
    assert refused.status_code == 409 and "该工单不可执行此操作" in refused.text
    accepted = unit_a.post("/awareness/1/accept").text
    assert "已接单" in accepted and 'id="dispatch"' not in accepted  # units do not dispatch
    done = unit_a.post("/awareness/1/deliver", data={"audience": "150", "venue": "青山湖社区"}).text
    assert "150 · 青山湖社区" in done and "已宣讲" in done
    assert re.search(r"已完成 1 · 已超时 0 · 听众人数 150", done)

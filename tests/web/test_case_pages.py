"""The case pages over HTTP: list, graph data, one-click stop-pay, hold actions, both languages."""

from __future__ import annotations

import json
import re

from fanzha.web.fund_flow_view import script_json
from tests.api.case_ledger import CASE, MULE_1, MULE_2, seed_case
from tests.api.service import Service, warning_row
from tests.web.console import console


def _graph(page: str) -> list[dict[str, object]]:
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page)
    assert found is not None
    elements: list[dict[str, object]] = json.loads(found.group(1))
    return elements


def test_case_page_draws_the_graph_and_one_click_sends_the_requests(service: Service) -> None:
    seed_case(service)
    client = console(service, "stoppay")
    listed = client.get("/cases").text
    assert f'href="/cases/{CASE}"' in listed and "50000.00" in listed and "未分类" in listed
    page = client.get(f"/cases/{CASE}").text
    assert "一键止付" in page and "/static/vendor/cytoscape-3.35.0.min.js" in page
    assert 'hx-trigger="every 2s"' not in page  # nothing awaits an answer: no polling
    elements = _graph(page)
    nodes = {
        e["data"]["account"]: e
        for e in elements
        if e["group"] == "nodes" and "account" in e["data"]
    }  # type: ignore[index]
    assert nodes[MULE_1]["position"] == {"x": 240, "y": 0}  # hop 1 column
    assert nodes[MULE_2]["position"]["x"] == 480  # type: ignore[index]
    labels = {e["data"]["label"] for e in elements if e["group"] == "edges"}  # type: ignore[index]
    assert {"¥50,000.00", "¥30,000.00", "¥15,000.00", "¥5,000.00"} <= labels

    fragment = client.post(f"/cases/{CASE}/stop-pay").text
    assert fragment.count('data-state="requested"') == 3 and "已发送" in fragment
    assert 'hx-trigger="every 2s"' in fragment  # polls for the banks' answers
    answer = {"result": "held", "held": "20000.00"}
    service.client.post(
        f"/api/stop-requests/{CASE}-S001/answer", json=answer, headers=service.headers("bank_icbc")
    )
    again = client.get(f"/cases/{CASE}").text
    assert 'data-state="stopped"' in again and '<dd id="money-held">20000.00</dd>' in again
    held_nodes = [e for e in _graph(again) if "held" in str(e.get("classes", ""))]
    assert [n["data"]["account"] for n in held_nodes] == [MULE_1]  # type: ignore[index]

    refused = client.post(
        f"/cases/{CASE}/requests/{CASE}-S001/hold", data={"action": "return", "amount": "90000.00"}
    )
    assert "按规定不可执行该操作" in refused.text
    returned = client.post(
        f"/cases/{CASE}/requests/{CASE}-S001/hold", data={"action": "return", "amount": "20000.00"}
    )
    assert '<dd id="money-returned">20000.00</dd>' in returned.text


def test_case_pages_mask_and_refuse_by_role(service: Service) -> None:
    seed_case(service)
    duty = console(service, "duty", "en")
    page = duty.get(f"/cases/{CASE}").text
    assert "One-click stop-payment" not in page  # duty officers do not stop payments
    assert MULE_1 not in page and "6222***********0011" in page
    assert duty.post(f"/cases/{CASE}/stop-pay").status_code == 403
    bank = console(service, "bank_icbc")
    assert bank.get(f"/cases/{CASE}").status_code == 403
    assert console(service, "stoppay").get("/cases/CR404").status_code == 404


def test_an_officer_enters_a_report_and_sets_its_typology(service: Service) -> None:
    duty = console(service, "duty")
    report = {
        "report_id": "R7",
        "ts": "2026-03-01T12:00:00+08:00",
        "person_id": "P2",
        "paid_to": "6217000000000000001",
        "claimed_amount": "0.50",
        "scam_type": "romance",
    }
    bad = duty.post("/cases", data={**report, "ts": "2026-02-30T12:00:00+08:00"})
    assert bad.status_code == 422 and "ts:" in bad.text and 'value="R7"' in bad.text
    made = duty.post("/cases", data=report, follow_redirects=False)
    assert (made.status_code, made.headers["location"]) == (303, "/cases/CR7")
    page = duty.get("/cases/CR7").text
    assert "婚恋交友" in page and "360111" in page
    duty.post("/cases/CR7/scam-type", data={"scam_type": "shopping"})
    assert "虚假购物" in duty.get("/cases/CR7").text
    stoppay = console(service, "stoppay")
    assert "虚假网络贷款" in stoppay.post("/cases/CR7/scam-type", data={"scam_type": "loan"}).text
    assert duty.post("/cases/CR7/scam-type", data={"scam_type": "nonsense"}).status_code == 422
    bank = console(service, "bank_icbc")
    assert bank.post("/cases", data=report).status_code == 403


def test_a_warning_that_ended_in_a_loss_leads_to_the_report_form(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    unit = console(service, "unit_a")
    unit.post("/warnings/W1/outcome", data={"outcome": "already_lost", "note": "已转账"})
    assert 'id="open-case"' not in unit.get("/warnings/W1").text  # units do not open cases
    duty = console(service, "duty")
    page = duty.get("/warnings/W1").text
    assert 'href="/cases?person_id=P1"' in page
    form = duty.get("/cases?person_id=P1").text
    assert '<details class="new-case" id="new-case" open>' in form
    assert 'name="person_id" required value="P1"' in form


def test_graph_data_cannot_end_its_script_element() -> None:
    hostile = [{"data": {"bank": "</script><script>alert(1)</script>", "label": "A & B"}}]
    embedded = script_json(hostile)
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert json.loads(embedded) == hostile

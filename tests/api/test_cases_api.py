"""Cases and one-click stop-payment: reports open cases, the engine's proposals go to the banks,
banks answer, holds are renewed, frozen and returned by the rules; roles and audit hold."""

from __future__ import annotations

import polars as pl
from sqlalchemy import select

from fanzha.api.escalation_loop import expire_holds_once
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import AuditEntry
from fanzha.store.stop_requests_usecase import requests_of_case
from tests.api.case_ledger import CASE, MULE_1, MULE_2, MULE_3, REPORT_TS, seed_case
from tests.api.service import Service, stop_row

HOUR = 3600


def _stop_pay(service: Service) -> dict[str, object]:
    answer = service.client.post(f"/api/cases/{CASE}/stop-pay", headers=service.headers("stoppay"))
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


def test_an_ingested_report_opens_a_case_and_one_click_sends_the_traced_requests(
    service: Service,
) -> None:
    seed_case(service)
    officer = service.headers("stoppay")
    listed = service.client.get("/api/cases", headers=officer).json()
    assert [(c["case_id"], c["district"], c["reported"], c["held"]) for c in listed] == [
        (CASE, "360102", 5_000_000, 0)
    ]
    body = _stop_pay(service)
    sent = body["sent"]
    assert isinstance(sent, list)
    assert [(r["account_id"], r["bank"], r["hop"], r["amount"], r["state"]) for r in sent] == [
        (MULE_1, "ICBC", 1, 5_000_000, "requested"),
        (MULE_2, "CCB", 2, 3_000_000, "requested"),
        (MULE_3, "ABC", 2, 1_500_000, "requested"),
    ]
    assert all(r["ts"] == REPORT_TS + 60 and r["case_id"] == CASE for r in sent)
    again = _stop_pay(service)  # nothing new in the ledger: nothing new to send
    assert (again["sent"], again["already_requested"]) == ([], 3)

    detail = service.client.get(f"/api/cases/{CASE}", headers=officer).json()
    flow = detail["fund_flow"]
    assert flow["paid"] == "50000.00" and flow["cashed_out"] == "5000.00"
    assert {e["to_account"] for e in flow["edges"]} >= {MULE_1, MULE_2, MULE_3}
    assert len(detail["requests"]) == 3


def test_bank_answers_then_renewals_freeze_and_return_follow_the_rules(service: Service) -> None:
    seed_case(service)
    sent = _stop_pay(service)["sent"]
    assert isinstance(sent, list)
    first, second, third = (r["request_id"] for r in sent)
    service.clock.now += 60
    icbc = service.headers("bank_icbc")
    assert (
        service.client.post(
            f"/api/stop-requests/{second}/answer", json={"result": "held"}, headers=icbc
        ).status_code
        == 404
    )  # CCB's request: ICBC cannot see it
    held = service.client.post(
        f"/api/stop-requests/{first}/answer",
        json={"result": "held", "held": "5000.00", "balance": "5000.00"},
        headers=icbc,
    ).json()
    assert (held["state"], held["held"]) == ("stopped", 500_000)
    figures = service.client.get("/api/statistics", headers=service.headers("stoppay")).json()
    assert figures["stop_speed"] == {
        "cases": 1,
        "requested": 1,
        "held": 1,
        "median_s_to_request": 60.0,  # the one click, a minute after the report
        "median_s_to_hold": 120.0,
        "requested_within_30_min": 1.0,
    }
    gone = service.client.post(
        f"/api/stop-requests/{third}/answer",
        json={"result": "already_gone", "failure_reason": "balance 0"},
        headers=service.headers("admin"),
    )
    assert gone.status_code == 403  # only a bank answers

    def act(request_id: str, **body: str) -> tuple[int, dict[str, object]]:
        """As the officer on duty at the clock's time (a login lasts 8 hours)."""
        answer = service.client.post(
            f"/api/stop-requests/{request_id}/hold", json=body, headers=service.headers("stoppay")
        )
        return answer.status_code, answer.json()

    answered_at = service.clock.now
    for renewal in (1, 2):
        service.clock.now += 40 * HOUR
        code, renewed = act(first, action="renew")
        assert code == 200 and renewed["stop_renewals"] == renewal
        assert renewed["until"] == answered_at + (renewal + 1) * 48 * HOUR
    code, refused = act(first, action="renew")
    assert code == 409 and "at most 2 times" in str(refused["detail"])
    code, frozen = act(first, action="freeze")
    assert (code, frozen["state"]) == (200, "frozen")
    code, too_much = act(first, action="return", amount="6000.00")
    assert code == 409 and "can return 1..500000 fen" in str(too_much["detail"])
    code, returned = act(first, action="return", amount="5000.00")
    assert (code, returned["state"], returned["returned"]) == (200, "returned", 500_000)

    officer = service.headers("stoppay")
    case = service.client.get("/api/cases", headers=officer).json()[0]
    assert (case["reported"], case["held"], case["returned"]) == (5_000_000, 0, 500_000)
    bank_view = service.client.get("/api/stop-requests", headers=service.headers("bank_icbc"))
    assert [r["request_id"] for r in bank_view.json()] == [first]


def test_an_unrenewed_stop_expires_after_48_hours(service: Service) -> None:
    seed_case(service)
    sent = _stop_pay(service)["sent"]
    assert isinstance(sent, list)
    first = sent[0]["request_id"]
    service.client.post(
        f"/api/stop-requests/{first}/answer",
        json={"result": "held", "held": "50000.00"},
        headers=service.headers("bank_icbc"),
    )
    service.clock.now += 48 * HOUR - 1
    assert expire_holds_once(service.services) == 0  # the last second of the stop
    service.clock.now += 1
    assert expire_holds_once(service.services) == 1  # the service's background round
    officer = service.headers("stoppay")
    assert service.client.get("/api/cases", headers=officer).json()[0]["held"] == 0
    states = service.client.get("/api/stop-requests", headers=officer).json()
    assert [r["state"] for r in states if r["request_id"] == first] == ["expired"]
    late = service.client.post(
        f"/api/stop-requests/{first}/hold", json={"action": "renew"}, headers=officer
    )
    assert late.status_code == 409 and "expired" in late.json()["detail"]


def test_a_click_that_would_reuse_a_request_id_sends_nothing(service: Service) -> None:
    seed_case(service)
    taken = {**stop_row(f"{CASE}-S002", MULE_2), "ts": "2026-03-01T11:00:30+08:00"}
    service.stop(taken)  # an id sent by hand, outside the case
    answer = service.client.post(f"/api/cases/{CASE}/stop-pay", headers=service.headers("stoppay"))
    assert answer.status_code == 409 and "nothing was sent" in answer.json()["detail"]
    with service.services.database.session() as session:
        assert [r.request_id for r in requests_of_case(session, CASE)] == []


def test_reports_stored_without_a_case_are_opened_and_counted(service: Service) -> None:
    report = pl.DataFrame(
        {
            "report_id": ["R9", "R8"],
            "ts": [REPORT_TS, REPORT_TS],
            "person_id": ["P1", "P404"],  # P404's district is not stored
            "paid_to": [[MULE_1], [MULE_1]],
            "claimed_amount": [100, 200],
        }
    )
    with service.services.database.session() as session:
        store_records(session, "reports", report)
    duty = service.headers("duty")
    opened = service.client.post("/api/cases/open-reported", headers=duty).json()
    assert opened == {"opened": 2}
    assert service.client.post("/api/cases/open-reported", headers=duty).json() == {"opened": 0}
    cases = service.client.get("/api/cases", headers=duty).json()
    assert sorted((c["case_id"], c["district"]) for c in cases) == [
        ("CR8", "unknown"),
        ("CR9", "360102"),
    ]


def test_officers_open_cases_and_roles_are_enforced_and_audited(service: Service) -> None:
    seed_case(service)
    duty = service.headers("duty")
    report = {
        "report_id": "R2",
        "ts": "2026-03-01T12:00:00+08:00",
        "person_id": "P2",
        "paid_to": "6217000000000000001",
        "claimed_amount": "800.00",
    }
    made = service.client.post(
        "/api/cases", json={"report": report, "scam_type": "rebate"}, headers=duty
    )
    assert made.status_code == 201, made.text
    assert (made.json()["case_id"], made.json()["district"]) == ("CR2", "360111")
    bad = service.client.post(
        "/api/cases", json={"report": {**report, "claimed_amount": "0.00"}}, headers=duty
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "claimed_amount"
    assert service.client.post(f"/api/cases/{CASE}/stop-pay", headers=duty).status_code == 403
    for user in ("bank_icbc", "unit_a"):
        assert service.client.get("/api/cases", headers=service.headers(user)).status_code == 403
    assert service.client.get("/api/cases/CR9", headers=duty).status_code == 404
    # The stop-payment officer does not need the victim's id: it is masked.
    seen = service.client.get("/api/cases/CR2", headers=service.headers("stoppay")).json()
    assert seen["case"]["person_id"] == "**"  # "P2" is too short to show any of it
    _stop_pay(service)
    with service.services.database.session() as session:
        actions = {
            (e.username, e.action, e.subject_id)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.subject_kind == "case"))
        }
    assert {("duty", "open_case", "CR2"), ("stoppay", "read_case", "CR2")} <= actions
    assert ("stoppay", "stop_pay", CASE) in actions

"""The stop-payment desk: requests go to the account's bank, which sees and answers only its own."""

from __future__ import annotations

from tests.api.service import Service, stop_row

ICBC_ACCOUNT = "6222020200112233445"
CCB_ACCOUNT = "6217000000000000001"
HOUR = 3600


def test_requests_are_routed_to_the_banks_and_unknown_accounts_refused(service: Service) -> None:
    body = service.stop(
        stop_row("S1", ICBC_ACCOUNT), stop_row("S2", CCB_ACCOUNT), stop_row("S3", "999")
    )
    assert (body["stored"], body["duplicates"]) == (2, 0)
    assert body["rejected"] == [
        {"row": 2, "field": "account_id", "reason": "unknown account '999'"}
    ]
    again = service.stop(stop_row("S1", ICBC_ACCOUNT))
    assert (again["stored"], again["duplicates"]) == (0, 1)

    icbc = service.client.get("/api/stop-requests", headers=service.headers("bank_icbc")).json()
    officer = service.client.get("/api/stop-requests", headers=service.headers("stoppay")).json()
    assert [(r["request_id"], r["bank"], r["account_id"]) for r in icbc] == [
        ("S1", "ICBC", ICBC_ACCOUNT)
    ]
    assert sorted(r["request_id"] for r in officer) == ["S1", "S2"]
    assert (
        service.client.get("/api/stop-requests", headers=service.headers("unit_a")).status_code
        == 403
    )


def test_a_bank_answers_only_its_own_requests_once(service: Service) -> None:
    service.stop(stop_row("S1", ICBC_ACCOUNT), stop_row("S2", CCB_ACCOUNT))
    bank = service.headers("bank_icbc")
    service.clock.now = 1_772_337_720  # 2026-03-01T12:02:00+08:00, a minute after the request
    other = service.client.post(
        "/api/stop-requests/S2/answer", json={"result": "held"}, headers=bank
    )
    assert other.status_code == 404
    held = service.client.post(
        "/api/stop-requests/S1/answer",
        json={"result": "held", "held": "60000.00", "balance": "61234.50", "card_number": "6222"},
        headers=bank,
    )
    assert held.status_code == 200, held.text
    answered = held.json()
    # The bank cannot hold more than was asked for; a stop lasts 48 hours.
    assert (answered["state"], answered["held"]) == ("stopped", 5_000_000)
    assert answered["until"] == service.clock.now + 48 * HOUR
    twice = service.client.post(
        "/api/stop-requests/S1/answer", json={"result": "held"}, headers=bank
    )
    assert twice.status_code == 409
    officer = service.client.post(
        "/api/stop-requests/S2/answer", json={"result": "held"}, headers=service.headers("stoppay")
    )
    assert officer.status_code == 403

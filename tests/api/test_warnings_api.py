"""Warnings over HTTP: submit, board by district, steps, outcome, accuracy, export."""

from __future__ import annotations

from tests.api.service import T0, Service, warning_row


def test_submitted_warnings_are_routed_and_unknown_persons_rejected(service: Service) -> None:
    body = service.warn(
        warning_row("W1", "P1", 1),
        warning_row("W2", "P2", 2),
        warning_row("W3", "P404", 1),
        {**warning_row("W4", "P1", 1), "tier": "4"},
    )
    assert (body["stored"], body["duplicates"]) == (2, 0)
    assert body["rejected"] == [
        {"row": 2, "field": "person_id", "reason": "unknown person 'P404'"},
        {"row": 3, "field": "tier", "reason": "Input should be '1', '2' or '3': '4'"},
    ]
    unit_a = service.client.get("/api/warnings/board", headers=service.headers("unit_a")).json()
    duty = service.client.get("/api/warnings/board", headers=service.headers("duty")).json()
    assert [w["warning_id"] for w in unit_a["1"]] == ["W1"] and unit_a["2"] == []
    assert [w["warning_id"] for w in duty["2"]] == ["W2"]
    assert duty["1"][0]["seconds_left"] == 1800
    assert (
        service.client.get("/api/warnings/W2", headers=service.headers("unit_a")).status_code == 404
    )


def test_unit_works_a_warning_to_its_outcome(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1), warning_row("W2", "P2", 2))
    unit = service.headers("unit_a")
    service.clock.now = T0 + 120
    signed = service.client.post(
        "/api/warnings/W1/steps", json={"step": "signed_for"}, headers=unit
    )
    assert signed.status_code == 200 and signed.json()["state"] == "signed_for"
    met = service.client.post(
        "/api/warnings/W1/steps", json={"step": "met", "note": "at the bank counter"}, headers=unit
    )
    assert met.json()["met_at"] == T0 + 120
    back = service.client.post("/api/warnings/W1/steps", json={"step": "called"}, headers=unit)
    assert back.status_code == 409
    outcome = service.client.post(
        "/api/warnings/W1/outcome", json={"outcome": "dissuaded", "note": "50k kept"}, headers=unit
    )
    assert outcome.json()["outcome"] == "dissuaded"
    assert [s["step"] for s in outcome.json()["steps"]] == ["signed_for", "met", "feedback"]
    twice = service.client.post(
        "/api/warnings/W1/outcome", json={"outcome": "refused"}, headers=unit
    )
    assert twice.status_code == 409
    other = service.client.post(
        "/api/warnings/W2/outcome", json={"outcome": "dissuaded"}, headers=unit
    )
    assert other.status_code == 404

    duty = service.headers("duty")
    service.clock.now = T0 + 3600
    board = service.client.get("/api/warnings/board", headers=duty).json()
    assert board["1"] == [] and board["2"][0]["escalated"] is True
    service.client.post("/api/warnings/W2/outcome", json={"outcome": "false_alarm"}, headers=duty)
    figures = service.client.get("/api/warnings/accuracy", headers=duty).json()
    assert (figures["contacted"], figures["confirmed"], figures["accuracy"]) == (2, 1, 0.5)
    export = service.client.get("/api/warnings/outcomes.csv", headers=duty)
    assert export.headers["content-type"].startswith("text/csv")
    assert [line.split(",")[-1] for line in export.text.splitlines()[1:]] == ["1", "0"]


def test_roles_are_enforced(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    bank = service.headers("bank_icbc")
    investigator = service.headers("investigator")
    assert service.client.get("/api/warnings/board", headers=bank).status_code == 403
    assert service.client.get("/api/warnings/W1", headers=investigator).status_code == 200
    step = service.client.post(
        "/api/warnings/W1/steps", json={"step": "called"}, headers=investigator
    )
    assert step.status_code == 403
    unit_submit = service.client.post(
        "/api/warnings",
        json={"rows": [warning_row("W9", "P1", 1)]},
        headers=service.headers("unit_a"),
    )
    assert unit_submit.status_code == 403
    bad_step = service.client.post(
        "/api/warnings/W1/steps", json={"step": "feedback"}, headers=service.headers("unit_a")
    )
    assert bad_step.status_code == 422

"""A small city for the figures: 11 residents in district A, 11 in B, 20 in C; four cases in A
(three of them fake investment), one in B; warnings with outcomes in A and B."""

from __future__ import annotations

from tests.api.service import DISTRICT_A, DISTRICT_B, T0, Service, warning_row

DISTRICT_C = "360103"
DAY = 86_400


def _persons() -> list[dict[str, str]]:
    spread = [(DISTRICT_A, 10), (DISTRICT_B, 10), (DISTRICT_C, 20)]
    return [
        {"person_id": f"Q{district}{i:02d}", "district": district, "birth_year": "1990", "sex": "F"}
        for district, count in spread
        for i in range(count)
    ]


def _report(report_id: str, person_id: str, day: int, amount: str) -> dict[str, str]:
    return {
        "report_id": report_id,
        "ts": f"2026-03-0{day}T10:00:00+08:00",
        "person_id": person_id,
        "paid_to": "6217000000000000001",
        "claimed_amount": amount,
    }


CASES = [
    (_report("R1", "P1", 1, "1000.00"), "investment"),
    (_report("R2", f"Q{DISTRICT_A}00", 1, "2000.00"), "investment"),
    (_report("R3", f"Q{DISTRICT_A}01", 2, "3000.00"), "investment"),
    (_report("R4", f"Q{DISTRICT_A}02", 2, "400.00"), "rebate"),
    (_report("R5", "P2", 2, "5000.00"), "police"),
]


def seed_city(service: Service) -> None:
    """Persons, five cases (opened by the duty officer), three warnings, two outcomes."""
    admin, duty = service.headers("admin"), service.headers("duty")
    stored = service.client.post("/api/ingest/persons", json={"rows": _persons()}, headers=admin)
    assert stored.json()["stored"] == 40, stored.text
    for report, scam_type in CASES:
        made = service.client.post(
            "/api/cases", json={"report": report, "scam_type": scam_type}, headers=duty
        )
        assert made.status_code == 201, made.text
    service.warn(
        warning_row("W1", "P1", 1),
        warning_row("W2", "P2", 2),
        warning_row("W3", "P1", 3, T0 + DAY),
    )
    for warning_id, user, outcome in (
        ("W1", "unit_a", "dissuaded"),
        ("W2", "unit_b", "false_alarm"),
    ):
        answer = service.client.post(
            f"/api/warnings/{warning_id}/outcome",
            json={"outcome": outcome},
            headers=service.headers(user),
        )
        assert answer.status_code == 200, answer.text
    service.clock.now = T0 + 2 * DAY

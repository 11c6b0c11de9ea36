"""The console and the API do an officer's work through one code path: the same action leaves
the same audit entry whichever of the two it came through."""

from __future__ import annotations

from sqlalchemy import select

from fanzha.store.service_tables import AuditEntry
from tests.api.case_ledger import CASE, seed_case
from tests.api.service import Service, warning_row
from tests.web.console import console


def _audited_since(service: Service, last_id: int) -> list[tuple[str, str, str, str]]:
    """(username, action, kind, detail) of the entries after `last_id`, reads and logins aside."""
    with service.services.database.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id)
        )
        return [
            (e.username, e.action, e.subject_kind, e.detail)
            for e in entries
            if e.action not in {"login", "read_warnings", "read_statistics"}
        ]


def _last_id(service: Service) -> int:
    with service.services.database.session() as session:
        return max(session.scalars(select(AuditEntry.id)), default=0)


def test_working_a_warning_is_audited_alike_from_the_console_and_the_api(
    service: Service,
) -> None:
    service.warn(warning_row("W1", "P1", 1), warning_row("W2", "P1", 1))
    start = _last_id(service)
    unit = console(service, "unit_a")
    assert unit.get("/warnings/W1").status_code == 200
    assert unit.post("/warnings/W1/steps", data={"step": "called"}).status_code == 200
    assert unit.post("/warnings/W1/outcome", data={"outcome": "dissuaded"}).status_code == 200
    by_console = _audited_since(service, start)
    middle = _last_id(service)
    headers = service.headers("unit_a")
    api = service.client
    assert api.get("/api/warnings/W2", headers=headers).status_code == 200
    assert api.post("/api/warnings/W2/steps", json={"step": "called"}, headers=headers).is_success
    assert api.post(
        "/api/warnings/W2/outcome", json={"outcome": "dissuaded"}, headers=headers
    ).is_success
    by_api = _audited_since(service, middle)
    # Each write is followed by a read of the warning: its page, or the API's answer.
    assert by_console == by_api
    assert [a for _, a, _, _ in by_api] == [
        "read_person",
        "called",
        "read_person",
        "outcome",
        "read_person",
    ]
    assert by_api[-2] == ("unit_a", "outcome", "warning", "dissuaded")


def test_reading_and_classifying_a_case_is_audited_alike_from_the_console_and_the_api(
    service: Service,
) -> None:
    seed_case(service)
    start = _last_id(service)
    duty = console(service, "duty")
    assert duty.get(f"/cases/{CASE}").status_code == 200
    classified = duty.post(f"/cases/{CASE}/scam-type", data={"scam_type": "police"})
    assert classified.status_code == 200
    by_console = _audited_since(service, start)
    middle = _last_id(service)
    headers = service.headers("duty")
    assert service.client.get(f"/api/cases/{CASE}", headers=headers).status_code == 200
    patched = service.client.patch(
        f"/api/cases/{CASE}", json={"scam_type": "police"}, headers=headers
    )
    assert patched.status_code == 200
    by_api = _audited_since(service, middle)
    assert (
        by_console[:2]
        == by_api
        == [
            ("duty", "read_case", "case", ""),
            ("duty", "set_scam_type", "case", "police"),
        ]
    )

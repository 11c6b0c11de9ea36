"""The running service escalates overdue warnings by itself, with nobody looking at the board."""

from __future__ import annotations

import time

import polars as pl
from fastapi.testclient import TestClient
from sqlalchemy import select

from fanzha.api.app import create_app
from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import AuditEntry, WarningRecord
from fanzha.warn.receive_usecase import receive_warnings
from fanzha.warn.workflow import WarnPolicy
from tests.api.service import T0, Clock


def test_overdue_warning_is_escalated_in_the_background(database_url: str) -> None:
    clock = Clock(T0)
    settings = ServiceSettings(
        database_url=database_url, escalation_interval_s=0.05, live_interval_s=0
    )
    with TestClient(create_app(settings, clock)) as client:
        services: Services = client.app.state.services  # type: ignore[attr-defined]
        with services.database.session() as session:
            persons = {"person_id": ["P1"], "district": ["D1"], "birth_year": [1980], "sex": ["M"]}
            store_records(session, "persons", pl.DataFrame(persons))
            warning = {
                "warning_id": ["W1"],
                "ts": [T0],
                "person_id": ["P1"],
                "tier": ["2"],
                "score": [0.8],
                "reasons": ["x"],
            }
            receive_warnings(session, pl.DataFrame(warning), WarnPolicy(), T0)
        clock.now = T0 + 601
        deadline = time.monotonic() + 10
        escalated_at = None
        while escalated_at is None and time.monotonic() < deadline:
            time.sleep(0.05)
            with services.database.session() as session:
                escalated_at = session.scalars(select(WarningRecord.escalated_at)).one()
        with services.database.session() as session:
            entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "escalate")).one()
    assert escalated_at == T0 + 601
    assert (entry.username, entry.detail) == ("system", "W1")

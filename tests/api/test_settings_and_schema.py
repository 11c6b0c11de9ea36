"""Deployment settings come from FANZHA_* variables; the OpenAPI document lists the API."""

from __future__ import annotations

import pytest

from fanzha.api.settings import ServiceSettings
from fanzha.warn.workflow import Step
from tests.api.service import Service


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FANZHA_DATABASE_URL", "postgresql+psycopg://u:p@db/fanzha")
    monkeypatch.setenv("FANZHA_TIER1_DEADLINE_S", "900")
    settings = ServiceSettings()
    policy = settings.warn_policy()
    assert settings.database_url == "postgresql+psycopg://u:p@db/fanzha"
    assert (policy.tier1.due_step, policy.tier1.deadline_s) == (Step.MET, 900)
    assert (policy.tier2.due_step, policy.tier2.deadline_s) == (Step.CALLED, 600)
    assert settings.secure_cookies is True


def test_openapi_lists_the_endpoints(service: Service) -> None:
    paths = service.client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/ingest/{table}",
        "/api/warnings",
        "/api/warnings/board",
        "/api/warnings/{warning_id}/outcome",
        "/api/lists/{kind}/import",
        "/api/stop-requests/{request_id}/answer",
    ):
        assert path in paths
    assert "/board" not in paths  # console pages are not API

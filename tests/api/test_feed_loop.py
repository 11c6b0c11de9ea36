"""A dataset fed into the running service at accelerated time reaches the duty board through
the live engine, as `fanzha serve --feed` (the demo) runs it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fanzha.api.app import create_app
from fanzha.api.demo_logins import create_demo_logins
from fanzha.api.feed_loop import AcceleratedClock, Feed
from fanzha.api.roles import Role
from fanzha.api.services import wall_clock
from fanzha.api.settings import ServiceSettings
from fanzha.io.dataset import Dataset
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.store.database import Database
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.service_tables import WarningRecord


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feed") / "city"
    simulate(SimConfig.profile("high_fraud").with_overrides(persons=1200, days=2, seed=91), root)
    return root


def test_a_fed_city_reaches_the_board_live(city: Path, database_url: str) -> None:
    data = Dataset(city)
    settings = ServiceSettings(
        database_url=database_url,
        secure_cookies=False,
        escalation_interval_s=0,
        live_interval_s=0.3,
        live_backfill_s=10**9,
    )
    clock = AcceleratedClock(data.meta.start + 6 * 3600, speed=40_000)
    store = Database(database_url)
    store.migrate()
    with store.session() as session:
        logins = {login.role: login for login in create_demo_logins(session, data, clock())}
    store.dispose()
    app = create_app(settings, clock, Feed(data, step_s=600), session_clock=wall_clock)
    with TestClient(app) as client:
        duty = logins[Role.DUTY_OFFICER]
        answer = client.post(
            "/api/login", json={"username": duty.username, "password": duty.password}
        )
        headers = {"Authorization": f"Bearer {answer.json()['token']}"}
        services = app.state.services
        deadline = time.monotonic() + 60
        warnings = 0
        while time.monotonic() < deadline and clock() < data.meta.end + 3600:
            time.sleep(0.5)
        while time.monotonic() < deadline and warnings == 0:
            board = client.get("/api/warnings/board", headers=headers).json()
            warnings = sum(len(items) for items in board.values())
            time.sleep(0.3)
        with services.database.session() as session:
            stored = session.scalar(select(func.count()).select_from(DATASET_TABLES["calls"]))
            decided = session.scalar(select(func.count()).select_from(WarningRecord))
        first = next(items[0] for items in board.values() if items)
        page = client.get(f"/warnings/{first['warning_id']}", headers=headers).text
        accounts = client.get("/api/flags", params={"kind": "account"}, headers=headers).json()
        lists_page = client.get("/lists", headers=headers).text
    assert stored == data.table("calls").height
    assert warnings > 0 and decided is not None and decided >= warnings
    assert 'class="signals contacts"' in page  # the briefing: the person's recent calls
    assert accounts and all("*" in flag["value"] for flag in accounts)  # masked for duty
    assert 'id="engine-flags"' in lists_page and accounts[0]["value"] in lists_page


def test_demo_logins_cover_every_role_with_a_scope(city: Path, database_url: str) -> None:
    data = Dataset(city)
    store = Database(database_url)
    store.migrate()
    with store.session() as session:
        logins = create_demo_logins(session, data, data.meta.start)
    store.dispose()
    assert {login.role for login in logins} == set(Role)
    scopes = {login.role: login.scope for login in logins}
    assert scopes[Role.DISTRICT_UNIT] in set(data.table("persons")["district"])
    assert scopes[Role.BANK_PARTNER] in set(data.table("accounts")["bank"])
    assert len({login.password for login in logins}) == len(logins)

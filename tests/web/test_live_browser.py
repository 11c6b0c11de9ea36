"""The demo's journey in real headless chromium: a city fed into the running service at
accelerated time, the live engine puts a warning on the board, the duty officer opens it, reads
the person's recent signals and records the outcome."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, expect

from fanzha.api.app import create_app
from fanzha.api.demo_logins import DemoLogin, create_demo_logins
from fanzha.api.feed_loop import AcceleratedClock, Feed
from fanzha.api.roles import Role
from fanzha.api.services import wall_clock
from fanzha.api.settings import ServiceSettings
from fanzha.bench.local_port import free_port
from fanzha.io.dataset import Dataset
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.store.database import Database
from tests.web.live_server import browser

__all__ = ["browser"]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[str, DemoLogin]]:
    """`fanzha serve --feed CITY --demo-logins` on a free port: its URL and the duty login."""
    root = tmp_path / "city"
    simulate(SimConfig.profile("high_fraud").with_overrides(persons=1200, days=2, seed=91), root)
    data = Dataset(root)
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    clock = AcceleratedClock(data.meta.start + 12 * 3600, speed=3000)
    store = Database(url)
    store.migrate()
    with store.session() as session:
        logins = {login.role: login for login in create_demo_logins(session, data, clock())}
    store.dispose()
    settings = ServiceSettings(
        database_url=url, secure_cookies=False, live_interval_s=0.5, live_backfill_s=10**9
    )
    app = create_app(settings, clock, Feed(data, step_s=600), session_clock=wall_clock)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", logins[Role.DUTY_OFFICER]
    server.should_exit = True
    thread.join(timeout=20)


def test_a_live_warning_is_worked_from_the_board(
    demo: tuple[str, DemoLogin], browser: Browser
) -> None:
    url, duty = demo
    page = browser.new_page()
    try:
        page.goto(f"{url}/login")
        page.fill("input[name=username]", duty.username)
        page.fill("input[name=password]", duty.password)
        page.click("button[type=submit]")
        rows = page.locator("tr[data-warning]")
        deadline = time.monotonic() + 60
        while rows.count() == 0:
            assert time.monotonic() < deadline, "no warning reached the board within 60 s"
            time.sleep(1)
            page.reload()
        warning_id = rows.first.get_attribute("data-warning")
        assert warning_id is not None and warning_id.startswith("W")
        rows.first.locator("a").click()
        expect(page.locator("h1")).to_contain_text(warning_id)
        expect(page.locator("#signals table.contacts tbody tr").first).to_be_visible()
        page.select_option("select[name=outcome]", "dissuaded")
        page.fill("textarea[name=note]", "电话劝阻成功")
        page.click("#record-outcome")
        expect(page.locator("#outcome")).to_have_text("劝阻成功 — 电话劝阻成功")
    finally:
        page.close()

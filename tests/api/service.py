"""A running service for tests: TestClient, a clock the test moves, seeded users and persons.

Users get a cheap scrypt hash (the cost is stored with each hash) so logins stay fast;
the production cost is tested in test_passwords.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.api.passwords import hash_password
from fanzha.api.roles import Role
from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.store.service_tables import User

PASSWORD = "correct horse battery"
T0 = 1_772_327_702  # 2026-03-01T09:15:02+08:00
DISTRICT_A = "360102"
DISTRICT_B = "360111"

#: username -> (role, district, bank)
USERS: dict[str, tuple[Role, str | None, str | None]] = {
    "duty": (Role.DUTY_OFFICER, None, None),
    "unit_a": (Role.DISTRICT_UNIT, DISTRICT_A, None),
    "unit_b": (Role.DISTRICT_UNIT, DISTRICT_B, None),
    "admin": (Role.ADMIN, None, None),
    "investigator": (Role.INVESTIGATOR, None, None),
    "bank_icbc": (Role.BANK_PARTNER, None, "ICBC"),
    "stoppay": (Role.STOPPAY_OFFICER, None, None),
}

PERSONS = [
    {"person_id": "P1", "district": DISTRICT_A, "birth_year": "1980", "sex": "M"},
    {"person_id": "P2", "district": DISTRICT_B, "birth_year": "1991", "sex": "F"},
]
PHONES = [
    {"number": "13907911234", "holder_person_id": "P1", "kind": "mobile", "activated_at": ""},
    {"number": "13807912222", "holder_person_id": "P2", "kind": "mobile", "activated_at": ""},
]

ACCOUNTS = [
    {
        "account_id": "6222020200112233445",
        "holder_person_id": "P1",
        "bank": "ICBC",
        "kind": "personal",
        "opened_at": "",
    },
    {
        "account_id": "6217000000000000001",
        "holder_person_id": "",
        "bank": "CCB",
        "kind": "personal",
        "opened_at": "",
    },
]


@cache
def cheap_hash() -> str:
    return hash_password(PASSWORD, n=2**10, r=8, p=1)


class Clock:
    """Integer UTC seconds that only move when the test says so."""

    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


@dataclass
class Service:
    client: TestClient
    clock: Clock

    @property
    def services(self) -> Services:
        found: Services = self.client.app.state.services  # type: ignore[attr-defined]
        return found

    def headers(self, username: str) -> dict[str, str]:
        answer = self.client.post("/api/login", json={"username": username, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['token']}"}

    def stop(self, *rows: dict[str, str]) -> dict[str, object]:
        answer = self.client.post(
            "/api/stop-requests", json={"rows": list(rows)}, headers=self.headers("stoppay")
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, object] = answer.json()
        return result

    def warn(self, *rows: dict[str, str]) -> dict[str, object]:
        answer = self.client.post(
            "/api/warnings", json={"rows": list(rows)}, headers=self.headers("duty")
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, object] = answer.json()
        return result


def warning_row(warning_id: str, person_id: str, tier: int, ts: int = T0) -> dict[str, str]:
    from datetime import UTC, datetime

    stamp = datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return {
        "warning_id": warning_id,
        "ts": stamp,
        "person_id": person_id,
        "tier": str(tier),
        "score": "0.9100",
        "reasons": "long_call_overseas;meeting_app",
    }


def stop_row(request_id: str, account_id: str, amount: str = "50000.00") -> dict[str, str]:
    return {
        "request_id": request_id,
        "ts": "2026-03-01T12:01:00+08:00",
        "report_id": "R1",
        "account_id": account_id,
        "amount": amount,
        "hop": "1",
    }


@pytest.fixture
def service(database_url: str) -> Iterator[Service]:
    """The app on a fresh database of each backend, seeded with users and two persons.

    The background escalation and live engine loops are off: tests run their rounds.
    """
    clock = Clock(T0)
    settings = ServiceSettings(
        database_url=database_url,
        secure_cookies=False,
        escalation_interval_s=0,
        live_interval_s=0,
    )
    with TestClient(create_app(settings, clock)) as client:
        svc = Service(client, clock)
        with svc.services.database.session() as session:
            for username, (role, district, bank) in USERS.items():
                session.add(
                    User(
                        username=username,
                        password_hash=cheap_hash(),
                        role=role.value,
                        district=district,
                        bank=bank,
                        active=True,
                        created_at=T0,
                    )
                )
        admin = svc.headers("admin")
        for table, rows in (("persons", PERSONS), ("phones", PHONES), ("accounts", ACCOUNTS)):
            answer = client.post(f"/api/ingest/{table}", json={"rows": rows}, headers=admin)
            assert answer.json()["stored"] == len(rows), answer.text
        yield svc

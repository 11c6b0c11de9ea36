"""Logins expire, tokens can be revoked, personal data is masked by role, everything is audited."""

from __future__ import annotations

from tests.api.service import PASSWORD, T0, Service, warning_row


def test_wrong_password_and_unknown_user_are_refused(service: Service) -> None:
    for username, password in (("duty", "wrong password!"), ("nobody", PASSWORD)):
        answer = service.client.post(
            "/api/login", json={"username": username, "password": password}
        )
        assert answer.status_code == 401


def test_tokens_expire_and_logout_revokes(service: Service) -> None:
    headers = service.headers("duty")
    assert service.client.get("/api/warnings/board", headers=headers).status_code == 200
    service.clock.now = T0 + service.services.settings.session_ttl_s
    assert service.client.get("/api/warnings/board", headers=headers).status_code == 401
    fresh = service.headers("duty")
    assert service.client.post("/api/logout", headers=fresh).status_code == 204
    assert service.client.get("/api/warnings/board", headers=fresh).status_code == 401


def test_phone_and_person_id_are_masked_for_roles_that_do_not_need_them(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    unit = service.client.get("/api/warnings/W1", headers=service.headers("unit_a")).json()
    admin = service.client.get("/api/warnings/W1", headers=service.headers("admin")).json()
    assert unit["person"]["phones"] == ["13907911234"]
    assert unit["person"]["person_id"] == "P1"
    assert admin["person"]["phones"] == ["139****1234"]
    assert admin["person"]["person_id"] == "**"


def test_reads_of_personal_data_and_actions_are_audited(service: Service) -> None:
    service.warn(warning_row("W1", "P1", 1))
    unit = service.headers("unit_a")
    service.client.get("/api/warnings/W1", headers=unit)
    service.client.post("/api/warnings/W1/steps", json={"step": "called"}, headers=unit)
    service.client.post("/api/login", json={"username": "duty", "password": "wrong password!"})
    assert service.client.get("/api/audit", headers=unit).status_code == 403
    entries = service.client.get("/api/audit", headers=service.headers("admin")).json()
    seen = [(e["username"], e["action"], e["subject_id"]) for e in entries]
    assert ("unit_a", "read_person", "W1") in seen
    assert ("unit_a", "called", "W1") in seen
    assert ("duty", "submit_warnings", "") in seen
    assert ("duty", "login_failed", "duty") in seen
    read = next(e for e in entries if e["action"] == "read_person")
    assert read["detail"] == "person P1" and read["role"] == "district_unit"


def test_admin_creates_users_with_their_scope(service: Service) -> None:
    admin = service.headers("admin")
    made = service.client.post(
        "/api/users",
        json={
            "username": "unit_c",
            "password": "long enough pw",
            "role": "district_unit",
            "district": "360103",
        },
        headers=admin,
    )
    assert made.status_code == 201 and made.json()["district"] == "360103"
    missing = service.client.post(
        "/api/users",
        json={"username": "bank_x", "password": "long enough pw", "role": "bank_partner"},
        headers=admin,
    )
    assert missing.status_code == 422 and "bank" in missing.json()["detail"]
    login = service.client.post(
        "/api/login", json={"username": "unit_c", "password": "long enough pw"}
    )
    assert login.json()["role"] == "district_unit"


def test_five_failed_logins_lock_the_username_for_a_while(service: Service) -> None:
    def attempt(password: str) -> int:
        answer = service.client.post("/api/login", json={"username": "duty", "password": password})
        code: int = answer.status_code
        return code

    assert [attempt("guess number x") for _ in range(5)] == [401] * 5
    assert attempt(PASSWORD) == 401  # locked, even with the right password
    service.clock.now = T0 + 15 * 60 + 1
    assert attempt(PASSWORD) == 200
    entries = service.client.get("/api/audit", headers=service.headers("admin")).json()
    actions = [e["action"] for e in entries if e["subject_id"] == "duty"]
    assert actions[-7:] == ["login_failed"] * 5 + ["login_locked", "login"]

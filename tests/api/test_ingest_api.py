"""POST /api/ingest/{table}: good rows kept, bad rows named with index and reason."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from fanzha.store.dataset_tables import DATASET_TABLES
from tests.api.service import Service
from tests.io.dataset_factory import write_dataset

GOOD = {
    "event_id": "T1",
    "ts": "2026-03-01T09:15:02+08:00",
    "from_account": "6222020200112233445",
    "to_account": "",
    "amount": "4999.00",
    "channel": "mobile",
}


def test_good_rows_are_kept_and_bad_rows_named(service: Service) -> None:
    rows = [
        GOOD,
        {**GOOD, "event_id": "T2", "ts": "2026-02-30T09:15:02+08:00"},
        {**GOOD, "event_id": "T3", "amount": "12.5"},
        {**GOOD, "event_id": "T4", "channel": "bike"},
        {**GOOD, "event_id": "T5", "ts": 0},
        {**GOOD, "event_id": "T6", "colour": "red"},
        {**GOOD, "event_id": "T7", "amount": "0.00"},
        {key: value for key, value in GOOD.items() if key != "from_account"} | {"event_id": "T8"},
        "not an object",
        {**GOOD, "event_id": "T" * 65},  # the format allows it; the store holds 64 characters
    ]
    answer = service.client.post(
        "/api/ingest/transfers", json={"rows": rows}, headers=service.headers("admin")
    )
    assert answer.status_code == 200
    body = answer.json()
    assert (body["received"], body["stored"], body["duplicates"]) == (10, 2, 0)
    reasons = {(r["row"], r["field"]): r["reason"] for r in body["rejected"]}
    assert reasons[(1, "ts")].startswith("impossible date or time")
    assert (
        reasons[(2, "amount")]
        == "not an amount in yuan with exactly 2 decimals, e.g. 4999.00: '12.5'"
    )
    assert "'mobile'" in reasons[(3, "channel")]
    assert reasons[(4, "ts")].startswith("Input should be a valid string")
    assert reasons[(5, "colour")].startswith("unknown field")
    assert reasons[(6, "amount")].startswith("amount must be greater than 0")
    assert reasons[(8, "")] == "a row must be a JSON object"
    assert reasons[(9, "event_id")].startswith("String should have at most 64 characters")
    assert {r["row"] for r in body["rejected"]} == {1, 2, 3, 4, 5, 6, 8, 9}

    transfers = DATASET_TABLES["transfers"]
    with service.services.database.session() as session:
        stored = session.execute(
            select(transfers.c.event_id, transfers.c.ts, transfers.c.amount)
        ).all()
    assert sorted(tuple(r) for r in stored) == [
        ("T1", 1_772_327_702, 499_900),
        ("T8", 1_772_327_702, 499_900),
    ]


def test_resending_a_batch_stores_nothing_twice(service: Service) -> None:
    admin = service.headers("admin")
    first = service.client.post("/api/ingest/transfers", json={"rows": [GOOD]}, headers=admin)
    again = service.client.post("/api/ingest/transfers", json={"rows": [GOOD]}, headers=admin)
    assert first.json()["stored"] == 1
    assert (again.json()["stored"], again.json()["duplicates"]) == (0, 1)


def test_every_input_table_is_accepted(service: Service) -> None:
    admin = service.headers("admin")
    batches = {
        "accounts": {
            "account_id": "A1",
            "holder_person_id": "P1",
            "bank": "ICBC",
            "kind": "personal",
            "opened_at": "",
        },
        "calls": {
            "event_id": "C1",
            "ts": "2026-03-01T09:15:02+08:00",
            "caller": "+855123456789",
            "callee": "13907911234",
            "duration_s": 1260,
        },
        "sms": {
            "event_id": "S1",
            "ts": "2026-03-01T09:15:02+08:00",
            "sender": "95588",
            "receiver": "13907911234",
            "url_domain": "",
        },
        "net": {
            "event_id": "N1",
            "ts": "2026-03-01T09:15:02+08:00",
            "number": "13907911234",
            "kind": "app_install",
            "target": "com.meeting.app",
        },
        "reports": {
            "report_id": "R1",
            "ts": "2026-03-01T12:00:00+08:00",
            "person_id": "P1",
            "paid_to": "A1;A2",
            "claimed_amount": "50000.00",
        },
        "lists/numbers": {
            "value": "+855123456789",
            "listed_at": "2026-03-01T11:00:00+08:00",
            "source": "miit",
        },
        "lists/domains": {
            "value": "fraud.example",
            "listed_at": "2026-03-01T11:00:00+08:00",
            "source": "",
        },
        "lists/apps": {
            "value": "com.fake.loan",
            "listed_at": "2026-03-01T11:00:00+08:00",
            "source": "",
        },
        "lists/accounts": {
            "value": "6217000000000000001",
            "listed_at": "2026-03-01T11:00:00+08:00",
            "source": "bank",
        },
    }
    for table, row in batches.items():
        answer = service.client.post(f"/api/ingest/{table}", json={"rows": [row]}, headers=admin)
        assert answer.status_code == 200, table
        assert (answer.json()["stored"], answer.json()["rejected"]) == (1, []), (table, answer.text)


def test_malformed_json_is_400_and_unknown_table_404(service: Service) -> None:
    admin = service.headers("admin")
    broken = service.client.post(
        "/api/ingest/calls",
        content=b'{"rows": [',
        headers={**admin, "Content-Type": "application/json"},
    )
    assert broken.status_code == 400
    assert (
        service.client.post(
            "/api/ingest/labels/targets", json={"rows": []}, headers=admin
        ).status_code
        == 404
    )


def test_only_admin_may_ingest(service: Service) -> None:
    answer = service.client.post(
        "/api/ingest/transfers", json={"rows": [GOOD]}, headers=service.headers("duty")
    )
    assert answer.status_code == 403
    assert service.client.post("/api/ingest/transfers", json={"rows": [GOOD]}).status_code == 401


def test_import_of_a_dataset_directory(service: Service, tmp_path: Path) -> None:
    admin = service.headers("admin")
    root = write_dataset(tmp_path / "city")
    answer = service.client.post("/api/import", json={"path": str(root)}, headers=admin)
    assert answer.status_code == 200, answer.text
    tables = {t["table"]: t for t in answer.json()}
    assert (tables["transfers"]["stored"], tables["calls"]["stored"]) == (3, 2)
    assert (tables["persons"]["stored"], tables["persons"]["duplicates"]) == (0, 2)  # seeded
    cases = service.client.get("/api/cases", headers=service.headers("duty")).json()
    assert [c["report_id"] for c in cases] == ["R1"]  # every imported report opens a case

    broken = write_dataset(tmp_path / "broken", {"calls.csv": "event_id,ts\nC1,yesterday\n"})
    refused = service.client.post("/api/import", json={"path": str(broken)}, headers=admin)
    assert refused.status_code == 422
    assert any(p.startswith("calls.csv:1 [caller]") for p in refused.json()["detail"])
    empty = service.client.post("/api/ingest/calls", json={"rows": []}, headers=admin)
    assert (empty.json()["received"], empty.json()["stored"]) == (0, 0)

"""A small case: P1 pays a mule ¥50,000, which splits it on to two more mules within minutes;
one of them withdraws ¥5,000 at an ATM. P1 reports at 11:00, naming the first mule."""

from __future__ import annotations

from tests.api.service import Service

VICTIM = "6222020200112233445"  # P1's own ICBC account (seeded by the service fixture)
MULE_1 = "6222000000000000011"  # ICBC
MULE_2 = "6217000000000000022"  # CCB
MULE_3 = "6228000000000000033"  # ABC
REPORT_TS = 1_772_334_000  # 2026-03-01T11:00:00+08:00
CASE = "CR1"


def _account(account_id: str, bank: str) -> dict[str, str]:
    return {
        "account_id": account_id,
        "holder_person_id": "",
        "bank": bank,
        "kind": "personal",
        "opened_at": "",
    }


def _transfer(
    event_id: str, clock: str, src: str, dst: str, amount: str, *, channel: str = "online"
) -> dict[str, str]:
    return {
        "event_id": event_id,
        "ts": f"2026-03-01T{clock}+08:00",
        "from_account": src,
        "to_account": dst,
        "amount": amount,
        "channel": channel,
    }


ACCOUNTS = [_account(MULE_1, "ICBC"), _account(MULE_2, "CCB"), _account(MULE_3, "ABC")]
TRANSFERS = [
    _transfer("T1", "10:00:00", VICTIM, MULE_1, "50000.00", channel="mobile"),
    _transfer("T2", "10:05:00", MULE_1, MULE_2, "30000.00"),
    _transfer("T3", "10:06:00", MULE_1, MULE_3, "15000.00"),
    _transfer("T4", "10:20:00", MULE_2, "", "5000.00", channel="atm"),
]
REPORT = {
    "report_id": "R1",
    "ts": "2026-03-01T11:00:00+08:00",
    "person_id": "P1",
    "paid_to": MULE_1,
    "claimed_amount": "50000.00",
}


def seed_case(service: Service) -> None:
    """Ingest the ledger and the report (which opens case CR1) as the admin would."""
    admin = service.headers("admin")
    for table, rows in (("accounts", ACCOUNTS), ("transfers", TRANSFERS), ("reports", [REPORT])):
        answer = service.client.post(f"/api/ingest/{table}", json={"rows": rows}, headers=admin)
        assert answer.json()["stored"] == len(rows), answer.text
    service.clock.now = REPORT_TS + 60

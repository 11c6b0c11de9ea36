"""The stop-payment desk: requests go to the account's bank, which sees and answers only its own."""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from fanzha.stoppay.messages import Officer
from fanzha.stoppay.request_message import CENTRE_ON_DUTY, Applicant
from fanzha.store.case_stop_usecase import propose, read_case_records, stop_pay
from fanzha.store.flag_usecase import record_flags
from fanzha.store.ledger_frames import stored_frame
from fanzha.store.stop_requests_usecase import messages_of, requests_of_case
from tests.api.case_ledger import CASE, MULE_1, MULE_2, MULE_3, REPORT_TS, VICTIM, seed_case
from tests.api.service import Service, stop_row
from tests.web.console import console

ICBC_ACCOUNT = "6222020200112233445"
CCB_ACCOUNT = "6217000000000000001"
HOUR = 3600


def test_requests_are_routed_to_the_banks_and_unknown_accounts_refused(service: Service) -> None:
    body = service.stop(
        stop_row("S1", ICBC_ACCOUNT), stop_row("S2", CCB_ACCOUNT), stop_row("S3", "999")
    )
    assert (body["stored"], body["duplicates"]) == (2, 0)
    assert body["rejected"] == [
        {"row": 2, "field": "account_id", "reason": "unknown account '999'"}
    ]
    again = service.stop(stop_row("S1", ICBC_ACCOUNT))
    assert (again["stored"], again["duplicates"]) == (0, 1)

    icbc = service.client.get("/api/stop-requests", headers=service.headers("bank_icbc")).json()
    officer = service.client.get("/api/stop-requests", headers=service.headers("stoppay")).json()
    assert [(r["request_id"], r["bank"], r["account_id"]) for r in icbc] == [
        ("S1", "ICBC", ICBC_ACCOUNT)
    ]
    assert sorted(r["request_id"] for r in officer) == ["S1", "S2"]
    assert (
        service.client.get("/api/stop-requests", headers=service.headers("unit_a")).status_code
        == 403
    )


def test_a_bank_answers_only_its_own_requests_once(service: Service) -> None:
    service.stop(stop_row("S1", ICBC_ACCOUNT), stop_row("S2", CCB_ACCOUNT))
    bank = service.headers("bank_icbc")
    service.clock.now = 1_772_337_720  # 2026-03-01T12:02:00+08:00, a minute after the request
    other = service.client.post(
        "/api/stop-requests/S2/answer", json={"result": "held"}, headers=bank
    )
    assert other.status_code == 404
    held = service.client.post(
        "/api/stop-requests/S1/answer",
        json={"result": "held", "held": "60000.00", "balance": "61234.50", "card_number": "6222"},
        headers=bank,
    )
    assert held.status_code == 200, held.text
    answered = held.json()
    # The bank cannot hold more than was asked for; a stop lasts 48 hours.
    assert (answered["state"], answered["held"]) == ("stopped", 5_000_000)
    assert answered["until"] == service.clock.now + 48 * HOUR
    twice = service.client.post(
        "/api/stop-requests/S1/answer", json={"result": "held"}, headers=bank
    )
    assert twice.status_code == 409
    officer = service.client.post(
        "/api/stop-requests/S2/answer", json={"result": "held"}, headers=service.headers("stoppay")
    )
    assert officer.status_code == 403


def test_one_click_sends_the_request_message_the_bank_reads(service: Service) -> None:
    seed_case(service)
    sent = service.client.post(f"/api/cases/{CASE}/stop-pay", headers=service.headers("stoppay"))
    assert sent.status_code == 200, sent.text
    first = sent.json()["sent"][0]
    assert first["account_id"] == MULE_1
    bank = service.headers("bank_icbc")
    listed = service.client.get("/api/stop-requests", headers=bank).json()
    assert [r["request_id"] for r in listed] == [first["request_id"]]  # MULE_1 is ICBC's
    message = listed[0]["message"]
    assert message["serial_number"] == f"FANZHA-{first['request_id']}"
    assert message["application_number"] == first["request_id"]
    assert (message["original_report_number"], message["case_type"]) == ("R1", "unknown")
    assert (message["measure"], message["urgency"]) == ("stop_payment", "urgent")
    assert message["source"] == {
        "paying_bank": "ICBC",
        "payer_name": "**",  # a bank partner does not see person ids in full
        "payer_account": VICTIM,  # ... but does see account numbers
        "amount": 5_000_000,
        "currency": "CNY",
        "paid_at": REPORT_TS - HOUR,
    }
    assert message["account"] == {
        "bank_code": "ICBC",
        "bank_name": "ICBC",
        "account_kind": "personal",
        "account_number": MULE_1,
        "holder_name": "",
    }
    assert message["amount"] == 5_000_000
    assert (message["start_at"], message["end_at"]) == (REPORT_TS + 60, REPORT_TS + 60 + 48 * HOUR)
    assert message["handling_officer"]["id_number"] == "stoppay"  # the officer who clicked
    assert message["applying_unit"] == service.services.settings.centre_unit
    assert first["message"]["application_number"] == first["request_id"]
    one = service.client.get(f"/api/stop-requests/{first['request_id']}", headers=bank)
    assert one.status_code == 200 and one.json()["message"] == message
    ccb_request = sent.json()["sent"][1]["request_id"]
    assert service.client.get(f"/api/stop-requests/{ccb_request}", headers=bank).status_code == 404
    answered = service.client.post(
        f"/api/stop-requests/{first['request_id']}/answer",
        json={"result": "held", "held": "50000.00"},
        headers=bank,
    )
    assert answered.status_code == 200 and answered.json()["state"] == "stopped"
    renewed = service.client.post(
        f"/api/stop-requests/{first['request_id']}/hold",
        json={"action": "renew"},
        headers=service.headers("stoppay"),
    )
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["message"]["serial_number"] == message["serial_number"]
    page = console(service, "bank_icbc", "en").get("/stop-requests")
    assert page.status_code == 200
    assert f"Stop-payment request message FANZHA-{first['request_id']}" in page.text
    assert f"ICBC · ** · {VICTIM} · 50000.00 CNY · 2026-03-01 10:00:00" in page.text


def test_stop_pay_takes_the_ledger_the_caller_holds_and_needs_complete_messages(
    service: Service,
) -> None:
    seed_case(service)
    now = REPORT_TS + 60
    database = service.services.database
    with database.session() as session:
        ledger = stored_frame(session, "transfers")
    later = ledger.head(1).with_columns(
        pl.lit("T9").alias("event_id"), pl.lit(now + HOUR, pl.Int64).alias("ts")
    )
    with database.session() as session:
        from_store = propose(session, "R1", now)
        records = read_case_records(session, now, pl.concat([ledger, later]))
        held = propose(session, "R1", now, records)
    assert held.equals(from_store) and from_store.height == 3  # rows after now are left out

    no_phone = replace(CENTRE_ON_DUTY, officer=replace(CENTRE_ON_DUTY.officer, phone=""))
    with database.session() as session:
        records = read_case_records(session, now, ledger)
        refused = stop_pay(session, CASE, now, applicant=no_phone, records=records)
        assert refused.sent == [] and len(refused.incomplete) == 3
        assert refused.incomplete[0].missing == ["handling_officer.phone"]
        assert requests_of_case(session, CASE) == []
    officer = Officer(id_type="police_id", id_number="036512", name="王警官", phone="0791-110")
    applicant = Applicant(institution="360100", unit="南昌市反诈中心", officer=officer)
    with database.session() as session:
        result = stop_pay(session, CASE, now, applicant=applicant, records=records)
        assert [r.account_id for r in result.sent] == [MULE_1, MULE_2, MULE_3]
        stored = messages_of(session, [r.request_id for r in result.sent])
    assert {m.handling_officer for m in stored.values()} == {officer}
    assert [m.serial_number for m in stored.values()] == [
        f"360100-{CASE}-S00{i}" for i in (1, 2, 3)
    ]


def test_a_flag_lets_one_click_stop_an_unpaid_named_account_but_the_message_needs_the_payment(
    service: Service,
) -> None:
    seed_case(service)
    report = {
        "report_id": "R2",
        "ts": "2026-03-01T11:00:30+08:00",
        "person_id": "P2",
        "paid_to": MULE_3,  # P2's payment is not in the covered banks' ledger
        "claimed_amount": "1000.00",
    }
    answer = service.client.post(
        "/api/ingest/reports", json={"rows": [report]}, headers=service.headers("admin")
    )
    assert answer.json()["stored"] == 1, answer.text
    now = REPORT_TS + 60
    database = service.services.database
    with database.session() as session:
        assert propose(session, "R2", now).height == 0  # nothing shows MULE_3 is a mule
        flag = {"account_id": [MULE_3], "ts": [now - 30], "score": [0.99], "reasons": ["fast"]}
        record_flags(session, "account", pl.DataFrame(flag), now)
        assert propose(session, "R2", now - 40).height == 0  # not flagged yet at that time
        proposed = propose(session, "R2", now)
        assert proposed.select("account_id", "amount", "hop").rows() == [(MULE_3, 100_000, 1)]
        result = stop_pay(session, "CR2", now)
        assert result.sent == [] and len(result.incomplete) == 1
        assert result.incomplete[0].missing == [
            "source.paying_bank",
            "source.payer_account",
            "source.amount_fen",
            "source.paid_at",
        ]

"""The stop-payment request message: composed with every interface field, checked before it
goes to a bank."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fanzha.stoppay.lifecycle import STOP_PAYMENT_S
from fanzha.stoppay.messages import (
    AccountToStop,
    ApplicationType,
    FundSource,
    Measure,
    Officer,
    Urgency,
)
from fanzha.stoppay.request_message import (
    Applicant,
    CaseFacts,
    IncompleteRequestError,
    check_complete,
    compose_stop_request,
    missing_fields,
)

REPORTED = 1_772_334_000
CASE = CaseFacts(case_id="CR1", report_id="R1", case_type="police", reported_at=REPORTED)
SOURCE = FundSource(
    paying_bank="ICBC",
    payer_name="P1",
    payer_account="6222020200112233445",
    amount_fen=5_000_000,
    paid_at=REPORTED - 3600,
)
MULE = AccountToStop(
    bank_code="CCB",
    bank_name="CCB",
    account_kind="personal",
    account_number="6217000000000000022",
    holder_name="",
)
APPLICANT = Applicant(
    institution="360100",
    unit="南昌市反诈中心",
    officer=Officer(id_type="police_id", id_number="036512", name="王警官", phone="0791-110"),
)


def test_message_carries_the_case_the_money_and_a_48_hour_stop() -> None:
    message = check_complete(
        compose_stop_request(
            request_id="CR1-S002",
            case=CASE,
            source=SOURCE,
            account=MULE,
            amount_fen=3_000_000,
            hop=2,
            applicant=APPLICANT,
            applied_at=REPORTED + 60,
        )
    )
    assert message.serial_number == "360100-CR1-S002"
    assert (message.application_number, message.original_report_number) == ("CR1-S002", "R1")
    assert (message.case_number, message.case_type) == ("CR1", "police")
    assert message.application_type is ApplicationType.FIRST
    assert (message.measure, message.urgency) == (Measure.STOP_PAYMENT, Urgency.URGENT)
    assert (message.start_at, message.end_at) == (REPORTED + 60, REPORTED + 60 + STOP_PAYMENT_S)
    assert message.source == SOURCE and message.account == MULE
    assert message.amount_fen == 3_000_000 and "hop 2" in message.reason
    assert message.handling_officer.name == "王警官" and message.assisting_officer is None
    # The holder of an account outside the area is unknown: not a missing field.
    assert missing_fields(message) == []


def test_a_request_days_after_the_report_is_not_urgent() -> None:
    late = compose_stop_request(
        request_id="CR1-S009",
        case=CASE,
        source=SOURCE,
        account=MULE,
        amount_fen=100,
        hop=3,
        applicant=APPLICANT,
        applied_at=REPORTED + 3 * 86_400,
    )
    assert late.urgency is Urgency.NORMAL


def test_missing_fields_are_named_and_refused() -> None:
    no_phone = replace(APPLICANT, officer=replace(APPLICANT.officer, phone=""))
    message = compose_stop_request(
        request_id="CR1-S003",
        case=CASE,
        source=replace(SOURCE, payer_account="", paid_at=0),
        account=replace(MULE, bank_code=""),
        amount_fen=0,
        hop=1,
        applicant=no_phone,
        applied_at=REPORTED + 60,
    )
    assert missing_fields(message) == [
        "source.payer_account",
        "source.paid_at",
        "account.bank_code",
        "amount_fen",
        "handling_officer.phone",
    ]
    with pytest.raises(IncompleteRequestError, match=r"CR1-S003: .* lacks source\.payer_account"):
        check_complete(message)
    assisted = replace(
        APPLICANT, assisting=Officer(id_type="police_id", id_number="", name="李", phone="1")
    )
    full = compose_stop_request(
        request_id="CR1-S004",
        case=CASE,
        source=SOURCE,
        account=MULE,
        amount_fen=1,
        hop=1,
        applicant=assisted,
        applied_at=REPORTED,
    )
    assert missing_fields(full) == ["assisting_officer.id_number"]

"""The stored request message: its columns come from the message dataclass, and a message
read back is the message written, with or without an assisting officer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fanzha.stoppay.messages import (
    AccountToStop,
    ApplicationType,
    FundSource,
    Measure,
    Officer,
    StopPaymentRequest,
    Urgency,
)
from fanzha.store.database import Database
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_message_records import MESSAGE_COLUMNS, message_record
from fanzha.store.stop_requests_usecase import messages_of

MESSAGE = StopPaymentRequest(
    serial_number="360100-CR1-S001",
    sending_institution="360100",
    transaction_type_code="stop_payment_request",
    application_number="CR1-S001",
    original_report_number="R1",
    application_type=ApplicationType.FIRST,
    case_number="CR1",
    case_type="police",
    urgency=Urgency.URGENT,
    measure=Measure.STOP_PAYMENT,
    source=FundSource("ICBC", "P1", "6222020200112233445", 5_000_000, 1_772_330_400),
    account=AccountToStop("CCB", "CCB", "personal", "6217000000000000022", ""),
    amount_fen=3_000_000,
    reason="telecom fraud proceeds, report R1, hop 2",
    start_at=1_772_334_060,
    end_at=1_772_506_860,
    applying_unit="南昌市反诈中心",
    applied_at=1_772_334_060,
    handling_officer=Officer("police_id", "036512", "王警官", "0791-110"),
)
ASSISTED = replace(
    MESSAGE,
    serial_number="360100-CR1-S002",
    assisting_officer=Officer("police_id", "036513", "李警官", "0791-111"),
)


def test_columns_are_the_flattened_message_fields() -> None:
    names = [column.name for column in MESSAGE_COLUMNS]
    assert names[:4] == [
        "serial_number",
        "sending_institution",
        "transaction_type_code",
        "application_number",
    ]
    assert {"source_amount", "source_currency", "account_kind", "amount"} <= set(names)
    assert {"officer_phone", "assisting_name"} <= set(names)
    assert len(names) == len(set(names))  # no two fields flatten to one column
    nullable = {column.name for column in MESSAGE_COLUMNS if column.nullable}
    assert nullable == {
        "assisting_id_type",
        "assisting_id_number",
        "assisting_name",
        "assisting_phone",
    }


@pytest.mark.parametrize("message", [MESSAGE, ASSISTED], ids=["alone", "assisted"])
def test_a_stored_message_reads_back_as_written(
    database: Database, message: StopPaymentRequest
) -> None:
    request_id = message.serial_number
    with database.session() as session:
        session.add(
            StopRequestRecord(
                request_id=request_id,
                ts=message.applied_at,
                report_id="R1",
                account_id=message.account.account_number,
                bank="CCB",
                amount=message.amount_fen,
                hop=2,
                state="requested",
                received_at=message.applied_at,
            )
        )
        session.flush()
        session.add(message_record(request_id, message))
    with database.session() as session:
        stored = messages_of(session, [request_id])
    assert stored == {request_id: message}
    assert isinstance(stored[request_id].urgency, Urgency)

"""The stop-payment request message stored with each request sent to a bank.

One row per stop request (`stop_requests.request_id`), the fields of
`fanzha.stoppay.messages.StopPaymentRequest` flattened; amounts fen, times UTC epoch seconds.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.stoppay.messages import (
    AccountToStop,
    ApplicationType,
    FundSource,
    Measure,
    Officer,
    StopPaymentRequest,
    Urgency,
)
from fanzha.store.base import Base


class StopMessageRecord(Base):
    """The request message as sent; what the bank partner reads before it stops the account."""

    __tablename__ = "stop_request_messages"

    request_id: Mapped[str] = mapped_column(
        ForeignKey("stop_requests.request_id"), primary_key=True
    )
    serial_number: Mapped[str] = mapped_column(String(96), unique=True)
    sending_institution: Mapped[str] = mapped_column(String(64))
    transaction_type_code: Mapped[str] = mapped_column(String(32))
    application_number: Mapped[str] = mapped_column(String(64))
    original_report_number: Mapped[str] = mapped_column(String(64))
    application_type: Mapped[str] = mapped_column(String(16))
    case_number: Mapped[str] = mapped_column(String(64))
    case_type: Mapped[str] = mapped_column(String(32))
    urgency: Mapped[str] = mapped_column(String(16))
    measure: Mapped[str] = mapped_column(String(16))
    source_paying_bank: Mapped[str] = mapped_column(String(64))
    source_payer_name: Mapped[str] = mapped_column(String(64))
    source_payer_account: Mapped[str] = mapped_column(String(64))
    source_amount: Mapped[int] = mapped_column(BigInteger)
    source_currency: Mapped[str] = mapped_column(String(8))
    source_paid_at: Mapped[int] = mapped_column(BigInteger)
    account_bank_code: Mapped[str] = mapped_column(String(64))
    account_bank_name: Mapped[str] = mapped_column(String(64))
    account_kind: Mapped[str] = mapped_column(String(16))
    account_number: Mapped[str] = mapped_column(String(64))
    account_holder_name: Mapped[str] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    start_at: Mapped[int] = mapped_column(BigInteger)
    end_at: Mapped[int] = mapped_column(BigInteger)
    applying_unit: Mapped[str] = mapped_column(String(128))
    applied_at: Mapped[int] = mapped_column(BigInteger)
    officer_id_type: Mapped[str] = mapped_column(String(32))
    officer_id_number: Mapped[str] = mapped_column(String(64))
    officer_name: Mapped[str] = mapped_column(String(64))
    officer_phone: Mapped[str] = mapped_column(String(32))
    assisting_id_type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    assisting_id_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    assisting_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    assisting_phone: Mapped[str | None] = mapped_column(String(32), nullable=True)


def message_record(request_id: str, message: StopPaymentRequest) -> StopMessageRecord:
    """The row storing `message` for request `request_id`."""
    source, account, officer = message.source, message.account, message.handling_officer
    assisting = message.assisting_officer
    return StopMessageRecord(
        request_id=request_id,
        serial_number=message.serial_number,
        sending_institution=message.sending_institution,
        transaction_type_code=message.transaction_type_code,
        application_number=message.application_number,
        original_report_number=message.original_report_number,
        application_type=message.application_type.value,
        case_number=message.case_number,
        case_type=message.case_type,
        urgency=message.urgency.value,
        measure=message.measure.value,
        source_paying_bank=source.paying_bank,
        source_payer_name=source.payer_name,
        source_payer_account=source.payer_account,
        source_amount=source.amount_fen,
        source_currency=source.currency,
        source_paid_at=source.paid_at,
        account_bank_code=account.bank_code,
        account_bank_name=account.bank_name,
        account_kind=account.account_kind,
        account_number=account.account_number,
        account_holder_name=account.holder_name,
        amount=message.amount_fen,
        reason=message.reason,
        start_at=message.start_at,
        end_at=message.end_at,
        applying_unit=message.applying_unit,
        applied_at=message.applied_at,
        officer_id_type=officer.id_type,
        officer_id_number=officer.id_number,
        officer_name=officer.name,
        officer_phone=officer.phone,
        assisting_id_type=None if assisting is None else assisting.id_type,
        assisting_id_number=None if assisting is None else assisting.id_number,
        assisting_name=None if assisting is None else assisting.name,
        assisting_phone=None if assisting is None else assisting.phone,
    )


def stored_message(record: StopMessageRecord) -> StopPaymentRequest:
    """The message a stored row holds."""
    assisting = None
    if record.assisting_name is not None:
        assisting = Officer(
            id_type=record.assisting_id_type or "",
            id_number=record.assisting_id_number or "",
            name=record.assisting_name,
            phone=record.assisting_phone or "",
        )
    return StopPaymentRequest(
        serial_number=record.serial_number,
        sending_institution=record.sending_institution,
        transaction_type_code=record.transaction_type_code,
        application_number=record.application_number,
        original_report_number=record.original_report_number,
        application_type=ApplicationType(record.application_type),
        case_number=record.case_number,
        case_type=record.case_type,
        urgency=Urgency(record.urgency),
        measure=Measure(record.measure),
        source=FundSource(
            paying_bank=record.source_paying_bank,
            payer_name=record.source_payer_name,
            payer_account=record.source_payer_account,
            amount_fen=record.source_amount,
            paid_at=record.source_paid_at,
            currency=record.source_currency,
        ),
        account=AccountToStop(
            bank_code=record.account_bank_code,
            bank_name=record.account_bank_name,
            account_kind=record.account_kind,
            account_number=record.account_number,
            holder_name=record.account_holder_name,
        ),
        amount_fen=record.amount,
        reason=record.reason,
        start_at=record.start_at,
        end_at=record.end_at,
        applying_unit=record.applying_unit,
        applied_at=record.applied_at,
        handling_officer=Officer(
            id_type=record.officer_id_type,
            id_number=record.officer_id_number,
            name=record.officer_name,
            phone=record.officer_phone,
        ),
        assisting_officer=assisting,
    )

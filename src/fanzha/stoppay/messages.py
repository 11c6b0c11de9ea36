"""The stop-payment request and the bank's answer, with the fields of the PBOC/MPS interface.

Field names follow the public bank implementation quoted in BRIEF.md; amounts are fen and
times UTC epoch seconds, as everywhere in fanzha.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Measure(StrEnum):
    STOP_PAYMENT = "stop_payment"  # 紧急止付
    FREEZE = "freeze"  # 冻结


class ApplicationType(StrEnum):
    FIRST = "first"  # 首次申请
    BANK_REPORTED = "bank_reported"  # 银行上报
    BACKFILLED = "backfilled"  # 补录


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class BankResult(StrEnum):
    HELD = "held"  # stopped: the balance is held (只收不付)
    ALREADY_GONE = "already_gone"  # the money had left before the stop
    ACCOUNT_NOT_FOUND = "account_not_found"


@dataclass(frozen=True)
class Officer:
    id_type: str
    id_number: str
    name: str
    phone: str


@dataclass(frozen=True)
class FundSource:
    """Where the money came from: the victim's payment."""

    paying_bank: str
    payer_name: str
    payer_account: str
    amount_fen: int
    paid_at: int
    currency: str = "CNY"


@dataclass(frozen=True)
class AccountToStop:
    bank_code: str
    bank_name: str
    account_kind: str  # personal or corporate
    account_number: str
    holder_name: str


@dataclass(frozen=True)
class StopPaymentRequest:
    """One request message (stop-payment or freeze) sent to a bank's head office."""

    serial_number: str  # message serial number
    sending_institution: str
    transaction_type_code: str
    application_number: str
    original_report_number: str
    application_type: ApplicationType
    case_number: str
    case_type: str
    urgency: Urgency
    measure: Measure
    source: FundSource
    account: AccountToStop
    amount_fen: int
    reason: str
    start_at: int
    end_at: int
    applying_unit: str
    applied_at: int
    handling_officer: Officer
    assisting_officer: Officer | None = None


@dataclass(frozen=True)
class BankAnswer:
    """The bank's result message; it closes the loop of a request."""

    result: BankResult
    card_number: str
    balance_fen: int  # account balance when the stop was applied
    held_fen: int  # what the bank holds for this request (0 unless HELD)
    start_at: int | None
    end_at: int | None
    failure_reason: str  # why it could not be stopped, empty if it was
    note: str
    answering_institution: str
    handler: str
    answered_at: int

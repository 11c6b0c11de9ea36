"""Compose and check the stop-payment request message a bank's head office receives.

The bank checks name, account, amount and time before it stops an account (BRIEF.md), so a
request goes out only with every field the interface requires; `missing_fields` names the ones
a message lacks. Field meanings are `fanzha.stoppay.messages.StopPaymentRequest`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from fanzha.stoppay.lifecycle import STOP_PAYMENT_S
from fanzha.stoppay.messages import (
    AccountToStop,
    ApplicationType,
    FundSource,
    Measure,
    Officer,
    StopPaymentRequest,
    Urgency,
)

#: Transaction type of a stop-payment request in the message family (request, answer,
#: release, extension; the same for freezes).
STOP_REQUEST_TYPE = "stop_payment_request"
#: A request sent this soon after the report is urgent: the money is still moving.
URGENT_WITHIN_S = 48 * 3600
#: Fields a bank may receive empty: the holder of an account outside the covered area is not
#: known to the police, and there may be no assisting officer.
OPTIONAL_FIELDS = frozenset({"account.holder_name", "assisting_officer"})


class IncompleteRequestError(ValueError):
    """A request message lacks fields the interface requires."""

    def __init__(self, request_id: str, missing: list[str]) -> None:
        super().__init__(f"{request_id}: stop-payment request lacks {', '.join(missing)}")
        self.request_id = request_id
        self.missing = missing


@dataclass(frozen=True)
class Applicant:
    """Who applies: the sending institution's code, the applying unit and its officers."""

    institution: str
    unit: str
    officer: Officer
    assisting: Officer | None = None


#: The centre applying on its own: the live engine's pursuit of a case's money, or a one-click
#: where the caller names no officer. Deployments pass their own `Applicant`.
CENTRE_ON_DUTY = Applicant(
    institution="FANZHA",
    unit="反诈中心值班室",
    officer=Officer(id_type="duty_desk", id_number="FANZHA-DUTY", name="值班民警", phone="96110"),
)


@dataclass(frozen=True)
class CaseFacts:
    """What the request says about the case it belongs to."""

    case_id: str
    report_id: str
    case_type: str  # the typology the officer recorded, "unknown" until then
    reported_at: int


def compose_stop_request(
    *,
    request_id: str,
    case: CaseFacts,
    source: FundSource,
    account: AccountToStop,
    amount_fen: int,
    hop: int,
    applicant: Applicant,
    applied_at: int,
) -> StopPaymentRequest:
    """The first stop-payment request for `account` in this case, for 48 hours from now."""
    urgent = applied_at - case.reported_at <= URGENT_WITHIN_S
    return StopPaymentRequest(
        serial_number=f"{applicant.institution}-{request_id}",
        sending_institution=applicant.institution,
        transaction_type_code=STOP_REQUEST_TYPE,
        application_number=request_id,
        original_report_number=case.report_id,
        application_type=ApplicationType.FIRST,
        case_number=case.case_id,
        case_type=case.case_type,
        urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
        measure=Measure.STOP_PAYMENT,
        source=source,
        account=account,
        amount_fen=amount_fen,
        reason=f"电信网络诈骗涉案资金 (telecom fraud proceeds), report {case.report_id}, hop {hop}",
        start_at=applied_at,
        end_at=applied_at + STOP_PAYMENT_S,
        applying_unit=applicant.unit,
        applied_at=applied_at,
        handling_officer=applicant.officer,
        assisting_officer=applicant.assisting,
    )


def missing_fields(message: StopPaymentRequest) -> list[str]:
    """Dotted names of required fields that are empty (amounts and times: not positive)."""
    return [name for name in _empty(message, "") if name not in OPTIONAL_FIELDS]


def check_complete(message: StopPaymentRequest) -> StopPaymentRequest:
    """The message itself, or `IncompleteRequestError` naming what it lacks."""
    missing = missing_fields(message)
    if missing:
        raise IncompleteRequestError(message.application_number, missing)
    return message


def _empty(
    value: StopPaymentRequest | Officer | FundSource | AccountToStop, prefix: str
) -> list[str]:
    found: list[str] = []
    for field in fields(value):
        name = f"{prefix}{field.name}"
        item = getattr(value, field.name)
        if item is None or item == "":
            found.append(name)
        elif isinstance(item, Officer | FundSource | AccountToStop):
            found.extend(_empty(item, f"{name}."))
        elif name.endswith(("amount_fen", "_at")) and isinstance(item, int) and item <= 0:
            found.append(name)
    return found

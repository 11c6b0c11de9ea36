"""The stop-payment request message stored with each request sent to a bank.

One row per stop request (`stop_requests.request_id`), the fields of
`fanzha.stoppay.messages.StopPaymentRequest` flattened; amounts fen, times UTC epoch seconds.
The columns are derived from the dataclass: a nested part's fields get its prefix
(`source_paying_bank`, `officer_name`), fen amounts drop the unit (`amount`), enums store
their value. Only the widths below differ from the defaults (ints BigInteger, enums
String(16), text String(64)).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.types import TypeEngine

from fanzha.stoppay.message_fields import message_fields
from fanzha.stoppay.messages import StopPaymentRequest
from fanzha.store.base import Base

#: Column prefix of each nested part of the message.
PART_PREFIXES = {
    "source": "source_",
    "account": "account_",
    "handling_officer": "officer_",
    "assisting_officer": "assisting_",
}
#: Columns wider or narrower than their default type.
COLUMN_TYPES: dict[str, TypeEngine[Any]] = {
    "serial_number": String(96),
    "transaction_type_code": String(32),
    "case_type": String(32),
    "source_currency": String(8),
    "account_kind": String(16),
    "reason": Text(),
    "applying_unit": String(128),
    "officer_id_type": String(32),
    "officer_phone": String(32),
    "assisting_id_type": String(32),
    "assisting_phone": String(32),
}


@dataclass(frozen=True)
class MessageColumn:
    """A column holding the message field at `path` (("source", "amount_fen"))."""

    name: str
    path: tuple[str, ...]
    kind: type
    nullable: bool


def _columns(
    message_type: type, prefix: str, path: tuple[str, ...], nullable: bool
) -> Iterator[MessageColumn]:
    for field in message_fields(message_type):
        if field.is_part:
            at = (*path, field.name)
            yield from _columns(field.kind, PART_PREFIXES[field.name], at, field.optional)
            continue
        name = field.name.removesuffix("_fen")
        column = name if name.startswith(prefix) else f"{prefix}{name}"
        yield MessageColumn(column, (*path, field.name), field.kind, nullable or field.optional)


MESSAGE_COLUMNS = tuple(_columns(StopPaymentRequest, "", (), False))


def _column_type(column: MessageColumn) -> TypeEngine[Any]:
    if column.name in COLUMN_TYPES:
        return COLUMN_TYPES[column.name]
    if issubclass(column.kind, Enum):
        return String(16)
    return BigInteger() if issubclass(column.kind, int) else String(64)


stop_request_messages = Table(
    "stop_request_messages",
    Base.metadata,
    Column("request_id", ForeignKey("stop_requests.request_id"), primary_key=True),
    *(Column(c.name, _column_type(c), nullable=c.nullable) for c in MESSAGE_COLUMNS),
    UniqueConstraint("serial_number"),
)


class StopMessageRecord(Base):
    """The request message as sent; what the bank partner reads before it stops the account."""

    __table__ = stop_request_messages

    request_id: Mapped[str]


def message_record(request_id: str, message: StopPaymentRequest) -> StopMessageRecord:
    """The row storing `message` for request `request_id`."""
    values: dict[str, object] = {}
    for column in MESSAGE_COLUMNS:
        value: object = message
        for name in column.path:
            value = None if value is None else getattr(value, name)
        values[column.name] = value.value if isinstance(value, Enum) else value
    return StopMessageRecord(request_id=request_id, **values)


def stored_message(record: StopMessageRecord) -> StopPaymentRequest:
    """The message a stored row holds."""
    values = {column.path: getattr(record, column.name) for column in MESSAGE_COLUMNS}
    message = _part(StopPaymentRequest, (), values)
    if not isinstance(message, StopPaymentRequest):
        raise TypeError(f"{record.request_id}: stored row is not a stop-payment request")
    return message


def _part(
    part_type: type, path: tuple[str, ...], values: Mapping[tuple[str, ...], object]
) -> object:
    """`part_type` rebuilt from the column values under `path`; None if all are empty."""
    arguments: dict[str, object] = {}
    for field in message_fields(part_type):
        at = (*path, field.name)
        if field.is_part:
            inside = [v for p, v in values.items() if p[: len(at)] == at]
            empty = field.optional and all(v is None for v in inside)
            arguments[field.name] = None if empty else _part(field.kind, at, values)
        else:
            value = values[at]
            arguments[field.name] = None if value is None else field.kind(value)
    return part_type(**arguments)

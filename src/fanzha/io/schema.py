"""The tables of the dataset format, version 1, as data: one `TableSpec` per file.

Every reader, writer and check works from these specs, so the format is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FieldType(StrEnum):
    """The value types of the format. In memory: ts -> int64 UTC seconds, amount -> int64 fen."""

    TS = "ts"
    NUMBER = "number"
    AMOUNT = "amount"
    ID = "id"
    ID_LIST = "id_list"  # `;`-separated ids (reports.paid_to)
    ENUM = "enum"
    INT = "int"
    TEXT = "text"
    SCORE = "score"  # a decimal in [0, 1], written with 4 decimals


@dataclass(frozen=True)
class Column:
    name: str
    type: FieldType
    required: bool = True
    values: tuple[str, ...] = ()  # for ENUM
    refers_to: str | None = None  # "table.column" an id must be defined in


@dataclass(frozen=True)
class TableSpec:
    name: str  # file path relative to the dataset root, without ".csv"
    columns: tuple[Column, ...]
    key: str | None = None  # unique column (event id or primary key)
    order_by: str | None = None  # the file is sorted by this ts column

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


T = FieldType

PHONE_KINDS = ("mobile", "landline", "voip", "overseas", "service")
ACCOUNT_KINDS = ("personal", "merchant", "corporate")
CHANNELS = ("mobile", "online", "counter", "atm", "third_party", "crypto_otc")
NET_KINDS = ("app_install", "url_visit")
MULE_ROLES = ("mule_1", "mule_2", "mule_3", "cashout")
#: Scam-type codes (BRIEF.md: the five main types of 2022 and the rest of the 2024 top ten,
#: then "other"): labels/targets.csv scam_type, and the typology an officer gives a case.
SCAM_TYPES = (
    "rebate",
    "investment",
    "police",
    "customer_service",
    "loan",
    "shopping",
    "credit_repair",
    "boss",
    "romance",
    "game_trading",
    "other",
)


def _list_spec(kind: str) -> TableSpec:
    return TableSpec(
        name=f"lists/{kind}",
        columns=(
            Column(
                "value", T.ID if kind == "accounts" else T.NUMBER if kind == "numbers" else T.TEXT
            ),
            Column("listed_at", T.TS),
            Column("source", T.TEXT, required=False),
        ),
        order_by="listed_at",
    )


INPUT_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "persons",
        (
            Column("person_id", T.ID),
            Column("district", T.TEXT),
            Column("birth_year", T.INT),
            Column("sex", T.ENUM, values=("M", "F")),
        ),
        key="person_id",
    ),
    TableSpec(
        "phones",
        (
            Column("number", T.NUMBER),
            Column("holder_person_id", T.ID, required=False, refers_to="persons.person_id"),
            Column("kind", T.ENUM, values=PHONE_KINDS),
            Column("activated_at", T.TS, required=False),
        ),
        key="number",
    ),
    TableSpec(
        "accounts",
        (
            Column("account_id", T.ID),
            Column("holder_person_id", T.ID, required=False, refers_to="persons.person_id"),
            Column("bank", T.TEXT),
            Column("kind", T.ENUM, values=ACCOUNT_KINDS),
            Column("opened_at", T.TS, required=False),
        ),
        key="account_id",
    ),
    TableSpec(
        "calls",
        (
            Column("event_id", T.ID),
            Column("ts", T.TS),
            Column("caller", T.NUMBER, refers_to="phones.number"),
            Column("callee", T.NUMBER, refers_to="phones.number"),
            Column("duration_s", T.INT),
        ),
        key="event_id",
        order_by="ts",
    ),
    TableSpec(
        "sms",
        (
            Column("event_id", T.ID),
            Column("ts", T.TS),
            Column("sender", T.NUMBER, refers_to="phones.number"),
            Column("receiver", T.NUMBER, refers_to="phones.number"),
            Column("url_domain", T.TEXT, required=False),
        ),
        key="event_id",
        order_by="ts",
    ),
    TableSpec(
        "net",
        (
            Column("event_id", T.ID),
            Column("ts", T.TS),
            Column("number", T.NUMBER, refers_to="phones.number"),
            Column("kind", T.ENUM, values=NET_KINDS),
            Column("target", T.TEXT),
        ),
        key="event_id",
        order_by="ts",
    ),
    TableSpec(
        "transfers",
        (
            Column("event_id", T.ID),
            Column("ts", T.TS),
            Column("from_account", T.ID, required=False, refers_to="accounts.account_id"),
            Column("to_account", T.ID, required=False, refers_to="accounts.account_id"),
            Column("amount", T.AMOUNT),
            Column("channel", T.ENUM, values=CHANNELS),
        ),
        key="event_id",
        order_by="ts",
    ),
    TableSpec(
        "reports",
        (
            Column("report_id", T.ID),
            Column("ts", T.TS),
            Column("person_id", T.ID, refers_to="persons.person_id"),
            Column("paid_to", T.ID_LIST, refers_to="accounts.account_id"),
            Column("claimed_amount", T.AMOUNT),
        ),
        key="report_id",
        order_by="ts",
    ),
    _list_spec("numbers"),
    _list_spec("domains"),
    _list_spec("apps"),
    _list_spec("accounts"),
)

LABEL_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "labels/targets",
        (
            Column("person_id", T.ID),
            Column("scam_type", T.TEXT),
            Column("first_contact_ts", T.TS),
            Column("first_loss_ts", T.TS, required=False),
            Column("loss_amount", T.AMOUNT, required=False),
        ),
        key="person_id",
    ),
    TableSpec("labels/numbers", (Column("number", T.NUMBER), Column("role", T.TEXT)), key="number"),
    TableSpec(
        "labels/accounts",
        (Column("account_id", T.ID), Column("role", T.ENUM, values=MULE_ROLES)),
        key="account_id",
    ),
    TableSpec("labels/domains", (Column("value", T.TEXT),), key="value"),
    TableSpec("labels/apps", (Column("value", T.TEXT),), key="value"),
    TableSpec("labels/losses", (Column("event_id", T.ID),), key="event_id"),
)

OUTPUT_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "warnings",
        (
            Column("warning_id", T.ID),
            Column("ts", T.TS),
            Column("person_id", T.ID),
            Column("tier", T.ENUM, values=("1", "2", "3")),
            Column("score", T.SCORE),
            Column("reasons", T.TEXT),
        ),
        key="warning_id",
        order_by="ts",
    ),
    TableSpec(
        "flagged_numbers",
        (
            Column("number", T.NUMBER),
            Column("ts", T.TS),
            Column("score", T.SCORE),
            Column("reasons", T.TEXT),
        ),
        key="number",
        order_by="ts",
    ),
    TableSpec(
        "flagged_accounts",
        (
            Column("account_id", T.ID),
            Column("ts", T.TS),
            Column("score", T.SCORE),
            Column("reasons", T.TEXT),
        ),
        key="account_id",
        order_by="ts",
    ),
    TableSpec(
        "stop_requests",
        (
            Column("request_id", T.ID),
            Column("ts", T.TS),
            Column("report_id", T.ID),
            Column("account_id", T.ID),
            Column("amount", T.AMOUNT),
            Column("hop", T.INT),
        ),
        key="request_id",
        order_by="ts",
    ),
)

TABLES: dict[str, TableSpec] = {t.name: t for t in (*INPUT_TABLES, *LABEL_TABLES, *OUTPUT_TABLES)}


@dataclass(frozen=True)
class Meta:
    """meta.json of a dataset."""

    start: int  # UTC seconds
    end: int
    seed: int | None
    note: str
    format: str = "dataset/1"
    extra: dict[str, object] = field(default_factory=dict)

"""The replayed inputs as integer-coded columnar arrays, built once per replay.

Numbers, accounts, persons, domains and apps become dense int64 codes so every later step is
numpy over arrays. Codes never leak into outputs: decisions are written with the original
ids and ordered by (ts, id), so a replay of a prefix writes the same rows as the full one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.windows import FloatArray, Int64Array
from fanzha.io.dataset import Dataset
from fanzha.io.schema import ACCOUNT_KINDS, PHONE_KINDS

#: Transfer channels where money leaves the banks' books.
CASH_OUT_CHANNELS = ("atm", "counter", "crypto_otc")

_NO_TS = np.int64(-(2**62))


def _codes(values: pl.Series, vocabulary: pl.Series) -> Int64Array:
    """Dense codes of `values` in the sorted `vocabulary`; -1 for null or not in it."""
    physical = values.cast(pl.String).cast(pl.Enum(vocabulary), strict=False).to_physical()
    return physical.cast(pl.Int64).fill_null(-1).to_numpy()


def _vocabulary(*columns: pl.Series) -> pl.Series:
    parts = [c.drop_nulls().cast(pl.String) for c in columns]
    return pl.concat(parts).unique().sort() if parts else pl.Series([], dtype=pl.String)


@dataclass(frozen=True)
class Lists:
    """Known-bad values (codes) and the second each became known."""

    numbers: tuple[Int64Array, Int64Array]
    accounts: tuple[Int64Array, Int64Array]
    domains: tuple[Int64Array, Int64Array]
    apps: tuple[Int64Array, Int64Array]


@dataclass(frozen=True)
class Contacts:
    """Calls and SMS in one stream, in (ts, kind, event_id) order."""

    ts: Int64Array
    src: Int64Array  # caller / sender number code
    dst: Int64Array  # callee / receiver number code
    duration: Int64Array  # seconds; 0 for SMS and unanswered calls
    is_sms: Int64Array
    domain: Int64Array  # domain code of the SMS link, -1 if none
    seq: Int64Array  # position in the stream: the tie-break at equal ts


@dataclass(frozen=True)
class NetEvents:
    ts: Int64Array
    number: Int64Array
    is_app: Int64Array
    target: Int64Array  # domain code for url_visit, app code for app_install


@dataclass(frozen=True)
class Transfers:
    ts: Int64Array
    src: Int64Array  # account code, -1 for cash in / outside money
    dst: Int64Array  # account code, -1 for money leaving the banks
    amount: FloatArray  # yuan
    cash_out: Int64Array  # 1 where the money leaves the books (cash, crypto OTC, outside)
    seq: Int64Array


@dataclass
class City:
    """Everything the engine reads from a dataset, coded. Never holds labels."""

    start: int
    end: int
    numbers: pl.Series  # vocabulary: code -> number
    accounts: pl.Series
    persons: pl.Series
    domains: pl.Series
    apps: pl.Series
    number_kind: Int64Array  # index into PHONE_KINDS, -1 unknown
    number_activated: Int64Array  # ts or _NO_TS
    number_holder: Int64Array  # person code or -1
    account_kind: Int64Array
    account_opened: Int64Array
    account_holder: Int64Array
    holder_cards: Int64Array  # accounts held by the account's holder (0 if none local)
    person_birth_year: Int64Array
    contacts: Contacts
    net: NetEvents
    transfers: Transfers
    report_ts: Int64Array  # one row per (report, paid_to account)
    report_account: Int64Array
    lists: Lists

    @property
    def events(self) -> int:
        return int(self.contacts.ts.size + self.net.ts.size + self.transfers.ts.size)


def _ts_or_none(series: pl.Series) -> Int64Array:
    return series.fill_null(int(_NO_TS)).to_numpy().astype(np.int64)


def load_city(dataset: Dataset) -> City:
    """Read the input tables of `dataset` (never labels/) and code them."""
    persons = dataset.table("persons")
    phones = dataset.table("phones")
    accounts = dataset.table("accounts")
    calls = dataset.table("calls")
    sms = dataset.table("sms")
    net = dataset.table("net")
    transfers = dataset.table("transfers")
    reports = dataset.table("reports")
    lists = {k: dataset.table(f"lists/{k}") for k in ("numbers", "accounts", "domains", "apps")}

    number_vocab = _vocabulary(
        phones["number"],
        calls["caller"],
        calls["callee"],
        sms["sender"],
        sms["receiver"],
        net["number"],
        lists["numbers"]["value"],
    )
    reported = reports.select("ts", pl.col("paid_to").alias("account")).explode("account")
    account_vocab = _vocabulary(
        accounts["account_id"],
        transfers["from_account"],
        transfers["to_account"],
        reported["account"],
        lists["accounts"]["value"],
    )
    person_vocab = _vocabulary(persons["person_id"], phones["holder_person_id"])
    net_domains = net.filter(pl.col("kind") == "url_visit")["target"]
    net_apps = net.filter(pl.col("kind") == "app_install")["target"]
    domain_vocab = _vocabulary(sms["url_domain"], net_domains, lists["domains"]["value"])
    app_vocab = _vocabulary(net_apps, lists["apps"]["value"])

    n_numbers = number_vocab.len()
    phone_code = _codes(phones["number"], number_vocab)
    number_kind = np.full(n_numbers, -1, dtype=np.int64)
    number_kind[phone_code] = _codes(phones["kind"], pl.Series(PHONE_KINDS).sort())
    number_activated = np.full(n_numbers, _NO_TS, dtype=np.int64)
    number_activated[phone_code] = _ts_or_none(phones["activated_at"])
    number_holder = np.full(n_numbers, -1, dtype=np.int64)
    number_holder[phone_code] = _codes(phones["holder_person_id"], person_vocab)

    n_accounts = account_vocab.len()
    acc_code = _codes(accounts["account_id"], account_vocab)
    account_kind = np.full(n_accounts, -1, dtype=np.int64)
    account_kind[acc_code] = _codes(accounts["kind"], pl.Series(ACCOUNT_KINDS).sort())
    account_opened = np.full(n_accounts, _NO_TS, dtype=np.int64)
    account_opened[acc_code] = _ts_or_none(accounts["opened_at"])
    account_holder = np.full(n_accounts, -1, dtype=np.int64)
    account_holder[acc_code] = _codes(accounts["holder_person_id"], person_vocab)
    cards = np.bincount(account_holder[account_holder >= 0], minlength=person_vocab.len())
    holder_cards = np.where(account_holder >= 0, cards[np.clip(account_holder, 0, None)], 0)

    birth = np.zeros(person_vocab.len(), dtype=np.int64)
    birth[_codes(persons["person_id"], person_vocab)] = persons["birth_year"].to_numpy()

    return City(
        start=dataset.meta.start,
        end=dataset.meta.end,
        numbers=number_vocab,
        accounts=account_vocab,
        persons=person_vocab,
        domains=domain_vocab,
        apps=app_vocab,
        number_kind=number_kind,
        number_activated=number_activated,
        number_holder=number_holder,
        account_kind=account_kind,
        account_opened=account_opened,
        account_holder=account_holder,
        holder_cards=holder_cards.astype(np.int64),
        person_birth_year=birth,
        contacts=_contacts(calls, sms, number_vocab, domain_vocab),
        net=_net(net, number_vocab, domain_vocab, app_vocab),
        transfers=_transfers(transfers, account_vocab),
        report_ts=reported["ts"].to_numpy().astype(np.int64),
        report_account=_codes(reported["account"], account_vocab),
        lists=Lists(
            numbers=_listed(lists["numbers"], number_vocab),
            accounts=_listed(lists["accounts"], account_vocab),
            domains=_listed(lists["domains"], domain_vocab),
            apps=_listed(lists["apps"], app_vocab),
        ),
    )


def _listed(frame: pl.DataFrame, vocabulary: pl.Series) -> tuple[Int64Array, Int64Array]:
    frame = frame.filter(pl.col("value").is_in(vocabulary.implode()))
    return _codes(frame["value"], vocabulary), frame["listed_at"].to_numpy().astype(np.int64)


def _contacts(
    calls: pl.DataFrame, sms: pl.DataFrame, numbers: pl.Series, domains: pl.Series
) -> Contacts:
    frame = pl.concat(
        [
            calls.select(
                "ts",
                pl.lit(0, pl.Int64).alias("is_sms"),
                "event_id",
                pl.col("caller").alias("src"),
                pl.col("callee").alias("dst"),
                pl.col("duration_s").alias("duration"),
                pl.lit(None, pl.String).alias("domain"),
            ),
            sms.select(
                "ts",
                pl.lit(1, pl.Int64).alias("is_sms"),
                "event_id",
                pl.col("sender").alias("src"),
                pl.col("receiver").alias("dst"),
                pl.lit(0, pl.Int64).alias("duration"),
                pl.col("url_domain").alias("domain"),
            ),
        ]
    ).sort("ts", "is_sms", "event_id")
    return Contacts(
        ts=frame["ts"].to_numpy().astype(np.int64),
        src=_codes(frame["src"], numbers),
        dst=_codes(frame["dst"], numbers),
        duration=frame["duration"].to_numpy().astype(np.int64),
        is_sms=frame["is_sms"].to_numpy().astype(np.int64),
        domain=_codes(frame["domain"], domains),
        seq=np.arange(frame.height, dtype=np.int64),
    )


def _net(net: pl.DataFrame, numbers: pl.Series, domains: pl.Series, apps: pl.Series) -> NetEvents:
    frame = net.sort("ts", "event_id")
    is_app = (frame["kind"] == "app_install").to_numpy()
    target_domain = _codes(frame["target"], domains)
    target_app = _codes(frame["target"], apps)
    return NetEvents(
        ts=frame["ts"].to_numpy().astype(np.int64),
        number=_codes(frame["number"], numbers),
        is_app=is_app.astype(np.int64),
        target=np.where(is_app, target_app, target_domain).astype(np.int64),
    )


def _transfers(transfers: pl.DataFrame, accounts: pl.Series) -> Transfers:
    frame = transfers.sort("ts", "event_id")
    cash_out = frame["to_account"].is_null() | frame["channel"].is_in(list(CASH_OUT_CHANNELS))
    return Transfers(
        ts=frame["ts"].to_numpy().astype(np.int64),
        src=_codes(frame["from_account"], accounts),
        dst=_codes(frame["to_account"], accounts),
        amount=frame["amount"].to_numpy().astype(np.float64) / 100.0,
        cash_out=cash_out.to_numpy().astype(np.int64),
        seq=np.arange(frame.height, dtype=np.int64),
    )

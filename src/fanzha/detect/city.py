"""The replayed inputs as integer-coded columnar arrays, built once per replay.

Numbers, accounts, persons, domains and apps become dense int64 codes so every later step is
numpy over arrays. Codes never leak into outputs: decisions are written with the original
ids and ordered by (ts, id), so a replay of a prefix writes the same rows as the full one.
Tables are read, coded and let go one at a time, so the text of only one table is ever held.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from fanzha.detect.horizons import DAY
from fanzha.detect.vocabulary import Vocabulary
from fanzha.detect.windows import BoolArray, FloatArray, Int64Array
from fanzha.io.dataset import TableSource
from fanzha.io.schema import ACCOUNT_KINDS, PHONE_KINDS

#: Transfer channels where money leaves the banks' books.
CASH_OUT_CHANNELS = ("atm", "counter", "crypto_otc")

_NO_TS = np.int64(-(2**62))


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
    report_person: Int64Array  # the reporting resident's code, -1 if not a resident
    lists: Lists

    @property
    def events(self) -> int:
        return int(self.contacts.ts.size + self.net.ts.size + self.transfers.ts.size)

    @property
    def stream_origin(self) -> int:
        """A time before any window of the engine's event streams reaches (the longest looks
        back 30 days): the origin of their (key, ts) sort keys."""
        return self.start - 40 * DAY

    def holders(self, accounts: Int64Array) -> Int64Array:
        """Per account code, the resident holding it: -1 for an account held outside the city,
        and for no account (code -1: cash, a crypto dealer)."""
        held: Int64Array = np.where(
            accounts >= 0, self.account_holder[np.clip(accounts, 0, None)], -1
        )
        return held

    def net_sites(self) -> Int64Array:
        """Per net event, the domain or app as one code: apps after the domains."""
        sites: Int64Array = np.where(
            self.net.is_app == 1, self.domains.len() + self.net.target, self.net.target
        )
        return sites


def _ts_or_none(series: pl.Series) -> Int64Array:
    return series.fill_null(int(_NO_TS)).to_numpy().astype(np.int64)


def _int64(series: pl.Series) -> Int64Array:
    return series.to_numpy().astype(np.int64)


def _kind_codes(column: pl.Series, kinds: tuple[str, ...]) -> Int64Array:
    """Index of each value in the sorted `kinds`, -1 if none."""
    physical = column.cast(pl.Enum(sorted(kinds)), strict=False).to_physical()
    return physical.cast(pl.Int64).fill_null(-1).to_numpy()


@dataclass(frozen=True)
class _Vocabularies:
    numbers: Vocabulary
    accounts: Vocabulary
    persons: Vocabulary
    domains: Vocabulary
    apps: Vocabulary


@dataclass(frozen=True)
class _Registry:
    """Rows of phones.csv or accounts.csv, coded: the value, its kind, since when, whose."""

    code: Int64Array
    kind: Int64Array
    since: Int64Array
    holder: Int64Array

    def spread(self, values: Vocabulary, persons: Vocabulary, size: int) -> _Registry:
        """The same facts indexed by final code: -1 / _NO_TS where the registry is silent."""
        code = values.final(self.code)
        kind = np.full(size, -1, dtype=np.int64)
        kind[code] = self.kind
        since = np.full(size, _NO_TS, dtype=np.int64)
        since[code] = self.since
        holder = np.full(size, -1, dtype=np.int64)
        holder[code] = persons.final(self.holder)
        return _Registry(np.arange(size, dtype=np.int64), kind, since, holder)


def _registry(
    frame: pl.DataFrame,
    columns: tuple[str, str],
    kinds: tuple[str, ...],
    vocab: tuple[Vocabulary, Vocabulary],
    new_holders: bool,
) -> _Registry:
    """`columns` = (value, since); holders not met before are coded only if `new_holders`."""
    values, persons = vocab
    return _Registry(
        code=values.code(frame[columns[0]]),
        kind=_kind_codes(frame["kind"], kinds),
        since=_ts_or_none(frame[columns[1]]),
        holder=persons.code(frame["holder_person_id"], grow=new_holders),
    )


def without_registry_dates(city: City, *, numbers: BoolArray, accounts: BoolArray) -> City:
    """The city as a carrier that reports no activation dates for the numbers in `numbers`,
    and banks no opening dates for the accounts in `accounts` (masks by code), would give it:
    the format lets both be empty, and feeds leave them empty for whole kinds of numbers."""
    return replace(
        city,
        number_activated=np.where(numbers, _NO_TS, city.number_activated),
        account_opened=np.where(accounts, _NO_TS, city.account_opened),
    )


def load_city(dataset: TableSource) -> City:
    """Read the input tables of `dataset` (never labels/) and code them, one table at a time."""
    vocab = _Vocabularies(*(Vocabulary() for _ in range(5)))
    persons = dataset.table("persons")
    person_code = vocab.persons.code(persons["person_id"])
    person_birth = _int64(persons["birth_year"])
    del persons
    phones = _registry(
        dataset.table("phones"),
        ("number", "activated_at"),
        PHONE_KINDS,
        (vocab.numbers, vocab.persons),
        new_holders=True,
    )
    accounts = _registry(
        dataset.table("accounts"),
        ("account_id", "opened_at"),
        ACCOUNT_KINDS,
        (vocab.accounts, vocab.persons),
        new_holders=False,
    )
    contacts = _contacts(_calls(dataset.table("calls"), vocab), _sms(dataset.table("sms"), vocab))
    net = _net(dataset.table("net"), vocab)
    transfers = _transfers(dataset.table("transfers"), vocab)
    reported = dataset.table("reports").select(
        "ts", "person_id", pl.col("paid_to").alias("account")
    )
    reported = reported.explode("account")
    report_ts, report_account = _int64(reported["ts"]), vocab.accounts.code(reported["account"])
    report_person = vocab.persons.code(reported["person_id"], grow=False)
    del reported
    lists = {
        kind: _listed(dataset.table(f"lists/{kind}"), values)
        for kind, values in (
            ("numbers", vocab.numbers),
            ("accounts", vocab.accounts),
            ("domains", vocab.domains),
            ("apps", vocab.apps),
        )
    }

    number_vocab, account_vocab = vocab.numbers.seal(), vocab.accounts.seal()
    person_vocab = vocab.persons.seal()
    domain_vocab, app_vocab = vocab.domains.seal(), vocab.apps.seal()
    phones = phones.spread(vocab.numbers, vocab.persons, number_vocab.len())
    accounts = accounts.spread(vocab.accounts, vocab.persons, account_vocab.len())
    cards = np.bincount(accounts.holder[accounts.holder >= 0], minlength=person_vocab.len())
    holder_cards = np.where(accounts.holder >= 0, cards[np.clip(accounts.holder, 0, None)], 0)
    birth = np.zeros(person_vocab.len(), dtype=np.int64)
    birth[vocab.persons.final(person_code)] = person_birth

    return City(
        start=dataset.meta.start,
        end=dataset.meta.end,
        numbers=number_vocab,
        accounts=account_vocab,
        persons=person_vocab,
        domains=domain_vocab,
        apps=app_vocab,
        number_kind=phones.kind,
        number_activated=phones.since,
        number_holder=phones.holder,
        account_kind=accounts.kind,
        account_opened=accounts.since,
        account_holder=accounts.holder,
        holder_cards=holder_cards.astype(np.int64),
        person_birth_year=birth,
        contacts=_final_contacts(contacts, vocab),
        net=_final_net(net, vocab),
        transfers=Transfers(
            ts=transfers.ts,
            src=vocab.accounts.final(transfers.src),
            dst=vocab.accounts.final(transfers.dst),
            amount=transfers.amount,
            cash_out=transfers.cash_out,
            seq=transfers.seq,
        ),
        report_ts=report_ts,
        report_account=vocab.accounts.final(report_account),
        report_person=vocab.persons.final(report_person),
        lists=Lists(
            numbers=(vocab.numbers.final(lists["numbers"][0]), lists["numbers"][1]),
            accounts=(vocab.accounts.final(lists["accounts"][0]), lists["accounts"][1]),
            domains=(vocab.domains.final(lists["domains"][0]), lists["domains"][1]),
            apps=(vocab.apps.final(lists["apps"][0]), lists["apps"][1]),
        ),
    )


def _listed(frame: pl.DataFrame, vocabulary: Vocabulary) -> tuple[Int64Array, Int64Array]:
    return vocabulary.code(frame["value"]), _int64(frame["listed_at"])


def _time_order(frame: pl.DataFrame) -> Int64Array:
    """Row order by (ts, event_id): the files are in time order, ties are broken by id."""
    return frame.select(pl.arg_sort_by("ts", "event_id")).to_series().to_numpy()


def _calls(calls: pl.DataFrame, vocab: _Vocabularies) -> Contacts:
    order = _time_order(calls)
    size = calls.height
    return Contacts(
        ts=_int64(calls["ts"])[order],
        src=vocab.numbers.code(calls["caller"])[order],
        dst=vocab.numbers.code(calls["callee"])[order],
        duration=_int64(calls["duration_s"])[order],
        is_sms=np.zeros(size, dtype=np.int64),
        domain=np.full(size, -1, dtype=np.int64),
        seq=np.arange(size, dtype=np.int64),
    )


def _sms(sms: pl.DataFrame, vocab: _Vocabularies) -> Contacts:
    order = _time_order(sms)
    size = sms.height
    return Contacts(
        ts=_int64(sms["ts"])[order],
        src=vocab.numbers.code(sms["sender"])[order],
        dst=vocab.numbers.code(sms["receiver"])[order],
        duration=np.zeros(size, dtype=np.int64),
        is_sms=np.ones(size, dtype=np.int64),
        domain=vocab.domains.code(sms["url_domain"])[order],
        seq=np.arange(size, dtype=np.int64),
    )


def _contacts(calls: Contacts, sms: Contacts) -> Contacts:
    """One stream in (ts, kind, event_id) order: at equal ts calls come first."""
    ts = np.concatenate([calls.ts, sms.ts])
    order = np.argsort(ts, kind="stable")

    def merged(a: Int64Array, b: Int64Array) -> Int64Array:
        return np.concatenate([a, b])[order]

    return Contacts(
        ts=ts[order],
        src=merged(calls.src, sms.src),
        dst=merged(calls.dst, sms.dst),
        duration=merged(calls.duration, sms.duration),
        is_sms=merged(calls.is_sms, sms.is_sms),
        domain=merged(calls.domain, sms.domain),
        seq=np.arange(ts.size, dtype=np.int64),
    )


def _final_contacts(contacts: Contacts, vocab: _Vocabularies) -> Contacts:
    return Contacts(
        ts=contacts.ts,
        src=vocab.numbers.final(contacts.src),
        dst=vocab.numbers.final(contacts.dst),
        duration=contacts.duration,
        is_sms=contacts.is_sms,
        domain=vocab.domains.final(contacts.domain),
        seq=contacts.seq,
    )


def _net(net: pl.DataFrame, vocab: _Vocabularies) -> NetEvents:
    """Targets in first-sight codes: of the domain vocabulary for visits, of apps for installs."""
    order = _time_order(net)
    is_app = (net["kind"] == "app_install").to_numpy()
    targets = net.select(
        domain=pl.when(pl.col("kind") == "url_visit").then("target"),
        app=pl.when(pl.col("kind") == "app_install").then("target"),
    )
    domain, app = vocab.domains.code(targets["domain"]), vocab.apps.code(targets["app"])
    return NetEvents(
        ts=_int64(net["ts"])[order],
        number=vocab.numbers.code(net["number"])[order],
        is_app=is_app.astype(np.int64)[order],
        target=np.where(is_app, app, domain)[order],
    )


def _final_net(net: NetEvents, vocab: _Vocabularies) -> NetEvents:
    is_app = net.is_app == 1
    app = vocab.apps.final(np.where(is_app, net.target, -1))
    domain = vocab.domains.final(np.where(is_app, -1, net.target))
    return NetEvents(
        ts=net.ts,
        number=vocab.numbers.final(net.number),
        is_app=net.is_app,
        target=np.where(is_app, app, domain),
    )


def _transfers(transfers: pl.DataFrame, vocab: _Vocabularies) -> Transfers:
    order = _time_order(transfers)
    cash_out = transfers["to_account"].is_null() | transfers["channel"].is_in(
        list(CASH_OUT_CHANNELS)
    )
    return Transfers(
        ts=_int64(transfers["ts"])[order],
        src=vocab.accounts.code(transfers["from_account"])[order],
        dst=vocab.accounts.code(transfers["to_account"])[order],
        amount=transfers["amount"].to_numpy().astype(np.float64)[order] / 100.0,
        cash_out=cash_out.to_numpy().astype(np.int64)[order],
        seq=np.arange(transfers.height, dtype=np.int64),
    )

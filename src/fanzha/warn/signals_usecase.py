"""What a warned person's phones and accounts did around the warning: the officer's briefing.

Before knocking on a door or calling, the unit wants to see the calls and messages with whom
(and whether that number is flagged or listed), the links visited and apps installed, and the
payments made and to whom. Counterparts the engine flagged or the lists name are marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fanzha.store.dataset_tables import DATASET_TABLES, list_entries
from fanzha.store.service_tables import EngineFlag

#: Hours of signals shown before the warning (the engine's person features look back 72 h).
BEFORE_S = 72 * 3600
#: Rows of each kind shown, newest first.
SHOWN = 40


@dataclass(frozen=True)
class Contact:
    ts: int
    kind: str  # "call" or "sms"
    outgoing: bool
    own_number: str
    other_number: str
    duration_s: int
    link_domain: str | None
    flagged: bool  # the other number is flagged by the engine
    listed: bool  # the other number is on the known-bad list


@dataclass(frozen=True)
class NetSignal:
    ts: int
    kind: str  # "app_install" or "url_visit"
    target: str
    listed: bool


@dataclass(frozen=True)
class Payment:
    ts: int
    from_account: str
    to_account: str | None
    amount: int  # fen
    channel: str
    flagged: bool  # the payee account is flagged by the engine
    listed: bool


@dataclass(frozen=True)
class Signals:
    contacts: list[Contact]
    net: list[NetSignal]
    payments: list[Payment]


def _marked(
    session: Session, kind: str, list_kind: str, values: set[str]
) -> tuple[set[str], set[str]]:
    """Which of `values` the engine flagged, and which a list names."""
    if not values:
        return set(), set()
    flagged = set(
        session.scalars(
            select(EngineFlag.value).where(EngineFlag.kind == kind, EngineFlag.value.in_(values))
        )
    )
    listed = set(
        session.scalars(
            select(list_entries.c.value).where(
                list_entries.c.kind == list_kind, list_entries.c.value.in_(values)
            )
        )
    )
    return flagged, listed


#: Contact tables: (kind, table, source number, destination number, detail column).
_CONTACT_TABLES = (
    ("call", "calls", "caller", "callee", "duration_s"),
    ("sms", "sms", "sender", "receiver", "url_domain"),
)


def _contacts(session: Session, phones: list[str], since: int, until: int) -> list[Contact]:
    rows: list[tuple[int, str, bool, str, str, int, str | None]] = []
    for kind, name, source, destination, detail in _CONTACT_TABLES:
        table = DATASET_TABLES[name]
        src, dst = table.c[source], table.c[destination]
        for ts, caller, callee, extra in session.execute(
            select(table.c.ts, src, dst, table.c[detail])
            .where(or_(src.in_(phones), dst.in_(phones)), table.c.ts.between(since, until))
            .order_by(table.c.ts.desc())
            .limit(SHOWN)
        ):
            out = caller in phones
            own, other = (caller, callee) if out else (callee, caller)
            duration, link = (int(extra), None) if kind == "call" else (0, extra)
            rows.append((int(ts), kind, out, own, other, duration, link))
    rows = sorted(rows, reverse=True)[:SHOWN]
    flagged, listed = _marked(session, "number", "numbers", {r[4] for r in rows})
    return [Contact(*r, flagged=r[4] in flagged, listed=r[4] in listed) for r in rows]


def _net(session: Session, phones: list[str], since: int, until: int) -> list[NetSignal]:
    net = DATASET_TABLES["net"]
    rows = session.execute(
        select(net.c.ts, net.c.kind, net.c.target)
        .where(net.c.number.in_(phones), net.c.ts.between(since, until))
        .order_by(net.c.ts.desc())
        .limit(SHOWN)
    ).all()
    domains = {str(r.target) for r in rows if r.kind == "url_visit"}
    apps = {str(r.target) for r in rows if r.kind == "app_install"}
    listed = (
        _marked(session, "domain", "domains", domains)[1] | _marked(session, "app", "apps", apps)[1]
    )
    return [NetSignal(int(r.ts), str(r.kind), str(r.target), str(r.target) in listed) for r in rows]


def _payments(session: Session, person_id: str, since: int, until: int) -> list[Payment]:
    accounts, transfers = DATASET_TABLES["accounts"], DATASET_TABLES["transfers"]
    own = select(accounts.c.account_id).where(accounts.c.holder_person_id == person_id)
    rows = session.execute(
        select(
            transfers.c.ts,
            transfers.c.from_account,
            transfers.c.to_account,
            transfers.c.amount,
            transfers.c.channel,
        )
        .where(transfers.c.from_account.in_(own), transfers.c.ts.between(since, until))
        .order_by(transfers.c.ts.desc())
        .limit(SHOWN)
    ).all()
    payees = {str(r.to_account) for r in rows if r.to_account is not None}
    flagged, listed = _marked(session, "account", "accounts", payees)
    return [
        Payment(
            int(r.ts),
            str(r.from_account),
            r.to_account,
            int(r.amount),
            str(r.channel),
            flagged=r.to_account in flagged,
            listed=r.to_account in listed,
        )
        for r in rows
    ]


def recent_signals(
    session: Session, person_id: str, phones: list[str], warned_at: int, now: int
) -> Signals:
    """Signals from BEFORE_S before the warning up to now, newest first."""
    since, until = warned_at - BEFORE_S, max(now, warned_at)
    return Signals(
        contacts=_contacts(session, phones, since, until) if phones else [],
        net=_net(session, phones, since, until) if phones else [],
        payments=_payments(session, person_id, since, until),
    )

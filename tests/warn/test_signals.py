"""The briefing on a warned person: their calls, SMS, installs, visits and payments around the
warning, with flagged and listed counterparts marked, and nobody else's records."""

from __future__ import annotations

import polars as pl

from fanzha.store.database import Database
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import EngineFlag
from fanzha.warn.signals_usecase import BEFORE_S, recent_signals

T = 1_772_409_600
ME, OTHER = "13907911234", "13907919999"
FRAUD, LISTED = "+85512345678", "17012345678"


def _store(database: Database) -> None:
    frames = {
        "persons": pl.DataFrame(
            {
                "person_id": ["P1", "P2"],
                "district": ["360102", "360103"],
                "birth_year": [1950, 1990],
                "sex": ["F", "M"],
            }
        ),
        "phones": pl.DataFrame(
            {
                "number": [ME, OTHER],
                "holder_person_id": ["P1", "P2"],
                "kind": ["mobile", "mobile"],
                "activated_at": [None, None],
            },
            schema_overrides={"activated_at": pl.Int64},
        ),
        "accounts": pl.DataFrame(
            {
                "account_id": ["A1", "A2", "M1"],
                "holder_person_id": ["P1", "P2", None],
                "bank": ["工商银行"] * 3,
                "kind": ["personal"] * 3,
                "opened_at": [None, None, None],
            },
            schema_overrides={"opened_at": pl.Int64, "holder_person_id": pl.String},
        ),
        "calls": pl.DataFrame(
            {
                "event_id": ["C1", "C2", "C3", "C4"],
                "ts": [T - 600, T - 300, T - BEFORE_S - 10, T - 100],
                "caller": [FRAUD, ME, FRAUD, OTHER],
                "callee": [ME, LISTED, ME, FRAUD],
                "duration_s": [1500, 30, 60, 90],
            }
        ),
        "sms": pl.DataFrame(
            {
                "event_id": ["S1"],
                "ts": [T - 900],
                "sender": [FRAUD],
                "receiver": [ME],
                "url_domain": ["refund-help.top"],
            }
        ),
        "net": pl.DataFrame(
            {
                "event_id": ["N1"],
                "ts": [T - 200],
                "number": [ME],
                "kind": ["app_install"],
                "target": ["com.meeting.share"],
            }
        ),
        "transfers": pl.DataFrame(
            {
                "event_id": ["X1", "X2"],
                "ts": [T + 60, T + 120],
                "from_account": ["A1", "A2"],
                "to_account": ["M1", "M1"],
                "amount": [5_000_000, 100],
                "channel": ["mobile", "mobile"],
            }
        ),
        "lists/numbers": pl.DataFrame(
            {"value": [LISTED], "listed_at": [T - 86_400], "source": ["12381"]}
        ),
    }
    with database.session() as session:
        for name, frame in frames.items():
            store_records(session, name, frame)
        session.add(
            EngineFlag(
                kind="number", value=FRAUD, ts=T - 700, score=0.99, reasons="X", flagged_at=T
            )
        )
        session.add(
            EngineFlag(kind="account", value="M1", ts=T - 50, score=0.99, reasons="X", flagged_at=T)
        )


def test_the_briefing_shows_the_persons_signals_with_counterparts_marked(
    database: Database,
) -> None:
    _store(database)
    with database.session() as session:
        signals = recent_signals(session, "P1", [ME], T, T + 3600)
    contacts = [(c.kind, c.other_number, c.outgoing, c.flagged, c.listed) for c in signals.contacts]
    assert contacts == [
        ("call", LISTED, True, False, True),
        ("call", FRAUD, False, True, False),
        ("sms", FRAUD, False, True, False),
    ]  # newest first; C3 is older than the briefing, C4 is someone else's
    assert signals.contacts[1].duration_s == 1500
    assert signals.contacts[2].link_domain == "refund-help.top"
    assert [(n.kind, n.target) for n in signals.net] == [("app_install", "com.meeting.share")]
    assert [(p.to_account, p.amount, p.flagged) for p in signals.payments] == [
        ("M1", 5_000_000, True)
    ]


def test_the_briefing_stops_at_now(database: Database) -> None:
    _store(database)
    with database.session() as session:
        signals = recent_signals(session, "P1", [ME], T, T)
    assert signals.payments == []

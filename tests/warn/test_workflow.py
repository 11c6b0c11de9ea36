"""The warning workflow on the store: routing, deadlines by tier, steps, escalation, outcomes."""

from __future__ import annotations

import polars as pl
import pytest
from sqlalchemy import select

from fanzha.store.database import Database
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import WarningRecord, WarningStep
from fanzha.warn.accuracy_usecase import warning_accuracy
from fanzha.warn.board_usecase import open_board
from fanzha.warn.errors import StepNotAllowedError, WarningNotFoundError
from fanzha.warn.escalate_usecase import escalate_overdue
from fanzha.warn.export_usecase import outcomes_csv
from fanzha.warn.receive_usecase import receive_warnings
from fanzha.warn.work_usecase import record_outcome, take_step
from fanzha.warn.workflow import Outcome, Step, TierPolicy, WarnPolicy

T0 = 1_772_327_702  # 2026-03-01T09:15:02+08:00 = 01:15:02 UTC
POLICY = WarnPolicy()


def _warnings(rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "warning_id": [r[0] for r in rows],
            "ts": [T0] * len(rows),
            "person_id": [r[1] for r in rows],
            "tier": [str(r[2]) for r in rows],
            "score": [0.9] * len(rows),
            "reasons": ["long_call_overseas"] * len(rows),
        }
    )


@pytest.fixture
def seeded(database: Database) -> Database:
    persons = pl.DataFrame(
        {
            "person_id": ["P1", "P2", "P3"],
            "district": ["360102", "360111", "360102"],
            "birth_year": [1980, 1991, 1950],
            "sex": ["M", "F", "F"],
        }
    )
    with database.session() as session:
        store_records(session, "persons", persons)
        received = receive_warnings(
            session,
            _warnings([("W1", "P1", 1), ("W2", "P2", 2), ("W3", "P3", 3), ("W4", "P9", 1)]),
            POLICY,
            T0 + 5,
        )
    assert (received.stored, received.duplicates, received.unroutable) == (3, 0, [(3, "P9")])
    return database


def test_routing_and_deadlines_by_tier(seeded: Database) -> None:
    with seeded.session() as session:
        records = {r.warning_id: r for r in session.scalars(select(WarningRecord))}
        pushes = session.scalars(select(WarningStep.warning_id)).all()
    assert {k: r.district for k, r in records.items()} == {
        "W1": "360102",
        "W2": "360111",
        "W3": "360102",
    }
    assert (records["W1"].due_step, records["W1"].deadline_at) == ("met", T0 + 1800)
    assert (records["W2"].due_step, records["W2"].deadline_at) == ("called", T0 + 600)
    # Tier 3 is pushed by the platform at once: its due step is done on receipt.
    assert (records["W3"].due_step, records["W3"].met_at) == ("pushed", T0 + 5)
    assert pushes == ["W3"]


def test_resent_warnings_are_duplicates(seeded: Database) -> None:
    with seeded.session() as session:
        again = receive_warnings(session, _warnings([("W1", "P1", 1)]), POLICY, T0 + 60)
    assert (again.stored, again.duplicates) == (0, 1)


def test_deadlines_are_settings(database: Database) -> None:
    policy = WarnPolicy(tier1=TierPolicy(Step.MET, 15 * 60))
    persons = pl.DataFrame(
        {"person_id": ["P1"], "district": ["D"], "birth_year": [1980], "sex": ["M"]}
    )
    with database.session() as session:
        store_records(session, "persons", persons)
        receive_warnings(session, _warnings([("W1", "P1", 1)]), policy, T0)
        record = session.get(WarningRecord, "W1")
    assert record is not None
    assert record.deadline_at == T0 + 900


def test_district_unit_sees_only_its_district(seeded: Database) -> None:
    with seeded.session() as session:
        board_a = open_board(session, T0, "360102")
        city = open_board(session, T0, None)
        with pytest.raises(WarningNotFoundError):
            take_step(
                session, "W2", Step.SIGNED_FOR, username="a", note="", now=T0, district="360102"
            )
    assert [i.warning_id for tier in board_a.values() for i in tier] == ["W1", "W3"]
    assert sorted(i.warning_id for tier in city.values() for i in tier) == ["W1", "W2", "W3"]
    assert city[1][0].seconds_left == 1800


def test_steps_move_forward_only_and_meet_the_deadline(seeded: Database) -> None:
    with seeded.session() as session:
        take_step(session, "W1", Step.SIGNED_FOR, username="a", note="", now=T0 + 60, district=None)
        take_step(
            session, "W1", Step.FOUND, username="a", note="at home", now=T0 + 900, district=None
        )
        with pytest.raises(StepNotAllowedError):
            take_step(
                session, "W1", Step.CALLED, username="a", note="", now=T0 + 901, district=None
            )
        record = take_step(
            session, "W1", Step.MET, username="a", note="", now=T0 + 1500, district=None
        )
        assert (record.state, record.met_at) == ("met", T0 + 1500)
        record = record_outcome(
            session,
            "W1",
            Outcome.DISSUADED,
            username="a",
            note="stopped a 50k transfer",
            now=T0 + 1600,
            district=None,
        )
        assert (record.state, record.outcome) == ("feedback", "dissuaded")
        with pytest.raises(StepNotAllowedError):
            record_outcome(
                session,
                "W1",
                Outcome.FALSE_ALARM,
                username="a",
                note="",
                now=T0 + 1700,
                district=None,
            )
        history = session.scalars(
            select(WarningStep.step).where(WarningStep.warning_id == "W1").order_by(WarningStep.id)
        ).all()
        assert history == ["signed_for", "found", "met", "feedback"]
        # Closed warnings leave the board; nothing overdue is escalated for it later.
        assert [i.warning_id for i in open_board(session, T0 + 9999, None)[1]] == []
        assert escalate_overdue(session, T0 + 9999) == ["W2"]


def test_overdue_warnings_are_escalated_once(seeded: Database) -> None:
    with seeded.session() as session:
        assert escalate_overdue(session, T0 + 600) == []  # W2's deadline is not yet passed
        take_step(session, "W1", Step.CALLED, username="a", note="", now=T0 + 300, district=None)
        assert escalate_overdue(session, T0 + 1801) == ["W2", "W1"]
        assert escalate_overdue(session, T0 + 3600) == []
        board = open_board(session, T0 + 3600, None)
        note = session.scalars(
            select(WarningStep.note).where(WarningStep.step == "escalated")
        ).first()
    assert board[2][0].escalated and board[2][0].seconds_left == -3000
    assert note == "called not done by the deadline (20 min late)"


def test_accuracy_is_confirmed_over_contacted(seeded: Database) -> None:
    with seeded.session() as session:
        for warning_id, outcome in (
            ("W1", Outcome.DISSUADED),
            ("W2", Outcome.FALSE_ALARM),
            ("W3", Outcome.UNREACHABLE),
        ):
            record_outcome(
                session, warning_id, outcome, username="a", note="", now=T0 + 100, district=None
            )
        figures = warning_accuracy(session, None)
        district = warning_accuracy(session, "360102")
        csv = outcomes_csv(session, None)
    assert (figures.warnings, figures.with_outcome, figures.contacted, figures.confirmed) == (
        3,
        3,
        2,
        1,
    )
    assert figures.accuracy == 0.5
    assert figures.contact_rate == pytest.approx(2 / 3)
    assert (district.contacted, district.accuracy) == (1, 1.0)
    lines = csv.splitlines()
    assert lines[0] == "warning_id,ts,person_id,tier,score,reasons,outcome,outcome_ts,accurate"
    assert lines[1] == (
        "W1,2026-03-01T09:15:02+08:00,P1,1,0.9000,long_call_overseas,"
        "dissuaded,2026-03-01T09:16:42+08:00,1"
    )
    assert lines[2].endswith(",false_alarm,2026-03-01T09:16:42+08:00,0")
    assert lines[3].endswith(",unreachable,2026-03-01T09:16:42+08:00,")

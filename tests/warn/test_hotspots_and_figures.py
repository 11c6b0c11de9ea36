"""Hotspot rule, statistics day boundaries in China time, and awareness order states."""

from __future__ import annotations

import polars as pl
import pytest

from fanzha.store.database import Database
from fanzha.store.ingest_usecase import store_records
from fanzha.store.service_tables import CaseRecord, WarningRecord
from fanzha.warn.awareness import OrderState, advance
from fanzha.warn.dispatch_usecase import dispatch, orders_for
from fanzha.warn.errors import StepNotAllowedError
from fanzha.warn.hotspot_usecase import HotspotRule, find_hotspots
from fanzha.warn.statistics_usecase import statistics

NOW = 1_772_900_000
DAY = 86_400
#: district -> residents: a small town, a big one, a middling one.
RESIDENTS = {"D1": 100, "D2": 1_000, "D3": 400}


def _seed(database: Database, cases: list[tuple[str, int, str, int]]) -> None:
    """cases: (district, age in seconds, scam type, claimed fen)."""
    persons = pl.DataFrame(
        {
            "person_id": [f"{d}-{i}" for d, n in RESIDENTS.items() for i in range(n)],
            "district": [d for d, n in RESIDENTS.items() for _ in range(n)],
            "birth_year": [1990] * sum(RESIDENTS.values()),
            "sex": ["M"] * sum(RESIDENTS.values()),
        }
    )
    with database.session() as session:
        store_records(session, "persons", persons)
        for i, (district, age, scam_type, claimed) in enumerate(cases):
            session.add(
                CaseRecord(
                    case_id=f"C{i}",
                    report_id=f"R{i}",
                    ts=NOW - age,
                    person_id=f"{district}-0",
                    district=district,
                    scam_type=scam_type,
                    claimed=claimed,
                    opened_at=NOW - age,
                )
            )


def test_hotspots_need_enough_cases_and_a_rate_well_above_the_city(database: Database) -> None:
    cases = [("D1", DAY, "rebate", 100), ("D1", 2 * DAY, "loan", 900), ("D1", 3 * DAY, "loan", 5)]
    cases += [("D1", 8 * DAY, "rebate", 1)]  # outside the 7-day window
    cases += [("D2", h * 3600, "police", 1) for h in range(1, 6)]  # many, but a big town
    cases += [("unknown", 3600, "police", 1)] * 4  # victims whose district is not stored
    _seed(database, cases)
    with database.session() as session:
        found = find_hotspots(session, NOW, HotspotRule())
        stricter = find_hotspots(session, NOW, HotspotRule(min_cases=4))
    # City: 12 cases in the window over 1,500 residents = 80 per 10k; D1: 3/100 = 300 per 10k.
    assert [(h.district, h.cases, h.focus, round(h.city_rate)) for h in found] == [
        ("D1", 3, "loan", 80)
    ]
    assert stricter == []


def test_statistics_count_days_in_china_time(database: Database) -> None:
    midnight = 1_772_380_800  # 2026-03-02T00:00:00+08:00
    with database.session() as session:
        for i, ts in enumerate((midnight - 60, midnight, midnight + DAY - 1)):
            session.add(
                WarningRecord(
                    warning_id=f"W{i}",
                    ts=ts,
                    person_id="p",
                    tier=2,
                    score=0.5,
                    reasons="r",
                    district="D1",
                    state="new",
                    due_step="called",
                    deadline_at=ts,
                    received_at=ts,
                )
            )
    with database.session() as session:
        figures = statistics(session)
    assert [(d.day, d.warnings) for d in figures.by_day] == [("2026-03-01", 1), ("2026-03-02", 2)]


def test_orders_move_forward_only_and_dispatch_skips_districts_with_open_orders(
    database: Database,
) -> None:
    assert advance(1, "issued", OrderState.ACCEPTED) is OrderState.ACCEPTED
    for current, wanted in (("issued", OrderState.DELIVERED), ("delivered", OrderState.ACCEPTED)):
        with pytest.raises(StepNotAllowedError):
            advance(1, current, wanted)
    _seed(database, [("D1", DAY, "rebate", 100)] * 3)
    with database.session() as session:
        hotspots = find_hotspots(session, NOW, HotspotRule())
        assert len(dispatch(session, hotspots, NOW, "duty")) == 1
        assert dispatch(session, hotspots, NOW + 60, "duty") == []
        assert [o.district for o in orders_for(session, "D1")] == ["D1"]
        assert orders_for(session, "D2") == []

"""The live engine: a city fed slice by slice into the store is decided as the replay decides
it, once each, across restarts, with late records taken in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import func, select

from fanzha.api.live_loop import LiveEngine, live_round
from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.detect.replay_usecase import replay
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import Dataset
from fanzha.io.event_feed import FeedSlice, registries, timed_slices
from fanzha.io.schema import TABLES
from fanzha.io.table_reader import read_table
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.store.database import Database
from fanzha.store.event_window import EventWindow
from fanzha.store.feed_usecase import store_slice
from fanzha.store.ingest_usecase import store_records
from fanzha.store.pursuit_usecase import one_click
from fanzha.store.service_tables import CaseRecord, EngineFlag, StopRequestRecord, WarningRecord
from tests.trace.ledger_factory import BASE_TS, accounts, reports, transfers

STEP_S = 12 * 3600
LATENESS_S = 60


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pl.DataFrame, pl.DataFrame]:
    root = tmp_path_factory.mktemp("live") / "city"
    simulate(SimConfig.profile("high_fraud").with_overrides(persons=1500, days=2, seed=77), root)
    out = root.parent / "out"
    replay(root, out)
    warnings = read_table(out, TABLES["warnings"]).with_columns(pl.col("tier").cast(pl.Int64))
    return root, warnings, read_table(out, TABLES["flagged_accounts"])


class Feed:
    """A service's store and live engine, fed a dataset slice by slice with the clock at the
    slice's end."""

    def __init__(self, database_url: str, data: Dataset) -> None:
        self.now = data.meta.start
        settings = ServiceSettings(
            database_url=database_url, live_interval_s=0, escalation_interval_s=0
        )
        self.services = Services(settings, Database(database_url), lambda: self.now)
        self.services.database.migrate()
        self.data = data
        self.live = self.engine()
        with self.services.database.session() as session:
            store_slice(session, registries(data))

    def engine(self) -> LiveEngine:
        window = EventWindow(7 * 86_400, origin=self.data.meta.start)
        return LiveEngine(window, DetectModel.load(), LATENESS_S, backfill_s=10**9)

    def store(self, piece: FeedSlice) -> None:
        with self.services.database.session() as session:
            store_slice(session, piece)

    def warnings(self) -> list[tuple[int, str, int]]:
        with self.services.database.session() as session:
            query = select(WarningRecord.ts, WarningRecord.person_id, WarningRecord.tier)
            return sorted((int(t), str(p), int(k)) for t, p, k in session.execute(query))


@pytest.fixture
def feed(database_url: str, city: tuple[Path, pl.DataFrame, pl.DataFrame]) -> Iterator[Feed]:
    made = Feed(database_url, Dataset(city[0]))
    yield made
    made.services.database.dispose()


def expected_until(warnings: pl.DataFrame, until: int) -> list[tuple[int, str, int]]:
    rows = warnings.filter(pl.col("ts") <= until).select("ts", "person_id", "tier")
    return sorted((int(t), str(p), int(k)) for t, p, k in rows.iter_rows())


def test_live_rounds_decide_what_the_replay_decides(
    feed: Feed, city: tuple[Path, pl.DataFrame, pl.DataFrame]
) -> None:
    _root, warnings, flagged = city
    until = feed.data.meta.start
    for piece in timed_slices(feed.data, STEP_S):
        feed.store(piece)
        feed.now = piece.until
        done = live_round(feed.services, feed.live)
        assert done.moments is not None
        until = done.moments.until
    assert warnings.height > 0
    assert feed.warnings() == expected_until(warnings, until)
    with feed.services.database.session() as session:
        accounts = set(
            session.scalars(select(EngineFlag.value).where(EngineFlag.kind == "account"))
        )
        cases = session.scalar(select(func.count()).select_from(CaseRecord))
    assert accounts == set(flagged.filter(pl.col("ts") <= until)["account_id"])
    assert cases == feed.data.table("reports").filter(pl.col("ts") <= until).height
    again = live_round(feed.services, feed.live)
    assert again.moments is None and again.warnings == 0


def test_a_restart_resumes_where_the_last_round_stopped(
    feed: Feed, city: tuple[Path, pl.DataFrame, pl.DataFrame]
) -> None:
    slices = list(timed_slices(feed.data, STEP_S))
    half = len(slices) // 2
    for piece in slices[:half]:
        feed.store(piece)
    feed.now = slices[half - 1].until
    live_round(feed.services, feed.live)
    feed.live = feed.engine()  # a new process: nothing held in memory
    for piece in slices[half:]:
        feed.store(piece)
    feed.now = slices[-1].until
    done = live_round(feed.services, feed.live)
    assert done.moments is not None
    assert feed.warnings() == expected_until(city[1], done.moments.until)


def test_records_arriving_late_reload_the_window(
    feed: Feed, city: tuple[Path, pl.DataFrame, pl.DataFrame]
) -> None:
    slices = list(timed_slices(feed.data, STEP_S))
    late = slices[0].tables.pop("transfers")
    for piece in slices:
        feed.store(piece)
    feed.now = slices[-1].until
    live_round(feed.services, feed.live)
    with feed.services.database.session() as session:
        store_slice(session, FeedSlice(slices[0].since, slices[0].until, {"transfers": late}))
    done = live_round(feed.services, feed.live)
    assert "transfers" in done.reloaded
    assert feed.live.window.table("transfers").height == feed.data.table("transfers").height


def test_a_stopped_case_is_followed_as_its_money_moves_on(database_url: str) -> None:
    """After the one click, a later round holds the account the victim paid once it passes
    money on as mules do, and the account the money went to."""
    ledger = transfers([(0, "V1", "M1", 50_000.0, "mobile"), (3, "M1", "M2", 30_000.0, "mobile")])
    persons = pl.DataFrame(
        {"person_id": ["P1"], "district": ["360102"], "birth_year": [1950], "sex": ["F"]}
    )
    now = [BASE_TS + 120]
    settings = ServiceSettings(database_url=database_url, live_interval_s=0)
    services = Services(settings, Database(database_url), lambda: now[0])
    services.database.migrate()
    with services.database.session() as session:
        store_records(session, "persons", persons)
        store_records(
            session,
            "accounts",
            accounts(dict.fromkeys(("V1", "M1", "M2"), "personal"), {"V1": "P1"}),
        )
        store_records(session, "transfers", ledger.slice(0, 1))
        store_records(session, "reports", reports([("R1", 1, "P1", ["M1"], 50_000.0)]))
    live = LiveEngine(EventWindow(7 * 86_400), DetectModel.load(), LATENESS_S, backfill_s=3600)
    live_round(services, live)
    with services.database.session() as session:
        first = one_click(session, "CR1", now[0], settings.applicant("stoppay"))
    assert first.sent == []  # M1 keeps the money so far: no evidence it is a mule yet
    with services.database.session() as session:
        store_records(session, "transfers", ledger.slice(1, 1))  # M1 passes it on at minute 3
    now[0] = BASE_TS + 600
    assert live_round(services, live).followed_requests == 2
    with services.database.session() as session:
        requests = session.execute(
            select(StopRequestRecord.account_id, StopRequestRecord.amount, StopRequestRecord.hop)
            .where(StopRequestRecord.case_id == "CR1")
            .order_by(StopRequestRecord.request_id)
        ).all()
    assert [tuple(r) for r in requests] == [("M1", 5_000_000, 1), ("M2", 3_000_000, 2)]
    assert live_round(services, live).followed_requests == 0  # nothing new: nothing sent twice
    services.database.dispose()


def test_stopped_cases_followed_in_one_round_each_get_their_own_requests(
    database_url: str,
) -> None:
    """The records a round reads once for all the cases it follows give each case what it
    alone would have got."""
    ledger = transfers(
        [
            (0, "V1", "M1", 50_000.0, "mobile"),
            (1, "V2", "M3", 20_000.0, "mobile"),
            (3, "M1", "M2", 30_000.0, "mobile"),
            (4, "M3", "M4", 15_000.0, "mobile"),
        ]
    )
    persons = pl.DataFrame(
        {
            "person_id": ["P1", "P2"],
            "district": ["360102", "360103"],
            "birth_year": [1950, 1962],
            "sex": ["F", "M"],
        }
    )
    now = [BASE_TS + 120]
    settings = ServiceSettings(database_url=database_url, live_interval_s=0)
    services = Services(settings, Database(database_url), lambda: now[0])
    services.database.migrate()
    with services.database.session() as session:
        store_records(session, "persons", persons)
        kinds = dict.fromkeys(("V1", "V2", "M1", "M2", "M3", "M4"), "personal")
        store_records(session, "accounts", accounts(kinds, {"V1": "P1", "V2": "P2"}))
        store_records(session, "transfers", ledger.slice(0, 2))
        store_records(
            session,
            "reports",
            reports([("R1", 1, "P1", ["M1"], 50_000.0), ("R2", 2, "P2", ["M3"], 20_000.0)]),
        )
    live = LiveEngine(EventWindow(7 * 86_400), DetectModel.load(), LATENESS_S, backfill_s=3600)
    live_round(services, live)
    with services.database.session() as session:
        clicked = [
            one_click(session, case_id, now[0], settings.applicant("stoppay")).sent
            for case_id in ("CR1", "CR2")
        ]
    with services.database.session() as session:
        store_records(session, "transfers", ledger.slice(2, 2))  # both mules pass it on
    now[0] = BASE_TS + 600
    # A case whose paid account was already flagged when clicked holds it at once; the rest
    # is followed when the money moves on.
    assert sum(map(len, clicked)) + live_round(services, live).followed_requests == 4
    with services.database.session() as session:
        requests = session.execute(
            select(
                StopRequestRecord.case_id,
                StopRequestRecord.account_id,
                StopRequestRecord.amount,
                StopRequestRecord.hop,
            )
        ).all()
    assert sorted(tuple(r) for r in requests) == [
        ("CR1", "M1", 5_000_000, 1),
        ("CR1", "M2", 3_000_000, 2),
        ("CR2", "M3", 2_000_000, 1),
        ("CR2", "M4", 1_500_000, 2),
    ]
    services.database.dispose()

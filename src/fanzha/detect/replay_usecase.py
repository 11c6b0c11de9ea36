"""`fanzha replay`: read a dataset in event time and write the engine's decisions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import polars as pl

from fanzha.detect.blacklist_engine import run_blacklist
from fanzha.detect.city import load_city
from fanzha.detect.engine import Decisions, run_engine
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import Dataset
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table
from fanzha.stoppay.replay_planner import plan_reference_stop_requests, plan_stop_requests


class Mode(StrEnum):
    ENGINE = "engine"  # rules and learned models
    BLACKLIST = "blacklist"  # the reference: known-bad lists only


@dataclass(frozen=True)
class ReplaySummary:
    mode: Mode
    events: int
    seconds: float
    read_seconds: float  # of `seconds`, reading and coding the dataset
    warnings_by_tier: dict[str, int]
    flagged_numbers: int
    flagged_accounts: int
    stop_requests: int

    @property
    def events_per_s(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0


def write_decisions(decisions: Decisions, stop_requests: pl.DataFrame, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_table(decisions.warnings, out, TABLES["warnings"])
    write_table(decisions.flagged_numbers, out, TABLES["flagged_numbers"])
    write_table(decisions.flagged_accounts, out, TABLES["flagged_accounts"])
    write_table(stop_requests, out, TABLES["stop_requests"])


def plan_stops(data: Dataset, decisions: Decisions, mode: Mode) -> pl.DataFrame:
    """Stop-payment requests: traced from each report (flags may widen a trace, never start
    one) for the engine; the accounts the victims named, for the reference."""
    reports, accounts = data.table("reports"), data.table("accounts")
    if mode is Mode.BLACKLIST:
        return plan_reference_stop_requests(reports, accounts)
    flagged = decisions.flagged_accounts.select("account_id", "ts")
    return plan_stop_requests(data.table("transfers"), reports, accounts, flagged)


def replay(
    dataset: Path,
    out: Path,
    model_path: Path | None = None,
    mode: Mode = Mode.ENGINE,
    progress: Callable[[str], None] = lambda _: None,
) -> ReplaySummary:
    """Replay DATASET (never its labels/) and write the output tables into OUT."""
    started = time.perf_counter()
    progress("reading")
    # Each table is coded and let go as it is read; the stop-payment planner reads its three
    # tables again once the coded city is gone, rather than keeping them all along.
    city = load_city(Dataset(dataset, keep_tables=False))
    events, read_seconds = city.events, time.perf_counter() - started
    if mode is Mode.BLACKLIST:
        decisions = run_blacklist(city)
    else:
        decisions = run_engine(city, DetectModel.load(model_path), progress)
    del city
    progress("stop-payment")
    stops = plan_stops(Dataset(dataset), decisions, mode)
    progress("writing")
    write_decisions(decisions, stops, out)
    tiers = decisions.warnings["tier"].value_counts().sort("tier")
    return ReplaySummary(
        mode=mode,
        events=events,
        seconds=time.perf_counter() - started,
        read_seconds=read_seconds,
        warnings_by_tier={str(k): int(v) for k, v in tiers.iter_rows()},
        flagged_numbers=decisions.flagged_numbers.height,
        flagged_accounts=decisions.flagged_accounts.height,
        stop_requests=stops.height,
    )

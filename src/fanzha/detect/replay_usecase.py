"""`fanzha replay`: read a dataset in event time and write the engine's decisions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fanzha.detect.blacklist_engine import run_blacklist
from fanzha.detect.city import load_city
from fanzha.detect.engine import Decisions, run_engine
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import Dataset
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table


class Mode(StrEnum):
    ENGINE = "engine"  # rules and learned models
    BLACKLIST = "blacklist"  # the reference: known-bad lists only


@dataclass(frozen=True)
class ReplaySummary:
    mode: Mode
    events: int
    seconds: float
    warnings_by_tier: dict[str, int]
    flagged_numbers: int
    flagged_accounts: int

    @property
    def events_per_s(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0


def write_decisions(decisions: Decisions, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_table(decisions.warnings, out, TABLES["warnings"])
    write_table(decisions.flagged_numbers, out, TABLES["flagged_numbers"])
    write_table(decisions.flagged_accounts, out, TABLES["flagged_accounts"])


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
    city = load_city(Dataset(dataset))
    if mode is Mode.BLACKLIST:
        decisions = run_blacklist(city)
    else:
        decisions = run_engine(city, DetectModel.load(model_path), progress)
    progress("writing")
    write_decisions(decisions, out)
    tiers = decisions.warnings["tier"].value_counts().sort("tier")
    return ReplaySummary(
        mode=mode,
        events=city.events,
        seconds=time.perf_counter() - started,
        warnings_by_tier={str(k): int(v) for k, v in tiers.iter_rows()},
        flagged_numbers=decisions.flagged_numbers.height,
        flagged_accounts=decisions.flagged_accounts.height,
    )

"""The replay's engine run live: decide the moments that became final since the last round.

Each round re-runs the causal engine over the held window of records and keeps the decisions
timed in (after, until]. Because every decision at time t depends only on records up to t, a
moment decided live is decided exactly as `fanzha replay` decides it over the same records,
as long as the window reaches back as far as the engine's features look (see horizons.py).
Warning ids are made of the moment and the person, so they are the same whichever round or
process decides them.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from fanzha.detect.city import load_city
from fanzha.detect.engine import Decisions, run_engine
from fanzha.detect.scoring_model import DetectModel
from fanzha.io.dataset import TableSource


@dataclass(frozen=True)
class Moments:
    """The stretch of event time a round decides: after < ts <= until."""

    after: int
    until: int


def live_warning_ids(warnings: pl.DataFrame) -> pl.DataFrame:
    """Ids from (ts, person): at most one warning per person and second (warning_policy)."""
    return warnings.with_columns(
        warning_id=pl.format("W{}-{}", pl.col("ts").cast(pl.String), pl.col("person_id"))
    )


def decide_moments(source: TableSource, model: DetectModel, moments: Moments) -> Decisions:
    """The decisions timed inside `moments`, from the records `source` holds."""
    decisions = run_engine(load_city(source), model, lambda _: None)

    def inside(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.filter((pl.col("ts") > moments.after) & (pl.col("ts") <= moments.until))

    return Decisions(
        warnings=live_warning_ids(inside(decisions.warnings)),
        flagged_numbers=inside(decisions.flagged_numbers),
        flagged_accounts=inside(decisions.flagged_accounts),
    )

"""The centre's figures: warnings, outcomes, accuracy, losses and money held, by day (China
time), district and typology. Warnings are counted in SQL; cases, fewer, in one polars frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import polars as pl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.io.fields import CITY_UTC_OFFSET_S
from fanzha.store.service_tables import WarningRecord
from fanzha.warn.accuracy_usecase import WarningAccuracy, warning_accuracy
from fanzha.warn.case_frame import cases_with_money, residents_by_district
from fanzha.warn.workflow import CONFIRMED, CONTACTED

DAY_S = 86_400
#: The golden half hour after a loss (BRIEF.md): requests sent within it count apart.
GOLDEN_S = 30 * 60


@dataclass(frozen=True)
class DayFigures:
    day: str  # YYYY-MM-DD in China time
    warnings: int
    by_tier: tuple[int, int, int]
    cases: int
    loss: int  # fen reported lost
    held: int  # fen held now for those cases


@dataclass(frozen=True)
class DistrictFigures:
    district: str
    residents: int
    warnings: int
    contacted: int
    confirmed: int
    cases: int
    loss: int
    held: int
    returned: int

    @property
    def accuracy(self) -> float | None:
        return self.confirmed / self.contacted if self.contacted else None


@dataclass(frozen=True)
class TypologyFigures:
    scam_type: str
    cases: int
    loss: int
    held: int
    returned: int


@dataclass(frozen=True)
class StopSpeed:
    """How fast money is stopped ("stop-payment in minutes"): from the report to the first
    request sent, and to the first bank answer holding money; medians over the cases that
    got that far, and the share of cases with a request within the golden half hour."""

    cases: int
    requested: int
    held: int
    median_s_to_request: float | None
    median_s_to_hold: float | None
    requested_within_30_min: float | None  # share of all cases


@dataclass(frozen=True)
class Statistics:
    overall: WarningAccuracy
    stop_speed: StopSpeed
    outcomes: dict[str, int]  # outcome -> warnings; "open" for those without one yet
    by_day: list[DayFigures]
    by_district: list[DistrictFigures]
    by_typology: list[TypologyFigures]

    @property
    def loss(self) -> int:
        return sum(d.loss for d in self.by_district)

    @property
    def held(self) -> int:
        return sum(d.held for d in self.by_district)

    @property
    def returned(self) -> int:
        return sum(d.returned for d in self.by_district)


def day_label(day: int) -> str:
    return datetime.fromtimestamp(day * DAY_S, UTC).strftime("%Y-%m-%d")


def _warning_rows(
    session: Session, since: int | None, until: int | None
) -> list[tuple[int, str, int, str | None, int]]:
    """(China day, district, tier, outcome, count) of the warnings in the period."""
    day = (WarningRecord.ts + CITY_UTC_OFFSET_S) // DAY_S  # integer division on both
    query = select(
        day, WarningRecord.district, WarningRecord.tier, WarningRecord.outcome, func.count()
    ).group_by(day, WarningRecord.district, WarningRecord.tier, WarningRecord.outcome)
    if since is not None:
        query = query.where(WarningRecord.ts >= since)
    if until is not None:
        query = query.where(WarningRecord.ts < until)
    return [(int(d), str(s), int(t), o, int(n)) for d, s, t, o, n in session.execute(query)]


def stop_speed(cases: pl.DataFrame) -> StopSpeed:
    """From the `cases_with_money` frame."""
    to_request = (cases["first_request_ts"] - cases["ts"]).drop_nulls()
    to_hold = (cases["first_hold_ts"] - cases["ts"]).drop_nulls()

    def median(values: pl.Series) -> float | None:
        return float(values.median()) if values.len() else None  # type: ignore[arg-type]

    return StopSpeed(
        cases=cases.height,
        requested=to_request.len(),
        held=to_hold.len(),
        median_s_to_request=median(to_request),
        median_s_to_hold=median(to_hold),
        requested_within_30_min=(
            int((to_request <= GOLDEN_S).sum()) / cases.height if cases.height else None
        ),
    )


def statistics(session: Session, since: int | None = None, until: int | None = None) -> Statistics:
    """Figures over warnings and cases with `since <= ts < until` (bounds optional)."""
    warnings = pl.DataFrame(
        _warning_rows(session, since, until),
        schema={
            "day": pl.Int64,
            "district": pl.String,
            "tier": pl.Int64,
            "outcome": pl.String,
            "n": pl.Int64,
        },
        orient="row",
    )
    contacted = [o.value for o in CONTACTED]
    confirmed = [o.value for o in CONFIRMED]
    cases = cases_with_money(session, since, until).with_columns(
        ((pl.col("ts") + CITY_UTC_OFFSET_S) // DAY_S).alias("day")
    )
    case_sums = [
        pl.len().alias("cases"),
        pl.col("claimed").sum().alias("loss"),
        pl.col("held").sum(),
        pl.col("returned").sum(),
    ]
    warn_days = warnings.group_by("day").agg(
        pl.col("n").sum().alias("warnings"),
        *(pl.col("n").filter(pl.col("tier") == t).sum().alias(f"tier{t}") for t in (1, 2, 3)),
    )
    days = (
        warn_days.join(cases.group_by("day").agg(case_sums), on="day", how="full", coalesce=True)
        .fill_null(0)
        .sort("day")
    )
    warn_districts = warnings.group_by("district").agg(
        pl.col("n").sum().alias("warnings"),
        pl.col("n").filter(pl.col("outcome").is_in(contacted)).sum().alias("contacted"),
        pl.col("n").filter(pl.col("outcome").is_in(confirmed)).sum().alias("confirmed"),
    )
    districts = (
        residents_by_district(session)
        .join(warn_districts, on="district", how="full", coalesce=True)
        .join(cases.group_by("district").agg(case_sums), on="district", how="full", coalesce=True)
        .fill_null(0)
        .sort("district")
    )
    typologies = (
        cases.group_by("scam_type")
        .agg(case_sums)
        .sort("loss", "scam_type", descending=[True, False])
    )
    outcomes = warnings.group_by(pl.col("outcome").fill_null("open")).agg(pl.col("n").sum())
    return Statistics(
        overall=warning_accuracy(session, None, since, until),
        stop_speed=stop_speed(cases),
        outcomes={str(o): int(n) for o, n in outcomes.sort("outcome").iter_rows()},
        by_day=[
            DayFigures(
                day=day_label(r["day"]),
                warnings=r["warnings"],
                by_tier=(r["tier1"], r["tier2"], r["tier3"]),
                cases=r["cases"],
                loss=r["loss"],
                held=r["held"],
            )
            for r in days.iter_rows(named=True)
        ],
        by_district=[
            DistrictFigures(**r)
            for r in districts.select(
                "district",
                "residents",
                "warnings",
                "contacted",
                "confirmed",
                "cases",
                "loss",
                "held",
                "returned",
            ).iter_rows(named=True)
        ],
        by_typology=[TypologyFigures(**r) for r in typologies.iter_rows(named=True)],
    )

"""Hotspots: districts where cases cluster, judged per resident against the whole city.

Over the last `window_s` seconds, a district is a hotspot when it has at least `min_cases`
cases and its cases per 10,000 residents are at least `ratio` times the city's. Cases whose
victim's district is not stored ("unknown") count for the city but make no hotspot.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlalchemy.orm import Session

from fanzha.warn.case_frame import cases_with_money, residents_by_district


@dataclass(frozen=True)
class HotspotRule:
    window_s: int = 7 * 86_400
    min_cases: int = 3
    ratio: float = 1.5


@dataclass(frozen=True)
class Hotspot:
    district: str
    cases: int
    residents: int
    loss: int  # fen
    rate: float  # cases per 10,000 residents in the window
    city_rate: float
    focus: str  # the typology with most cases there (ties: most loss, then name)


def find_hotspots(session: Session, now: int, rule: HotspotRule) -> list[Hotspot]:
    """Hotspot districts, most cases per resident first."""
    cases = cases_with_money(session, now - rule.window_s + 1, now + 1)
    residents = residents_by_district(session)
    total_residents = int(residents["residents"].sum())
    if cases.height == 0 or total_residents == 0:
        return []
    city_rate = cases.height / total_residents * 10_000
    focus = (
        cases.group_by("district", "scam_type")
        .agg(pl.len().alias("n"), pl.col("claimed").sum().alias("loss"))
        .sort(["district", "n", "loss", "scam_type"], descending=[False, True, True, False])
        .group_by("district", maintain_order=True)
        .first()
        .select("district", pl.col("scam_type").alias("focus"))
    )
    per_district = (
        cases.group_by("district")
        .agg(pl.len().alias("cases"), pl.col("claimed").sum().alias("loss"))
        .join(residents, on="district")
        .join(focus, on="district")
        .with_columns((pl.col("cases") / pl.col("residents") * 10_000).alias("rate"))
        .filter((pl.col("cases") >= rule.min_cases) & (pl.col("rate") >= rule.ratio * city_rate))
        .sort(["rate", "district"], descending=[True, False])
    )
    return [
        Hotspot(
            district=r["district"],
            cases=r["cases"],
            residents=r["residents"],
            loss=r["loss"],
            rate=r["rate"],
            city_rate=city_rate,
            focus=r["focus"],
        )
        for r in per_district.iter_rows(named=True)
    ]

"""The centre's figures and its hotspots: aggregates only, no person's data in them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict

from fanzha.api.audit_trail import audit
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.warn.hotspot_usecase import find_hotspots
from fanzha.warn.statistics_usecase import statistics

router = APIRouter(prefix="/api", tags=["statistics"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_STATISTICS))]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class AccuracyOut(_Out):
    warnings: int
    with_outcome: int
    contacted: int
    confirmed: int
    already_lost: int
    accuracy: float | None
    contact_rate: float | None
    lost_despite_warning: float | None


class StopSpeedOut(_Out):
    """Seconds from the report to the first request sent and to the first money held."""

    cases: int
    requested: int
    held: int
    median_s_to_request: float | None
    median_s_to_hold: float | None
    requested_within_30_min: float | None


class DayOut(_Out):
    day: str
    warnings: int
    by_tier: tuple[int, int, int]
    cases: int
    loss: int
    held: int


class DistrictOut(_Out):
    district: str
    residents: int
    warnings: int
    contacted: int
    confirmed: int
    accuracy: float | None
    cases: int
    loss: int
    held: int
    returned: int


class TypologyOut(_Out):
    scam_type: str
    cases: int
    loss: int
    held: int
    returned: int


class StatisticsOut(_Out):
    """Amounts in fen; days in China time; accuracy = confirmed ÷ contacted (BRIEF.md)."""

    overall: AccuracyOut
    stop_speed: StopSpeedOut
    outcomes: dict[str, int]
    loss: int
    held: int
    returned: int
    by_day: list[DayOut]
    by_district: list[DistrictOut]
    by_typology: list[TypologyOut]


@router.get("/statistics")
def get_statistics(
    svc: ServicesDep,
    actor: Reader,
    since: Annotated[int | None, Query(description="UTC epoch seconds, inclusive")] = None,
    until: Annotated[int | None, Query(description="UTC epoch seconds, exclusive")] = None,
) -> StatisticsOut:
    """Warnings, outcomes, accuracy, losses and money held, by day, district and typology."""
    now = svc.now()
    with svc.database.session() as session:
        figures = statistics(session, since, until)
        audit(session, actor, now, "read_statistics", kind="statistics", subject="city")
    return StatisticsOut.model_validate(figures)


class HotspotOut(_Out):
    district: str
    cases: int
    residents: int
    loss: int
    rate: float
    city_rate: float
    focus: str


@router.get("/hotspots")
def get_hotspots(svc: ServicesDep, actor: Reader) -> list[HotspotOut]:
    """Districts where cases cluster now (rule: deployment settings FANZHA_HOTSPOT_*)."""
    now = svc.now()
    with svc.database.session() as session:
        found = find_hotspots(session, now, svc.settings.hotspot_rule())
        audit(session, actor, now, "read_hotspots", kind="statistics", subject="city")
    return [HotspotOut.model_validate(h) for h in found]

"""The dashboard: figures by day, district and typology, a district heat table, hotspots and
the awareness orders (派单) with their progress; units accept and deliver their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import accept_lecture, deliver_lecture, dispatch_lectures
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.warn.dispatch_usecase import orders_for, progress
from fanzha.warn.errors import OrderNotFoundError, StepNotAllowedError
from fanzha.warn.hotspot_usecase import find_hotspots
from fanzha.warn.statistics_usecase import Statistics, statistics
from fanzha.web.amountfmt import yuan
from fanzha.web.charts import bar_chart
from fanzha.web.i18n import language_of, translate
from fanzha.web.render import LANG_COOKIE, MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)

TIER_COLOURS = ("#b00020", "#e07000", "#2a7ab0")
MONEY_COLOURS = ("#7f8c8d", "#1e8449")


def _heat(statistics_: Statistics) -> list[tuple[Any, float | None, str]]:
    """Each district with its cases per 10,000 residents and a red shade by that rate."""
    rates = [
        (d, d.cases / d.residents * 10_000 if d.residents else None)
        for d in statistics_.by_district
    ]
    peak = max((r for _, r in rates if r is not None), default=0.0) or 1.0
    return [
        (d, r, f"background: rgba(176, 0, 32, {0.08 + 0.72 * (r or 0) / peak:.2f})")
        for d, r in rates
    ]


def _charts(figures: Statistics, language: str) -> dict[str, str]:
    def t(key: str) -> str:
        return translate(key, language)

    days = [(d.day[5:], d.by_tier) for d in figures.by_day]
    money = [(d.day[5:], (d.loss, d.held)) for d in figures.by_day]
    kinds = [(t(f"scam_{k.scam_type}"), (k.loss, k.held)) for k in figures.by_typology]
    return {
        "warnings_chart": bar_chart(t("chart_warnings_by_day"), days, TIER_COLOURS),
        "money_chart": bar_chart(t("chart_money_by_day"), money, MONEY_COLOURS, yuan),
        "typology_chart": bar_chart(t("chart_money_by_typology"), kinds, MONEY_COLOURS, yuan),
    }


def _dashboard(request: Request, svc: ServicesDep, actor: Actor, error_key: str | None) -> Response:
    now = svc.now()
    with svc.database.session() as session:
        figures = statistics(session)
        hotspots = find_hotspots(session, now, svc.settings.hotspot_rule())
        orders = orders_for(session, actor.district_scope)
        audit(session, actor, now, "read_statistics", kind="statistics", subject="dashboard")
    language = language_of(request.cookies.get(LANG_COOKIE))
    return render(
        request,
        "dashboard.html",
        actor,
        status_code=409 if error_key else 200,
        figures=figures,
        heat=_heat(figures),
        hotspots=hotspots,
        orders=orders,
        progress=progress(orders, now),
        now=now,
        may_dispatch=actor.may(Permission.DISPATCH_AWARENESS),
        may_deliver=actor.may(Permission.DELIVER_AWARENESS),
        error_key=error_key,
        tier_colours=TIER_COLOURS,
        money_colours=MONEY_COLOURS,
        **_charts(figures, language),
    )


@router.get("/dashboard")
def dashboard_page(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    if actor is None or not actor.may(Permission.READ_STATISTICS):
        return keep_out(request, actor)
    return _dashboard(request, svc, actor, None)


@router.post("/dashboard/dispatch")
def dispatch_page(request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    """派单: one order per hotspot district without an open one."""
    if actor is None or not actor.may(Permission.DISPATCH_AWARENESS):
        return keep_out(request, actor)
    now = svc.now()
    with svc.database.session() as session:
        dispatch_lectures(session, actor, now, svc.settings.hotspot_rule())
    return _dashboard(request, svc, actor, None)


@router.post("/awareness/{order_id}/accept")
def accept_page(order_id: int, request: Request, svc: ServicesDep, actor: MaybeActor) -> Response:
    if actor is None or not actor.may(Permission.DELIVER_AWARENESS):
        return keep_out(request, actor)

    def accept(session: Session, now: int) -> None:
        accept_lecture(session, actor, now, order_id)

    return _worked(request, svc, actor, accept)


@router.post("/awareness/{order_id}/deliver")
def deliver_page(
    order_id: int,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    audience: Annotated[int, Form(ge=1, le=1_000_000)],
    venue: Annotated[str, Form(min_length=1, max_length=500)],
) -> Response:
    if actor is None or not actor.may(Permission.DELIVER_AWARENESS):
        return keep_out(request, actor)

    def deliver(session: Session, now: int) -> None:
        deliver_lecture(session, actor, now, order_id, audience=audience, venue=venue)

    return _worked(request, svc, actor, deliver)


def _worked(
    request: Request, svc: ServicesDep, actor: Actor, work: Callable[[Session, int], None]
) -> Response:
    """Do a team's `work` on a lecture order, then show the dashboard (saying so if refused)."""
    now = svc.now()
    try:
        with svc.database.session() as session:
            work(session, now)
    except OrderNotFoundError:
        return refusal(request, actor, "not_found", 404)
    except StepNotAllowedError:
        return _dashboard(request, svc, actor, "order_refused")
    return _dashboard(request, svc, actor, None)

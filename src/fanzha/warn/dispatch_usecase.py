"""Awareness dispatch (派单): hotspots become lecture orders, worked to delivery by the teams.

A district gets a new order only when it has no open one (issued or accepted), so repeated
dispatch rounds do not pile orders onto a team that is already on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.service_tables import AwarenessOrder
from fanzha.warn.awareness import DELIVERY_DAYS, OPEN_STATES, OrderState, advance
from fanzha.warn.errors import OrderNotFoundError, StepNotAllowedError
from fanzha.warn.hotspot_usecase import Hotspot


def dispatch(
    session: Session, hotspots: list[Hotspot], now: int, issued_by: str
) -> list[AwarenessOrder]:
    """Issue an order to every hotspot district without an open order; returns the new ones."""
    open_districts = set(
        session.scalars(
            select(AwarenessOrder.district).where(
                AwarenessOrder.state.in_([s.value for s in OPEN_STATES])
            )
        )
    )
    issued = [
        AwarenessOrder(
            district=h.district,
            focus=h.focus,
            cases=h.cases,
            state=OrderState.ISSUED.value,
            issued_at=now,
            issued_by=issued_by,
            due_at=now + DELIVERY_DAYS * 86_400,
        )
        for h in hotspots
        if h.district not in open_districts
    ]
    session.add_all(issued)
    session.flush()
    return issued


def orders_for(session: Session, district: str | None) -> list[AwarenessOrder]:
    """Orders, newest first: a district's (`district`) or the whole city's (None)."""
    query = select(AwarenessOrder).order_by(
        AwarenessOrder.issued_at.desc(), AwarenessOrder.order_id.desc()
    )
    if district is not None:
        query = query.where(AwarenessOrder.district == district)
    return list(session.scalars(query))


def _get(session: Session, order_id: int, district: str | None) -> AwarenessOrder:
    order = session.get(AwarenessOrder, order_id)
    if order is None or (district is not None and order.district != district):
        raise OrderNotFoundError(str(order_id))
    return order


def accept(
    session: Session, order_id: int, district: str | None, username: str, now: int
) -> AwarenessOrder:
    order = _get(session, order_id, district)
    order.state = advance(order_id, order.state, OrderState.ACCEPTED).value
    order.accepted_at, order.accepted_by = now, username
    session.flush()
    return order


def deliver(
    session: Session,
    order_id: int,
    district: str | None,
    now: int,
    *,
    audience: int,
    venue: str,
) -> AwarenessOrder:
    """Record the lecture as given, with how many people attended."""
    if audience < 1:
        raise StepNotAllowedError(f"order {order_id}: a delivered lecture has an audience")
    order = _get(session, order_id, district)
    order.state = advance(order_id, order.state, OrderState.DELIVERED).value
    order.delivered_at, order.audience, order.venue = now, audience, venue
    session.flush()
    return order


@dataclass(frozen=True)
class DispatchProgress:
    issued: int
    accepted: int
    delivered: int
    overdue: int  # open past the due time
    audience: int


def progress(orders: list[AwarenessOrder], now: int) -> DispatchProgress:
    states = [OrderState(o.state) for o in orders]
    return DispatchProgress(
        issued=len(orders),
        accepted=sum(s is not OrderState.ISSUED for s in states),
        delivered=sum(s is OrderState.DELIVERED for s in states),
        overdue=sum(
            s in OPEN_STATES and o.due_at < now for s, o in zip(states, orders, strict=True)
        ),
        audience=sum(o.audience or 0 for o in orders),
    )

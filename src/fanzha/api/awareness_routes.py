"""Awareness dispatch (派单): hotspots become lecture orders; district teams accept and deliver."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api.audit_trail import audit
from fanzha.api.audited_actions import accept_lecture, deliver_lecture, dispatch_lectures
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.warn.dispatch_usecase import orders_for

router = APIRouter(prefix="/api/awareness", tags=["awareness"])

Reader = Annotated[Actor, Depends(requires(Permission.READ_AWARENESS))]
Dispatcher = Annotated[Actor, Depends(requires(Permission.DISPATCH_AWARENESS))]
Team = Annotated[Actor, Depends(requires(Permission.DELIVER_AWARENESS))]


class OrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    order_id: int
    district: str
    focus: str
    cases: int
    state: str
    issued_at: int
    issued_by: str
    due_at: int
    accepted_at: int | None
    accepted_by: str | None
    delivered_at: int | None
    audience: int | None
    venue: str | None


@router.post("/dispatch")
def dispatch_orders(svc: ServicesDep, actor: Dispatcher) -> list[OrderOut]:
    """Issue a lecture order to each current hotspot district that has no open order."""
    now = svc.now()
    with svc.database.session() as session:
        issued = dispatch_lectures(session, actor, now, svc.settings.hotspot_rule())
        return [OrderOut.model_validate(o) for o in issued]


@router.get("")
def list_orders(svc: ServicesDep, actor: Reader) -> list[OrderOut]:
    """Orders, newest first; a district unit sees its own district's only."""
    now = svc.now()
    with svc.database.session() as session:
        orders = orders_for(session, actor.district_scope)
        subject = actor.district or "city"
        audit(session, actor, now, "read_awareness", kind="awareness", subject=subject)
        return [OrderOut.model_validate(o) for o in orders]


@router.post("/{order_id}/accept")
def accept_order(order_id: int, svc: ServicesDep, actor: Team) -> OrderOut:
    now = svc.now()
    with svc.database.session() as session:
        order = accept_lecture(session, actor, now, order_id)
        return OrderOut.model_validate(order)


class DeliveredIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    audience: int = Field(ge=1, le=1_000_000)
    venue: str = Field(min_length=1, max_length=500)


@router.post("/{order_id}/deliver")
def deliver_order(order_id: int, body: DeliveredIn, svc: ServicesDep, actor: Team) -> OrderOut:
    """The lecture was given: where, and to how many people."""
    now = svc.now()
    with svc.database.session() as session:
        order = deliver_lecture(
            session, actor, now, order_id, audience=body.audience, venue=body.venue
        )
        return OrderOut.model_validate(order)

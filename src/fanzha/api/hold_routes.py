"""Holds after the bank's answer: renew (48 h, twice at most), freeze, return, release."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from fanzha.api.audited_actions import act_on_stop
from fanzha.api.deps import ServicesDep, requires
from fanzha.api.roles import Actor, Permission
from fanzha.api.stop_routes import StopRequestOut, fen, request_out
from fanzha.io.fields import AMOUNT_PATTERN
from fanzha.store.hold_usecase import HoldAction
from fanzha.store.stop_requests_usecase import messages_of

router = APIRouter(prefix="/api/stop-requests", tags=["stop-payment"])

Officer = Annotated[Actor, Depends(requires(Permission.STOP_PAY))]


class HoldActionIn(BaseModel):
    """`amount` (yuan) is what goes back to the victim (return); `reason` explains a release."""

    model_config = ConfigDict(strict=True, extra="forbid")
    action: Annotated[HoldAction, Field(strict=False)]
    amount: str = Field(default="0.00", pattern=AMOUNT_PATTERN)
    reason: str = Field(default="", max_length=2000)


@router.post("/{request_id}/hold")
def hold_action(
    request_id: str, body: HoldActionIn, svc: ServicesDep, actor: Officer
) -> StopRequestOut:
    """Act on a running hold; what the rules forbid (a third renewal, a return larger than
    what is held, acting on an expired stop) is 409 with the reason. The answer carries the
    request's message where one-click sent it."""
    now = svc.now()
    with svc.database.session() as session:
        record = act_on_stop(
            session,
            actor,
            now,
            request_id,
            action=body.action,
            amount_fen=fen(body.amount),
            reason=body.reason,
        )
        return request_out(record, actor, messages_of(session, [request_id]).get(request_id))

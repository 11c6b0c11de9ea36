"""What a stop-payment officer does with a running hold: renew, freeze, return, release.

Every rule is `fanzha.stoppay.lifecycle.Hold`'s (48 h stops renewed at most twice, six-month
freezes, returns up to the amount held); this module rebuilds the hold from its stored row,
applies the step and stores the result.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.stoppay.lifecycle import HoldState
from fanzha.store.hold_records import hold_of, store_hold
from fanzha.store.service_tables import StopRequestRecord
from fanzha.store.stop_requests_usecase import StopRequestNotFoundError, get_request


class HoldAction(StrEnum):
    RENEW = "renew"  # 续止付 / 续冻结
    FREEZE = "freeze"  # 冻结
    RETURN = "return"  # 返还
    RELEASE = "release"  # 解除


def act_on_hold(
    session: Session,
    request_id: str,
    action: HoldAction,
    now: int,
    *,
    amount_fen: int = 0,
    reason: str = "",
    case_id: str | None = None,
) -> StopRequestRecord:
    """Apply `action`; raises `LifecycleError` where the rules forbid it (409 at the API).

    With `case_id`, a request of another case is not found (the case page acts on its own).
    """
    record = get_request(session, request_id, None)
    if case_id is not None and record.case_id != case_id:
        raise StopRequestNotFoundError(request_id)
    hold = hold_of(record)
    if action is HoldAction.RENEW:
        hold = hold.renew(now)
    elif action is HoldAction.FREEZE:
        hold = hold.freeze(now)
    elif action is HoldAction.RETURN:
        hold = hold.return_funds(now, amount_fen)
    else:
        hold = hold.release(now, reason)
    store_hold(record, hold)
    session.flush()
    return record


def expire_lapsed(session: Session, now: int) -> int:
    """Mark stops and freezes past their end, not renewed in time, as expired."""
    running = select(StopRequestRecord).where(
        StopRequestRecord.state.in_((HoldState.STOPPED.value, HoldState.FROZEN.value)),
        StopRequestRecord.until <= now,
    )
    lapsed = 0
    for record in session.scalars(running):
        hold = hold_of(record).at(max(now, record.last_at or record.ts))
        if hold.state is HoldState.EXPIRED:
            store_hold(record, hold)
            lapsed += 1
    session.flush()
    return lapsed

"""A stored stop request seen as the lifecycle's `Hold`, and a `Hold` written back to it."""

from __future__ import annotations

from fanzha.stoppay.lifecycle import Hold, HoldState, Transition
from fanzha.store.service_tables import StopRequestRecord


def hold_of(record: StopRequestRecord) -> Hold:
    """The lifecycle's view of a stored request (its last step stands for the history)."""
    state = HoldState(record.state)
    last = record.last_at if record.last_at is not None else record.ts
    return Hold(
        request_id=record.request_id,
        account_id=record.account_id,
        requested_fen=record.amount,
        state=state,
        held_fen=record.held,
        until=record.until,
        stop_renewals=record.stop_renewals,
        freeze_renewals=record.freeze_renewals,
        returned_fen=record.returned,
        history=(Transition(last, state, ""),),
    )


def store_hold(record: StopRequestRecord, hold: Hold) -> None:
    """Write the lifecycle's state back onto the stored request."""
    record.state = hold.state.value
    record.held = hold.held_fen
    record.until = hold.until
    record.stop_renewals = hold.stop_renewals
    record.freeze_renewals = hold.freeze_renewals
    record.returned = hold.returned_fen
    record.last_at = hold.last_at

"""The stop-payment and freeze rules as a state machine."""

from __future__ import annotations

import pytest

from fanzha.stoppay.lifecycle import (
    STOP_PAYMENT_S,
    Hold,
    HoldState,
    LifecycleError,
    add_months,
)
from fanzha.stoppay.messages import BankAnswer, BankResult

T0 = 1_772_294_400  # 2026-03-01T00:00:00+08:00
HOUR = 3600


def answer(result: BankResult, held: int, at: int = T0 + 60) -> BankAnswer:
    return BankAnswer(
        result=result,
        card_number="6217000000000000001",
        balance_fen=held,
        held_fen=held,
        start_at=at if result is BankResult.HELD else None,
        end_at=None,
        failure_reason="" if result is BankResult.HELD else "money already transferred",
        note="",
        answering_institution="CCB head office",
        handler="W. Li",
        answered_at=at,
    )


def stopped(held: int = 300_000) -> Hold:
    hold = Hold.requested("S0000001", "6217000000000000001", 500_000, T0)
    return hold.answer(answer(BankResult.HELD, held))


def test_answer_held_stops_for_48_hours_capped_at_request() -> None:
    hold = stopped(held=900_000)
    assert hold.state is HoldState.STOPPED
    assert hold.held_fen == 500_000
    assert hold.until == T0 + 60 + STOP_PAYMENT_S
    assert hold.at(T0 + 60 + STOP_PAYMENT_S - 1).state is HoldState.STOPPED
    expired = hold.at(T0 + 60 + STOP_PAYMENT_S)
    assert expired.state is HoldState.EXPIRED
    assert expired.closed


@pytest.mark.parametrize(
    ("result", "state"),
    [
        (BankResult.ALREADY_GONE, HoldState.ALREADY_GONE),
        (BankResult.ACCOUNT_NOT_FOUND, HoldState.ACCOUNT_NOT_FOUND),
    ],
)
def test_negative_answers_close_the_request(result: BankResult, state: HoldState) -> None:
    hold = Hold.requested("S1", "A", 100, T0).answer(answer(result, 0))
    assert hold.state is state
    assert hold.closed
    with pytest.raises(LifecycleError):
        hold.renew(T0 + HOUR)


def test_stop_renewed_at_most_twice_then_only_freeze() -> None:
    hold = stopped().renew(T0 + HOUR).renew(T0 + 2 * HOUR)
    assert hold.stop_renewals == 2
    assert hold.until == T0 + 60 + 3 * STOP_PAYMENT_S
    with pytest.raises(LifecycleError, match="at most 2 times"):
        hold.renew(T0 + 3 * HOUR)
    frozen = hold.freeze(T0 + 3 * HOUR)
    assert frozen.state is HoldState.FROZEN
    assert frozen.until == add_months(T0 + 3 * HOUR, 6)


def test_renewal_after_expiry_is_refused() -> None:
    with pytest.raises(LifecycleError, match="expired"):
        stopped().renew(T0 + 60 + STOP_PAYMENT_S + 1)


def test_freeze_lasts_six_calendar_months_and_renews() -> None:
    frozen = stopped().freeze(T0 + HOUR)
    assert frozen.until == T0 + HOUR + (31 + 30 + 31 + 30 + 31 + 31) * 24 * HOUR  # Mar..Aug
    renewed = frozen.renew(T0 + 100 * 24 * HOUR)
    assert renewed.freeze_renewals == 1
    assert renewed.until == add_months(T0 + HOUR, 12)
    assert renewed.at(add_months(T0 + HOUR, 12)).state is HoldState.EXPIRED


def test_return_and_release_close_and_check_amounts_and_time() -> None:
    hold = stopped(held=300_000)
    with pytest.raises(LifecycleError):
        hold.return_funds(T0 + HOUR, 300_001)
    returned = hold.freeze(T0 + HOUR).return_funds(T0 + 2 * HOUR, 300_000)
    assert returned.state is HoldState.RETURNED
    assert [t.state for t in returned.history] == [
        HoldState.REQUESTED,
        HoldState.STOPPED,
        HoldState.FROZEN,
        HoldState.RETURNED,
    ]
    with pytest.raises(LifecycleError, match="before the last step"):
        hold.release(T0, "wrong account")
    assert hold.release(T0 + HOUR, "wrong account").state is HoldState.RELEASED
    with pytest.raises(LifecycleError):
        Hold.requested("S1", "A", 100, T0).freeze(T0 + 1)


def test_add_months_clips_to_month_end() -> None:
    jan31 = 1_769_788_800  # 2026-01-31T00:00:00+08:00
    assert add_months(jan31, 1) == jan31 + 28 * 24 * HOUR  # 2026-02-28

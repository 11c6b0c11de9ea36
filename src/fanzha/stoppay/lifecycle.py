"""The life of one hold, as the rules have it: a state machine over immutable states.

An emergency stop-payment holds for 48 hours and can be renewed at most twice (48 h each);
a freeze lasts six calendar months and can be renewed. The bank's answer closes the request:
held (with the amount), already gone, or account not found. A stop or freeze that is not
renewed expires at its end; a held amount ends released or returned to the victim.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

from fanzha.stoppay.messages import BankAnswer, BankResult

STOP_PAYMENT_S = 48 * 3600
MAX_STOP_RENEWALS = 2
FREEZE_MONTHS = 6
_CHINA = timezone(timedelta(hours=8))


class HoldState(StrEnum):
    REQUESTED = "requested"
    STOPPED = "stopped"  # 止付: receive only, 48 h
    FROZEN = "frozen"  # 冻结: six months
    ALREADY_GONE = "already_gone"
    ACCOUNT_NOT_FOUND = "account_not_found"
    EXPIRED = "expired"
    RELEASED = "released"
    RETURNED = "returned"


FINAL = frozenset(
    {
        HoldState.ALREADY_GONE,
        HoldState.ACCOUNT_NOT_FOUND,
        HoldState.EXPIRED,
        HoldState.RELEASED,
        HoldState.RETURNED,
    }
)


class LifecycleError(ValueError):
    """An action the rules do not allow in the hold's current state or at that time."""


@dataclass(frozen=True)
class Transition:
    at: int
    state: HoldState
    note: str


@dataclass(frozen=True)
class Hold:
    """One account's hold for one request. Build with `Hold.requested(...)`."""

    request_id: str
    account_id: str
    requested_fen: int
    state: HoldState
    held_fen: int = 0
    until: int | None = None  # end of the current stop or freeze
    stop_renewals: int = 0
    freeze_renewals: int = 0
    returned_fen: int = 0
    history: tuple[Transition, ...] = ()

    @classmethod
    def requested(cls, request_id: str, account_id: str, amount_fen: int, at: int) -> Hold:
        if amount_fen <= 0:
            raise LifecycleError(f"{request_id}: amount must be greater than 0")
        first = Transition(at, HoldState.REQUESTED, "stop-payment requested")
        return cls(request_id, account_id, amount_fen, HoldState.REQUESTED, history=(first,))

    @property
    def closed(self) -> bool:
        """No further action applies (answered negatively, expired, released or returned)."""
        return self.state in FINAL

    @property
    def last_at(self) -> int:
        return self.history[-1].at

    def at(self, now: int) -> Hold:
        """The hold as of `now`: a stop or freeze past its end has expired."""
        self._not_before(now)
        running = self.state in (HoldState.STOPPED, HoldState.FROZEN)
        if running and self.until is not None and now >= self.until:
            return self._go(self.until, HoldState.EXPIRED, "not renewed in time")
        return self

    def answer(self, answer: BankAnswer) -> Hold:
        """Apply the bank's answer to the request."""
        self._expect(answer.answered_at, HoldState.REQUESTED)
        if answer.result is BankResult.ACCOUNT_NOT_FOUND:
            return self._go(answer.answered_at, HoldState.ACCOUNT_NOT_FOUND, answer.failure_reason)
        if answer.result is BankResult.ALREADY_GONE or answer.held_fen <= 0:
            return self._go(answer.answered_at, HoldState.ALREADY_GONE, answer.failure_reason)
        held = min(answer.held_fen, self.requested_fen)
        start = answer.start_at if answer.start_at is not None else answer.answered_at
        stopped = replace(self, held_fen=held, until=start + STOP_PAYMENT_S)
        return stopped._go(answer.answered_at, HoldState.STOPPED, f"held {held} fen")

    def renew(self, at: int) -> Hold:
        """Extend a stop-payment by 48 h (at most twice) or a freeze by six months."""
        current = self.at(at)
        if current.state is HoldState.STOPPED:
            if current.stop_renewals >= MAX_STOP_RENEWALS:
                raise LifecycleError(
                    f"{self.request_id}: a stop-payment can be renewed at most "
                    f"{MAX_STOP_RENEWALS} times; freeze the account instead"
                )
            assert current.until is not None
            renewed = replace(
                current,
                until=current.until + STOP_PAYMENT_S,
                stop_renewals=current.stop_renewals + 1,
            )
            return renewed._go(at, HoldState.STOPPED, f"stop renewed ({renewed.stop_renewals})")
        if current.state is HoldState.FROZEN:
            assert current.until is not None
            renewed = replace(
                current,
                until=add_months(current.until, FREEZE_MONTHS),
                freeze_renewals=current.freeze_renewals + 1,
            )
            return renewed._go(at, HoldState.FROZEN, f"freeze renewed ({renewed.freeze_renewals})")
        raise LifecycleError(f"{self.request_id}: cannot renew a hold that is {current.state}")

    def freeze(self, at: int) -> Hold:
        """Turn a running stop-payment into a six-month freeze."""
        current = self.at(at)
        current._expect(at, HoldState.STOPPED)
        frozen = replace(current, until=add_months(at, FREEZE_MONTHS))
        return frozen._go(at, HoldState.FROZEN, "frozen for six months")

    def release(self, at: int, reason: str) -> Hold:
        current = self.at(at)
        current._expect(at, HoldState.STOPPED, HoldState.FROZEN)
        return current._go(at, HoldState.RELEASED, reason)

    def return_funds(self, at: int, amount_fen: int) -> Hold:
        """Return held money to the victim (from a stop or a freeze)."""
        current = self.at(at)
        current._expect(at, HoldState.STOPPED, HoldState.FROZEN)
        if not 0 < amount_fen <= current.held_fen:
            raise LifecycleError(
                f"{self.request_id}: can return 1..{current.held_fen} fen, not {amount_fen}"
            )
        returned = replace(current, returned_fen=amount_fen)
        return returned._go(at, HoldState.RETURNED, f"returned {amount_fen} fen")

    def _go(self, at: int, state: HoldState, note: str) -> Hold:
        return replace(self, state=state, history=(*self.history, Transition(at, state, note)))

    def _not_before(self, at: int) -> None:
        if at < self.last_at:
            raise LifecycleError(f"{self.request_id}: time {at} is before the last step")

    def _expect(self, at: int, *states: HoldState) -> None:
        self._not_before(at)
        if self.state not in states:
            allowed = " or ".join(states)
            raise LifecycleError(f"{self.request_id}: hold is {self.state}, needs {allowed}")


def add_months(ts: int, months: int) -> int:
    """`ts` plus calendar months in China time; the day is clipped to the month's end."""
    local = datetime.fromtimestamp(ts, _CHINA)
    month0 = local.month - 1 + months
    year, month = local.year + month0 // 12, month0 % 12 + 1
    next_first = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=_CHINA)
    last_day = (next_first - timedelta(days=1)).day
    moved = local.replace(year=year, month=month, day=min(local.day, last_day))
    return int(moved.astimezone(UTC).timestamp())

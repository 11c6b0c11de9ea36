"""The work states, outcomes and per-tier deadlines of a warning (BRIEF.md, one local standard).

A warning moves forward only: signed for → call → assess → find in person → verify identity
→ face-to-face → feedback. Steps may be skipped (a call that dissuades needs no visit), never
undone. Each tier has a step due by a deadline; a tier-3 push is sent by the platform at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Step(StrEnum):
    NEW = "new"  # 待签收, not yet a step anyone took
    PUSHED = "pushed"  # 12381 SMS / app push sent by the platform (tier 3)
    SIGNED_FOR = "signed_for"  # 签收
    CALLED = "called"  # 电话劝阻
    ASSESSED = "assessed"  # 研判
    FOUND = "found"  # 上门寻找
    IDENTITY_VERIFIED = "identity_verified"  # 核实身份
    MET = "met"  # 会面宣防
    FEEDBACK = "feedback"  # 平台反馈, with an outcome
    ESCALATED = "escalated"  # the due step missed its deadline (history only, not a state)


#: Work states in order; a warning only ever moves to a later one.
ORDER: tuple[Step, ...] = (
    Step.NEW,
    Step.SIGNED_FOR,
    Step.CALLED,
    Step.ASSESSED,
    Step.FOUND,
    Step.IDENTITY_VERIFIED,
    Step.MET,
    Step.FEEDBACK,
)

#: Steps an officer records by hand; feedback comes with an outcome.
WORK_STEPS: tuple[Step, ...] = ORDER[1:-1]


class Outcome(StrEnum):
    DISSUADED = "dissuaded"  # 劝阻成功
    ALREADY_LOST = "already_lost"  # 已被骗: open a case, stop-pay
    FALSE_ALARM = "false_alarm"  # 信息不准确/误报
    UNREACHABLE = "unreachable"  # 未接通/拒接: no contact made
    REFUSED = "refused"  # 拒不配合: reached, but would not cooperate


#: Outcomes where the person was reached (the denominator of warning accuracy).
CONTACTED = frozenset(
    {Outcome.DISSUADED, Outcome.ALREADY_LOST, Outcome.FALSE_ALARM, Outcome.REFUSED}
)
#: Outcomes that confirm the warning was right: the person was being defrauded.
CONFIRMED = frozenset({Outcome.DISSUADED, Outcome.ALREADY_LOST})


@dataclass(frozen=True)
class TierPolicy:
    """What must be done for a tier, and within how many seconds of the warning."""

    due_step: Step
    deadline_s: int


@dataclass(frozen=True)
class WarnPolicy:
    """Per-tier deadlines; a deployment setting, since they vary by city."""

    tier1: TierPolicy = TierPolicy(Step.MET, 30 * 60)
    tier2: TierPolicy = TierPolicy(Step.CALLED, 10 * 60)
    tier3: TierPolicy = TierPolicy(Step.PUSHED, 0)

    def for_tier(self, tier: int) -> TierPolicy:
        return {1: self.tier1, 2: self.tier2, 3: self.tier3}[tier]


def can_move(current: Step, to: Step) -> bool:
    """Forward only, and not past feedback."""
    if current not in ORDER or to not in ORDER:
        return False
    return ORDER.index(to) > ORDER.index(current)


def reaches(state: Step, due: Step) -> bool:
    """Whether being in `state` means the due step was done (a later step implies it)."""
    if due is Step.PUSHED:
        return True
    return ORDER.index(state) >= ORDER.index(due)

"""The detection engine, live: every few seconds, decide the moments that became final.

A round refreshes the held window of stored records (whatever path they came in by), runs the
replay's engine over it, and hands the decisions timed since the last round to the duty desk:
warnings are routed with their deadlines, flags recorded, cases opened for new reports, and the
cases whose stop-payment has started are followed hop by hop as their money moves on. Moments
are final once the clock and the newest record are both `lateness_s` past them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from fanzha.api.services import Services
from fanzha.api.system_audit import audit_by_system
from fanzha.detect.live_engine import Moments, decide_moments
from fanzha.detect.scoring_model import DetectModel
from fanzha.stoppay.request_message import Applicant
from fanzha.store.case_usecase import open_reported_cases
from fanzha.store.event_window import EventWindow
from fanzha.store.flag_usecase import record_flags
from fanzha.store.live_progress import decided_until, save_decided_until
from fanzha.store.pursuit_usecase import follow_cases, pursued_cases
from fanzha.warn.receive_usecase import receive_warnings

log = logging.getLogger(__name__)

#: After one click, a case's money is followed for this long (it is cashed out within hours).
PURSUIT_S = 72 * 3600


@dataclass
class LiveEngine:
    """What the service holds between rounds: the window of records and the model."""

    window: EventWindow
    model: DetectModel
    lateness_s: int
    backfill_s: int

    @classmethod
    def start(
        cls,
        window_s: int,
        lateness_s: int,
        backfill_s: int,
        model: Path | None,
        origin: int | None = None,
    ) -> LiveEngine:
        window = EventWindow(window_s, origin)
        return cls(window, DetectModel.load(model), lateness_s, backfill_s)


@dataclass
class LiveRound:
    """What one round did; `seconds` is its wall time."""

    moments: Moments | None = None
    warnings: int = 0
    numbers: int = 0
    accounts: int = 0
    cases_opened: int = 0
    followed_requests: int = 0
    reloaded: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _moments(live: LiveEngine, session: Session, now: int) -> Moments | None:
    newest = live.window.newest
    if newest is None:
        return None
    until = min(now, newest) - live.lateness_s
    after = decided_until(session)
    if after is None:
        origin = live.window.origin if live.window.origin is not None else until
        after = max(origin - 1, until - live.backfill_s)
    return Moments(after, until) if until > after else None


def _pursue(live: LiveEngine, session: Session, now: int, applicant: Applicant) -> int:
    """Follow the money of every case whose one click came within PURSUIT_S, over the window's
    ledger (the money moves within hours; the window holds days)."""
    cases = pursued_cases(session, now - PURSUIT_S)
    if not cases:
        return 0
    sent = 0
    ledger = live.window.table("transfers")
    for case_id, result in follow_cases(session, cases, now, applicant, ledger):
        if result.sent:
            sent += len(result.sent)
            requests = ";".join(r.request_id for r in result.sent)
            audit_by_system(
                session, now, "stop_pay_follow", kind="case", subject=case_id, detail=requests
            )
    return sent


def live_round(services: Services, live: LiveEngine) -> LiveRound:
    """One round; safe to repeat (warnings and flags are stored once each)."""
    started = time.perf_counter()
    now = services.now()
    out = LiveRound()
    with services.database.session() as session:
        out.reloaded = live.window.refresh(session).reloaded
        out.moments = _moments(live, session, now)
    if out.moments is not None:
        decisions = decide_moments(live.window, live.model, out.moments)
        with services.database.session() as session:
            received = receive_warnings(session, decisions.warnings, services.policy, now)
            out.warnings = received.stored
            for position, person in received.unroutable:
                log.warning("warning %d for unknown person %s not routed", position, person)
            out.numbers = record_flags(session, "number", decisions.flagged_numbers, now)
            out.accounts = record_flags(session, "account", decisions.flagged_accounts, now)
            save_decided_until(session, out.moments.until, now)
            if out.warnings:
                audit_by_system(
                    session, now, "live_warnings", kind="warnings", subject=str(out.warnings)
                )
    with services.database.session() as session:
        out.cases_opened = open_reported_cases(session, now)
        # The ledger shows something new only with a new moment or records that came late.
        if out.moments is not None or out.reloaded:
            out.followed_requests = _pursue(live, session, now, services.settings.applicant())
    out.seconds = time.perf_counter() - started
    return out


async def decide_forever(
    services: Services, live: LiveEngine, interval_s: float, ready: asyncio.Event | None = None
) -> None:
    """Run rounds until cancelled (the first once `ready` is set, if given); a failed round is
    logged and the next one retries."""
    if ready is not None:
        await ready.wait()
    while True:
        try:
            done = await asyncio.to_thread(live_round, services, live)
            if done.moments is not None:
                log.info("live round: %s", done)
        except Exception:  # the service must keep serving; the next round retries
            log.exception("live round failed")
        await asyncio.sleep(interval_s)

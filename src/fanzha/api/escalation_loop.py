"""Escalate overdue warnings and expire lapsed holds every few seconds while the service runs,
so an overdue warning is escalated, and a stop not renewed in time shows as expired, even when
nobody has the board or the case open."""

from __future__ import annotations

import asyncio
import logging

from fanzha.api.services import Services
from fanzha.api.system_audit import audit_by_system
from fanzha.store.hold_usecase import expire_lapsed
from fanzha.warn.escalate_usecase import escalate_overdue

log = logging.getLogger(__name__)


def escalate_once(services: Services) -> list[str]:
    now = services.now()
    with services.database.session() as session:
        escalated = escalate_overdue(session, now)
        if escalated:
            detail = ";".join(escalated)
            audit_by_system(
                session,
                now,
                "escalate",
                kind="warnings",
                subject=str(len(escalated)),
                detail=detail,
            )
    return escalated


def expire_holds_once(services: Services) -> int:
    """Mark stops and freezes past their end as expired (audited when any did)."""
    now = services.now()
    with services.database.session() as session:
        lapsed = expire_lapsed(session, now)
        if lapsed:
            audit_by_system(session, now, "expire_holds", kind="stop_requests", subject=str(lapsed))
    return lapsed


async def escalate_forever(services: Services, interval_s: float) -> None:
    """Run until cancelled; a failed round is logged and retried, never fatal."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await asyncio.to_thread(escalate_once, services)
            await asyncio.to_thread(expire_holds_once, services)
        except Exception:  # the next round retries; the service must keep serving
            log.exception("escalation round failed")

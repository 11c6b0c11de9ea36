"""How far in event time the live engine has decided, kept across restarts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.store.service_tables import LiveProgress

ENGINE = "engine"


def decided_until(session: Session) -> int | None:
    record = session.get(LiveProgress, ENGINE)
    return None if record is None else record.decided_until


def save_decided_until(session: Session, until: int, now: int) -> None:
    record = session.get(LiveProgress, ENGINE)
    if record is None:
        session.add(LiveProgress(name=ENGINE, decided_until=until, updated_at=now))
    else:
        record.decided_until, record.updated_at = until, now
    session.flush()

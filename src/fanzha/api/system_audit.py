"""Audit entries for what the service does on its own, not at an officer's request."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.store.audit import append_audit
from fanzha.warn.receive_usecase import SYSTEM


def audit_by_system(
    session: Session, now: int, action: str, *, kind: str, subject: str, detail: str = ""
) -> None:
    append_audit(
        session,
        ts=now,
        username=SYSTEM,
        role=SYSTEM,
        action=action,
        subject_kind=kind,
        subject_id=subject,
        detail=detail[:2000],
    )

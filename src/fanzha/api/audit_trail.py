"""Audit entries written for an actor: the API's one way to append to the audit log."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.api.roles import Actor
from fanzha.store.audit import append_audit


def audit(
    session: Session,
    actor: Actor,
    now: int,
    action: str,
    *,
    kind: str,
    subject: str,
    detail: str = "",
) -> None:
    append_audit(
        session,
        ts=now,
        username=actor.username,
        role=actor.role.value,
        action=action,
        subject_kind=kind,
        subject_id=subject,
        detail=detail,
    )

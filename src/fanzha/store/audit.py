"""Append to the audit log: every read of a person's data and every action, with who and when."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.store.service_tables import AuditEntry


def append_audit(
    session: Session,
    *,
    ts: int,
    username: str,
    role: str,
    action: str,
    subject_kind: str,
    subject_id: str,
    detail: str = "",
) -> None:
    session.add(
        AuditEntry(
            ts=ts,
            username=username,
            role=role,
            action=action,
            subject_kind=subject_kind,
            subject_id=subject_id[:128],
            detail=detail,
        )
    )

"""Log in and out, and find who a token belongs to. Tokens expire; only their hash is stored.

Every attempt is audited; after MAX_FAILURES failed attempts on a username within
LOCK_WINDOW_S, that username is refused even with the right password until the window passes.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.api.passwords import hash_password, verify_password
from fanzha.api.roles import Actor, Role
from fanzha.store.audit import append_audit
from fanzha.store.service_tables import AuditEntry, LoginSession, User

MAX_FAILURES = 5
LOCK_WINDOW_S = 15 * 60

#: Compared against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("not a password anyone has")


@dataclass(frozen=True)
class Login:
    token: str
    expires_at: int
    actor: Actor


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, Role(user.role), user.district, user.bank)


def _recent_failures(session: Session, username: str, now: int) -> int:
    query = select(func.count()).where(
        AuditEntry.action == "login_failed",
        AuditEntry.subject_id == username,
        AuditEntry.ts > now - LOCK_WINDOW_S,
    )
    return int(session.scalar(query) or 0)


def _audit_attempt(session: Session, username: str, role: str, action: str, now: int) -> None:
    append_audit(
        session,
        ts=now,
        username=username[:64],
        role=role,
        action=action,
        subject_kind="user",
        subject_id=username,
    )


def log_in(session: Session, username: str, password: str, now: int, ttl_s: int) -> Login | None:
    """A new token if the password is right, the user active and not locked out, else None."""
    if _recent_failures(session, username, now) >= MAX_FAILURES:
        _audit_attempt(session, username, "", "login_locked", now)
        return None
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        verify_password(password, _DUMMY_HASH)
        _audit_attempt(session, username, "", "login_failed", now)
        return None
    if not verify_password(password, user.password_hash) or not user.active:
        _audit_attempt(session, username, "", "login_failed", now)
        return None
    _audit_attempt(session, username, user.role, "login", now)
    token = secrets.token_urlsafe(32)
    expires_at = now + ttl_s
    session.add(
        LoginSession(
            token_hash=_token_hash(token), user_id=user.id, created_at=now, expires_at=expires_at
        )
    )
    return Login(token, expires_at, _actor(user))


def actor_for(session: Session, token: str, now: int) -> Actor | None:
    """The user of a live token; expired, revoked or unknown tokens give None."""
    login = session.get(LoginSession, _token_hash(token))
    if login is None or login.revoked or login.expires_at <= now:
        return None
    user = session.get(User, login.user_id)
    if user is None or not user.active:
        return None
    return _actor(user)


def log_out(session: Session, token: str) -> None:
    login = session.get(LoginSession, _token_hash(token))
    if login is not None:
        login.revoked = True

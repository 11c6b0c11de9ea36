"""Create users; a district unit needs its district and a bank partner its bank."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.api.passwords import hash_password
from fanzha.api.roles import Role
from fanzha.store.service_tables import User

MIN_PASSWORD = 10


def create_user(
    session: Session,
    username: str,
    password: str,
    role: Role,
    now: int,
    *,
    district: str | None = None,
    bank: str | None = None,
) -> User:
    """Add a user; raises ValueError saying what is wrong with the request."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password must have at least {MIN_PASSWORD} characters")
    if role is Role.DISTRICT_UNIT and not district:
        raise ValueError("a district unit needs its district")
    if role is Role.BANK_PARTNER and not bank:
        raise ValueError("a bank partner needs its bank")
    if session.scalars(select(User.id).where(User.username == username)).first() is not None:
        raise ValueError(f"user {username!r} exists")
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role.value,
        district=district if role is Role.DISTRICT_UNIT else None,
        bank=bank if role is Role.BANK_PARTNER else None,
        active=True,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return user


def ensure_admin(session: Session, password: str, now: int) -> bool:
    """Create user `admin` if no admin exists yet; True if it was created."""
    exists = select(User.id).where(User.role == Role.ADMIN.value)
    if session.scalars(exists).first() is not None:
        return False
    create_user(session, "admin", password, Role.ADMIN, now)
    return True

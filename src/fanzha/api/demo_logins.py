"""Logins for a demo deployment: one user per role, with fresh passwords printed once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import polars as pl
from sqlalchemy.orm import Session

from fanzha.api.roles import Role
from fanzha.api.users import create_user
from fanzha.io.dataset import TableSource


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: Role
    scope: str  # the district or bank the user is limited to, or "city"


def _busiest(frame: pl.DataFrame, column: str) -> str:
    counts = frame.group_by(column).len().sort(["len", column], descending=[True, False])
    return str(counts[column][0])


def create_demo_logins(session: Session, source: TableSource, now: int) -> list[DemoLogin]:
    """A user per role; the district unit gets the most populous district, the bank partner the
    bank holding most accounts victims paid (so its desk sees requests)."""
    reports = source.table("reports").select(pl.col("paid_to").explode().alias("account_id"))
    accounts = source.table("accounts")
    paid = accounts.join(reports, on="account_id", how="semi")
    district = _busiest(source.table("persons"), "district")
    bank = _busiest(paid if paid.height else accounts, "bank")
    logins = []
    for role in Role:
        scope = {Role.DISTRICT_UNIT: district, Role.BANK_PARTNER: bank}.get(role, "city")
        login = DemoLogin(f"demo_{role.value}", secrets.token_urlsafe(9), role, scope)
        create_user(
            session,
            login.username,
            login.password,
            role,
            now,
            district=district if role is Role.DISTRICT_UNIT else None,
            bank=bank if role is Role.BANK_PARTNER else None,
        )
        logins.append(login)
    return logins

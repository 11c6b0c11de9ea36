"""Mask id, phone and account numbers for roles that do not need them (least privilege)."""

from __future__ import annotations

from fanzha.api.roles import SEES_ACCOUNTS, SEES_PERSON_IDS, SEES_PHONES, Role


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * hidden + value[len(value) - keep_end :]


def phone(value: str, role: Role) -> str:
    """13907911234 -> 139****1234 unless the role calls people."""
    return value if role in SEES_PHONES else _mask(value, 3, 4)


def account(value: str, role: Role) -> str:
    """6222020200112233445 -> 6222***********3445 unless the role stops or traces money."""
    return value if role in SEES_ACCOUNTS else _mask(value, 4, 4)


def person_id(value: str, role: Role) -> str:
    return value if role in SEES_PERSON_IDS else _mask(value, 1, 2)

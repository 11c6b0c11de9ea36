"""Roles, what each may do, and how far its view reaches (its district or its bank)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    DUTY_OFFICER = "duty_officer"  # 值班: the whole city's warnings
    DISTRICT_UNIT = "district_unit"  # 派出所/分局: its district only
    STOPPAY_OFFICER = "stoppay_officer"  # 止付专员
    INVESTIGATOR = "investigator"  # 侦查
    BANK_PARTNER = "bank_partner"  # a bank: only its own bank's requests
    ADMIN = "admin"


class Permission(StrEnum):
    READ_WARNINGS = "read_warnings"
    WORK_WARNINGS = "work_warnings"
    SUBMIT_WARNINGS = "submit_warnings"
    EXPORT_OUTCOMES = "export_outcomes"
    INGEST = "ingest"
    READ_LISTS = "read_lists"
    MANAGE_LISTS = "manage_lists"
    MANAGE_USERS = "manage_users"
    READ_STOP_REQUESTS = "read_stop_requests"
    SUBMIT_STOP_REQUESTS = "submit_stop_requests"
    ANSWER_STOP_REQUESTS = "answer_stop_requests"
    READ_AUDIT = "read_audit"
    READ_CASES = "read_cases"
    OPEN_CASES = "open_cases"
    STOP_PAY = "stop_pay"  # one-click stop-payment and the holds that follow
    READ_STATISTICS = "read_statistics"
    READ_AWARENESS = "read_awareness"
    DISPATCH_AWARENESS = "dispatch_awareness"
    DELIVER_AWARENESS = "deliver_awareness"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.DUTY_OFFICER: frozenset(
        {
            Permission.READ_WARNINGS,
            Permission.WORK_WARNINGS,
            Permission.SUBMIT_WARNINGS,
            Permission.EXPORT_OUTCOMES,
            Permission.READ_LISTS,
            Permission.MANAGE_LISTS,
            Permission.READ_CASES,
            Permission.OPEN_CASES,
            Permission.READ_STATISTICS,
            Permission.READ_AWARENESS,
            Permission.DISPATCH_AWARENESS,
        }
    ),
    Role.DISTRICT_UNIT: frozenset(
        {
            Permission.READ_WARNINGS,
            Permission.WORK_WARNINGS,
            Permission.READ_LISTS,
            Permission.READ_STATISTICS,
            Permission.READ_AWARENESS,
            Permission.DELIVER_AWARENESS,
        }
    ),
    Role.STOPPAY_OFFICER: frozenset(
        {
            Permission.READ_LISTS,
            Permission.READ_STOP_REQUESTS,
            Permission.SUBMIT_STOP_REQUESTS,
            Permission.READ_CASES,
            Permission.OPEN_CASES,
            Permission.STOP_PAY,
            Permission.READ_STATISTICS,
        }
    ),
    Role.INVESTIGATOR: frozenset(
        {
            Permission.READ_WARNINGS,
            Permission.EXPORT_OUTCOMES,
            Permission.READ_LISTS,
            Permission.MANAGE_LISTS,
            Permission.READ_STOP_REQUESTS,
            Permission.READ_CASES,
            Permission.OPEN_CASES,
            Permission.READ_STATISTICS,
            Permission.READ_AWARENESS,
        }
    ),
    Role.BANK_PARTNER: frozenset({Permission.READ_STOP_REQUESTS, Permission.ANSWER_STOP_REQUESTS}),
    Role.ADMIN: frozenset(
        {
            Permission.READ_WARNINGS,
            Permission.SUBMIT_WARNINGS,
            Permission.EXPORT_OUTCOMES,
            Permission.INGEST,
            Permission.READ_LISTS,
            Permission.MANAGE_LISTS,
            Permission.MANAGE_USERS,
            Permission.READ_AUDIT,
            Permission.READ_STATISTICS,
            Permission.READ_AWARENESS,
        }
    ),
}

#: Roles that need full phone numbers to do their work (calling the person).
SEES_PHONES = frozenset({Role.DUTY_OFFICER, Role.DISTRICT_UNIT, Role.INVESTIGATOR})
#: Roles that need full account numbers (stop-payment, tracing, a bank's own accounts).
SEES_ACCOUNTS = frozenset({Role.STOPPAY_OFFICER, Role.INVESTIGATOR, Role.BANK_PARTNER})
#: Roles that need full person ids (identity checks on site, investigation).
SEES_PERSON_IDS = frozenset({Role.DUTY_OFFICER, Role.DISTRICT_UNIT, Role.INVESTIGATOR})


@dataclass(frozen=True)
class Actor:
    """The logged-in user a request acts for."""

    user_id: int
    username: str
    role: Role
    district: str | None
    bank: str | None

    def may(self, permission: Permission) -> bool:
        return permission in _GRANTS[self.role]

    @property
    def bank_scope(self) -> str | None:
        """The only bank whose stop requests this actor may see, or None for all."""
        return self.bank if self.role is Role.BANK_PARTNER else None

    @property
    def district_scope(self) -> str | None:
        """The only district this actor may see, or None for the whole city."""
        return self.district if self.role is Role.DISTRICT_UNIT else None

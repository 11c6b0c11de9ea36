"""Tables of the service itself: users, login sessions, the audit log and warnings.

Times are UTC epoch seconds, as everywhere in fanzha.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.base import Base


class User(Base):
    """A person who logs in. `district` scopes a district unit, `bank` a bank partner."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))
    district: Mapped[str | None] = mapped_column(String(64), nullable=True)
    bank: Mapped[str | None] = mapped_column(String(64), nullable=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[int] = mapped_column(BigInteger)


class LoginSession(Base):
    """A login: only the SHA-256 of the token is stored, so a stolen table grants nothing."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    revoked: Mapped[bool] = mapped_column(default=False)


class AuditEntry(Base):
    """One read of a person's data or one action. The migration forbids UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ts: Mapped[int] = mapped_column(BigInteger, index=True)
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    subject_kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(128))
    detail: Mapped[str] = mapped_column(Text, default="")


class WarningRecord(Base):
    """A warning to a person being defrauded now, routed to the unit of the person's district."""

    __tablename__ = "warnings"

    warning_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[int] = mapped_column(BigInteger, index=True)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    tier: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)
    district: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(32))
    due_step: Mapped[str] = mapped_column(String(32))
    deadline_at: Mapped[int] = mapped_column(BigInteger)
    met_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    escalated_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    outcome_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    outcome_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[int] = mapped_column(BigInteger)


class WarningStep(Base):
    """One step of work on a warning (signed for, call, ..., feedback, or an escalation)."""

    __tablename__ = "warning_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    warning_id: Mapped[str] = mapped_column(ForeignKey("warnings.warning_id"), index=True)
    step: Mapped[str] = mapped_column(String(32))
    ts: Mapped[int] = mapped_column(BigInteger)
    username: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class StopRequestRecord(Base):
    """A stop-payment request sent to the bank holding the account, and the bank's answer.

    `state` is a `fanzha.stoppay.lifecycle.HoldState`; amounts are fen.
    """

    __tablename__ = "stop_requests"

    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[int] = mapped_column(BigInteger, index=True)
    report_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str] = mapped_column(String(64))
    bank: Mapped[str] = mapped_column(String(64), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    hop: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(32))
    held: Mapped[int] = mapped_column(BigInteger, default=0)
    until: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    answered_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    balance: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    failure_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    answer_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    answered_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[int] = mapped_column(BigInteger)
    case_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    stop_renewals: Mapped[int] = mapped_column(Integer, default=0)
    freeze_renewals: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Time of the hold's last step; the lifecycle refuses a step dated before it.
    last_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class CaseRecord(Base):
    """A victim's report worked as a case: the money reported lost, stopped hop by hop.

    One case per report; `district` is the victim's (hotspots), `scam_type` the typology
    the officer records (reports.csv carries none, so it starts as "unknown").
    """

    __tablename__ = "cases"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[str] = mapped_column(String(64), unique=True)
    ts: Mapped[int] = mapped_column(BigInteger, index=True)
    person_id: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64), index=True)
    scam_type: Mapped[str] = mapped_column(String(32))
    claimed: Mapped[int] = mapped_column(BigInteger)
    opened_at: Mapped[int] = mapped_column(BigInteger)
    #: When the one click started following the case's money (the live engine follows it on).
    pursued_since: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)


class AwarenessOrder(Base):
    """A lecture order (宣防派单) for a district's awareness team, issued for a hotspot.

    `state` is a `fanzha.warn.awareness.OrderState`; `audience` is counted at delivery.
    """

    __tablename__ = "awareness_orders"

    order_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    district: Mapped[str] = mapped_column(String(64), index=True)
    focus: Mapped[str] = mapped_column(String(32))
    cases: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[int] = mapped_column(BigInteger)
    issued_by: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[int] = mapped_column(BigInteger)
    accepted_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    accepted_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    delivered_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    audience: Mapped[int | None] = mapped_column(Integer, nullable=True)
    venue: Mapped[str | None] = mapped_column(Text, nullable=True)


class EngineFlag(Base):
    """A number or account the live engine flagged, at the first moment its score crossed."""

    __tablename__ = "engine_flags"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # "number" or "account"
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[int] = mapped_column(BigInteger, index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)
    flagged_at: Mapped[int] = mapped_column(BigInteger)


class LiveProgress(Base):
    """How far in event time the live engine has decided, so a restart neither repeats nor
    skips a moment."""

    __tablename__ = "live_progress"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    decided_until: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[int] = mapped_column(BigInteger)

"""Initial schema: dataset records, users, login sessions, append-only audit log, warnings.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 00:27:58
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("holder_person_id", sa.String(length=64), nullable=True),
        sa.Column("bank", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_accounts")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject_kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=128), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_ts"), "audit_log", ["ts"], unique=False)
    op.create_table(
        "calls",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("caller", sa.String(length=64), nullable=False),
        sa.Column("callee", sa.String(length=64), nullable=False),
        sa.Column("duration_s", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_calls")),
    )
    op.create_index(op.f("ix_calls_ts"), "calls", ["ts"], unique=False)
    op.create_table(
        "list_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("listed_at", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("expires_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_entries")),
        sa.UniqueConstraint(
            "kind", "value", "listed_at", name="uq_list_entries_kind_value_listed_at"
        ),
    )
    op.create_index(op.f("ix_list_entries_listed_at"), "list_entries", ["listed_at"], unique=False)
    op.create_table(
        "net_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_net_events")),
    )
    op.create_index(op.f("ix_net_events_ts"), "net_events", ["ts"], unique=False)
    op.create_table(
        "persons",
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("birth_year", sa.BigInteger(), nullable=False),
        sa.Column("sex", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_persons")),
    )
    op.create_table(
        "phones",
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("holder_person_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("activated_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_phones")),
    )
    op.create_table(
        "reports",
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("paid_to", sa.Text(), nullable=False),
        sa.Column("claimed_amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_reports")),
    )
    op.create_index(op.f("ix_reports_ts"), "reports", ["ts"], unique=False)
    op.create_table(
        "sms",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("receiver", sa.String(length=64), nullable=False),
        sa.Column("url_domain", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sms")),
    )
    op.create_index(op.f("ix_sms_ts"), "sms", ["ts"], unique=False)
    op.create_table(
        "transfers",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("from_account", sa.String(length=64), nullable=True),
        sa.Column("to_account", sa.String(length=64), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_transfers")),
    )
    op.create_index(op.f("ix_transfers_ts"), "transfers", ["ts"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("district", sa.String(length=64), nullable=True),
        sa.Column("bank", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "warnings",
        sa.Column("warning_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("district", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("due_step", sa.String(length=32), nullable=False),
        sa.Column("deadline_at", sa.BigInteger(), nullable=False),
        sa.Column("met_at", sa.BigInteger(), nullable=True),
        sa.Column("escalated_at", sa.BigInteger(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_at", sa.BigInteger(), nullable=True),
        sa.Column("outcome_by", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("warning_id", name=op.f("pk_warnings")),
    )
    op.create_index(op.f("ix_warnings_district"), "warnings", ["district"], unique=False)
    op.create_index(op.f("ix_warnings_person_id"), "warnings", ["person_id"], unique=False)
    op.create_index(op.f("ix_warnings_ts"), "warnings", ["ts"], unique=False)
    op.create_table(
        "login_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_login_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_login_sessions")),
    )
    op.create_index(op.f("ix_login_sessions_user_id"), "login_sessions", ["user_id"], unique=False)
    op.create_table(
        "warning_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("warning_id", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["warning_id"],
            ["warnings.warning_id"],
            name=op.f("fk_warning_steps_warning_id_warnings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_steps")),
    )
    op.create_index(
        op.f("ix_warning_steps_warning_id"), "warning_steps", ["warning_id"], unique=False
    )
    _forbid_audit_changes()


def _forbid_audit_changes() -> None:
    """The audit log is append-only: the database itself refuses UPDATE and DELETE."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    op.drop_index(op.f("ix_warning_steps_warning_id"), table_name="warning_steps")
    op.drop_table("warning_steps")
    op.drop_index(op.f("ix_login_sessions_user_id"), table_name="login_sessions")
    op.drop_table("login_sessions")
    op.drop_index(op.f("ix_warnings_ts"), table_name="warnings")
    op.drop_index(op.f("ix_warnings_person_id"), table_name="warnings")
    op.drop_index(op.f("ix_warnings_district"), table_name="warnings")
    op.drop_table("warnings")
    op.drop_table("users")
    op.drop_index(op.f("ix_transfers_ts"), table_name="transfers")
    op.drop_table("transfers")
    op.drop_index(op.f("ix_sms_ts"), table_name="sms")
    op.drop_table("sms")
    op.drop_index(op.f("ix_reports_ts"), table_name="reports")
    op.drop_table("reports")
    op.drop_table("phones")
    op.drop_table("persons")
    op.drop_index(op.f("ix_net_events_ts"), table_name="net_events")
    op.drop_table("net_events")
    op.drop_index(op.f("ix_list_entries_listed_at"), table_name="list_entries")
    op.drop_table("list_entries")
    op.drop_index(op.f("ix_calls_ts"), table_name="calls")
    op.drop_table("calls")
    op.drop_index(op.f("ix_audit_log_ts"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("accounts")

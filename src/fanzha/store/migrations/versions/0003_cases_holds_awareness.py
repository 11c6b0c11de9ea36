"""Cases, the hold counters of stop requests (renewals, returns), awareness lecture orders.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 01:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("district", sa.String(length=64), nullable=False),
        sa.Column("scam_type", sa.String(length=32), nullable=False),
        sa.Column("claimed", sa.BigInteger(), nullable=False),
        sa.Column("opened_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_cases")),
        sa.UniqueConstraint("report_id", name=op.f("uq_cases_report_id")),
    )
    op.create_index(op.f("ix_cases_district"), "cases", ["district"], unique=False)
    op.create_index(op.f("ix_cases_ts"), "cases", ["ts"], unique=False)
    op.create_table(
        "awareness_orders",
        sa.Column("order_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("district", sa.String(length=64), nullable=False),
        sa.Column("focus", sa.String(length=32), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.BigInteger(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("due_at", sa.BigInteger(), nullable=False),
        sa.Column("accepted_at", sa.BigInteger(), nullable=True),
        sa.Column("accepted_by", sa.String(length=64), nullable=True),
        sa.Column("delivered_at", sa.BigInteger(), nullable=True),
        sa.Column("audience", sa.Integer(), nullable=True),
        sa.Column("venue", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_awareness_orders")),
    )
    op.create_index(
        op.f("ix_awareness_orders_district"), "awareness_orders", ["district"], unique=False
    )
    with op.batch_alter_table("stop_requests") as batch:
        batch.add_column(sa.Column("case_id", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("stop_renewals", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("freeze_renewals", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("returned", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_at", sa.BigInteger(), nullable=True))
        batch.create_index(batch.f("ix_stop_requests_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stop_requests") as batch:
        batch.drop_index(batch.f("ix_stop_requests_case_id"))
        for column in ("last_at", "returned", "freeze_renewals", "stop_renewals", "case_id"):
            batch.drop_column(column)
    op.drop_index(op.f("ix_awareness_orders_district"), table_name="awareness_orders")
    op.drop_table("awareness_orders")
    op.drop_index(op.f("ix_cases_ts"), table_name="cases")
    op.drop_index(op.f("ix_cases_district"), table_name="cases")
    op.drop_table("cases")

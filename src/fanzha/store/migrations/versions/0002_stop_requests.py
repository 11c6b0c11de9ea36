"""Stop-payment requests routed to banks, with the bank's answer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 00:36:47
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stop_requests",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("hop", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("held", sa.BigInteger(), nullable=False),
        sa.Column("until", sa.BigInteger(), nullable=True),
        sa.Column("answered_at", sa.BigInteger(), nullable=True),
        sa.Column("balance", sa.BigInteger(), nullable=True),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_stop_requests")),
    )
    op.create_index(op.f("ix_stop_requests_bank"), "stop_requests", ["bank"], unique=False)
    op.create_index(op.f("ix_stop_requests_ts"), "stop_requests", ["ts"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_stop_requests_ts"), table_name="stop_requests")
    op.drop_index(op.f("ix_stop_requests_bank"), table_name="stop_requests")
    op.drop_table("stop_requests")

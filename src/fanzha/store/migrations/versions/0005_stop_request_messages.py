"""The stop-payment request message stored with each request sent to a bank.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stop_request_messages",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("serial_number", sa.String(length=96), nullable=False),
        sa.Column("sending_institution", sa.String(length=64), nullable=False),
        sa.Column("transaction_type_code", sa.String(length=32), nullable=False),
        sa.Column("application_number", sa.String(length=64), nullable=False),
        sa.Column("original_report_number", sa.String(length=64), nullable=False),
        sa.Column("application_type", sa.String(length=16), nullable=False),
        sa.Column("case_number", sa.String(length=64), nullable=False),
        sa.Column("case_type", sa.String(length=32), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("measure", sa.String(length=16), nullable=False),
        sa.Column("source_paying_bank", sa.String(length=64), nullable=False),
        sa.Column("source_payer_name", sa.String(length=64), nullable=False),
        sa.Column("source_payer_account", sa.String(length=64), nullable=False),
        sa.Column("source_amount", sa.BigInteger(), nullable=False),
        sa.Column("source_currency", sa.String(length=8), nullable=False),
        sa.Column("source_paid_at", sa.BigInteger(), nullable=False),
        sa.Column("account_bank_code", sa.String(length=64), nullable=False),
        sa.Column("account_bank_name", sa.String(length=64), nullable=False),
        sa.Column("account_kind", sa.String(length=16), nullable=False),
        sa.Column("account_number", sa.String(length=64), nullable=False),
        sa.Column("account_holder_name", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("start_at", sa.BigInteger(), nullable=False),
        sa.Column("end_at", sa.BigInteger(), nullable=False),
        sa.Column("applying_unit", sa.String(length=128), nullable=False),
        sa.Column("applied_at", sa.BigInteger(), nullable=False),
        sa.Column("officer_id_type", sa.String(length=32), nullable=False),
        sa.Column("officer_id_number", sa.String(length=64), nullable=False),
        sa.Column("officer_name", sa.String(length=64), nullable=False),
        sa.Column("officer_phone", sa.String(length=32), nullable=False),
        sa.Column("assisting_id_type", sa.String(length=32), nullable=True),
        sa.Column("assisting_id_number", sa.String(length=64), nullable=True),
        sa.Column("assisting_name", sa.String(length=64), nullable=True),
        sa.Column("assisting_phone", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["stop_requests.request_id"],
            name=op.f("fk_stop_request_messages_request_id_stop_requests"),
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_stop_request_messages")),
        sa.UniqueConstraint("serial_number", name=op.f("uq_stop_request_messages_serial_number")),
    )


def downgrade() -> None:
    op.drop_table("stop_request_messages")

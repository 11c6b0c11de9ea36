"""The live engine's flags, its progress in event time and the cases it follows; indexes for
looking up one person's, phone's or account's records.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 03:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: (table, column) of the id columns a person's, phone's or account's records are found by.
LOOKUPS = (
    ("phones", "holder_person_id"),
    ("accounts", "holder_person_id"),
    ("calls", "caller"),
    ("calls", "callee"),
    ("sms", "sender"),
    ("sms", "receiver"),
    ("net_events", "number"),
    ("transfers", "from_account"),
    ("transfers", "to_account"),
    ("reports", "person_id"),
)


def upgrade() -> None:
    op.create_table(
        "engine_flags",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("flagged_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", name=op.f("pk_engine_flags")),
    )
    op.create_index(op.f("ix_engine_flags_ts"), "engine_flags", ["ts"], unique=False)
    op.create_table(
        "live_progress",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("decided_until", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_live_progress")),
    )
    for table, column in LOOKUPS:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
    op.add_column("cases", sa.Column("pursued_since", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_cases_pursued_since"), "cases", ["pursued_since"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_cases_pursued_since"), table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("pursued_since")
    for table, column in LOOKUPS:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    op.drop_table("live_progress")
    op.drop_index(op.f("ix_engine_flags_ts"), table_name="engine_flags")
    op.drop_table("engine_flags")

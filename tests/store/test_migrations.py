"""The schema comes from Alembic alone, and matches the tables the code declares."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from fanzha.store.base import Base
from fanzha.store.database import Database
from fanzha.store.service_tables import AuditEntry


def test_migrated_schema_matches_declared_tables(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migrate_twice_is_harmless(database: Database) -> None:
    database.migrate()
    tables = set(inspect(database.engine).get_table_names())
    assert {"warnings", "audit_log", "transfers", "list_entries", "alembic_version"} <= tables


def test_audit_log_refuses_update_and_delete(database: Database) -> None:
    with database.session() as session:
        session.add(
            AuditEntry(
                ts=1, username="u", role="admin", action="x", subject_kind="k", subject_id="1"
            )
        )
    for statement in ("UPDATE audit_log SET action = 'y'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
            conn.execute(text(statement))
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM audit_log")).scalars().all() == ["x"]

"""Alembic environment: runs on the connection `Database.migrate` hands over, or on the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from fanzha.store import dataset_tables, service_tables, stop_message_records
from fanzha.store.base import Base

config = context.config
#: Importing the table modules registers their tables on `Base.metadata`.
REGISTERED = (dataset_tables, service_tables, stop_message_records)
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as own:
        context.configure(connection=own, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()

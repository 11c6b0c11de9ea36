"""Test databases: a SQLite file, and a fresh schema in the PostgreSQL that
scripts/test-services.sh starts (URL in FANZHA_TEST_POSTGRES_URL). Without that variable the
PostgreSQL tests fail: they are part of the suite, never skipped."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from fanzha.store.database import Database

POSTGRES_ENV = "FANZHA_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.fail(
            f"{POSTGRES_ENV} is not set: run `export {POSTGRES_ENV}=$(scripts/test-services.sh)` "
            "(as root; it starts PostgreSQL and prints the URL), or use `make test`",
            pytrace=False,
        )
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each backend, removed after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fanzha.sqlite3'}"
        return
    base = postgres_url()
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated, empty database of each backend."""
    db = Database(database_url)
    db.migrate()
    yield db
    db.dispose()

"""The service's Redis stream consumer against a real redis-server and both databases:
every row stored exactly once even when entries are redelivered after a crash, bad rows
dead-lettered with their reasons while the good rows of the entry are kept."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fanzha.api.app import create_app
from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.api.stream_consumer import StreamConsumer
from fanzha.api.stream_routes import StreamOut
from fanzha.io.dataset import Dataset
from fanzha.io.redis_feed import FORMAT, publish
from fanzha.io.schema import INPUT_TABLES
from fanzha.store.database import Database
from fanzha.store.ingest_usecase import stored_table
from fanzha.store.service_tables import AuditEntry, User
from tests.api.service import PASSWORD, T0, Clock, cheap_hash
from tests.io.stream_fixtures import redis_url, small_city, stream_name

__all__ = ["redis_url", "small_city", "stream_name"]

STEP_S = 3 * 3600


def _settings(database_url: str, redis_url: str, stream: str) -> ServiceSettings:
    return ServiceSettings(
        database_url=database_url,
        secure_cookies=False,
        escalation_interval_s=0,
        live_interval_s=0,
        stream_url=redis_url,
        stream_name=stream,
        stream_claim_idle_s=0,
    )


@pytest.fixture
def services(database_url: str, redis_url: str, stream_name: str) -> Iterator[Services]:
    """A migrated, empty database of each backend, set to consume `stream_name`."""
    settings = _settings(database_url, redis_url, stream_name)
    database = Database(database_url)
    database.migrate()
    yield Services(settings, database, Clock(T0))
    database.dispose()


def _consumer(services: Services, name: str = "service-1") -> StreamConsumer:
    consumer = StreamConsumer.from_settings(services)
    consumer.consumer = name
    consumer.ensure_group()
    return consumer


def _publish(url: str, stream: str, city: Path) -> int:
    client = redis.Redis.from_url(url)
    done = publish(client, stream, Dataset(city), step_s=STEP_S, speed=0, chunk_rows=500)
    client.close()
    return done.entries


def _stored_counts(services: Services) -> dict[str, int]:
    """Rows stored per input table (keys are unique in the database, so no row twice)."""
    counts = {}
    with services.database.session() as session:
        for spec in INPUT_TABLES:
            table, _keys = stored_table(spec.name)
            query = select(func.count()).select_from(table)
            if spec.name.startswith("lists/"):
                query = query.where(table.c.kind == spec.name.removeprefix("lists/"))
            counts[spec.name] = int(session.scalar(query) or 0)
    return counts


def _city_counts(city: Path) -> dict[str, int]:
    dataset = Dataset(city)
    return {spec.name: dataset.table(spec.name).height for spec in INPUT_TABLES}


def _drain(consumer: StreamConsumer) -> None:
    while consumer.poll(block_ms=None):
        pass


def test_a_crash_between_commit_and_ack_loses_and_doubles_nothing(
    services: Services, redis_url: str, stream_name: str, small_city: Path
) -> None:
    entries = _publish(redis_url, stream_name, small_city)
    dying = _consumer(services)
    first = dying.read_new(block_ms=None)
    assert len(first) > 4
    dying.store(first[:3])  # committed, never acknowledged: the service died here
    dying.client.close()

    restarted = _consumer(services)
    assert restarted.recover() == len(first)
    _drain(restarted)
    assert _stored_counts(services) == _city_counts(small_city)
    counters = restarted.counters
    assert counters.entries_read == entries
    assert counters.duplicates == sum(len(json.loads(f["rows"])) for _, f in first[:3] if f)
    assert counters.rows_stored + counters.duplicates == sum(_city_counts(small_city).values())
    assert (counters.rows_rejected, counters.entries_rejected) == (0, 0)
    status = restarted.status()
    assert (status.pending, status.lag, status.rejected_stream_length) == (0, 0, 0)
    restarted.trim_consumed()
    assert restarted.client.xlen(stream_name) == 0  # acknowledged by every group: trimmed


def test_entries_left_by_a_dead_consumer_are_taken_over(
    services: Services, redis_url: str, stream_name: str, small_city: Path
) -> None:
    _publish(redis_url, stream_name, small_city)
    dead = _consumer(services, "service-dead")
    taken = dead.read_new(block_ms=None)
    dead.client.close()

    survivor = _consumer(services, "service-2")
    survivor.recover()
    assert survivor.counters.entries_taken_over == len(taken)
    _drain(survivor)
    assert _stored_counts(services) == _city_counts(small_city)
    assert survivor.status().pending == 0


GOOD = {
    "event_id": "T1",
    "ts": "2026-03-01T09:15:02+08:00",
    "from_account": "6222020200112233445",
    "to_account": "",
    "amount": "4999.00",
    "channel": "mobile",
}


def test_bad_rows_are_dead_lettered_with_reasons_and_good_rows_kept(
    services: Services, stream_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    consumer = _consumer(services)
    rows = [
        GOOD,
        {**GOOD, "event_id": "T2", "amount": "12.5"},
        {**GOOD, "event_id": "T3", "ts": "2026-02-30T09:15:02+08:00"},
        {**GOOD, "event_id": "T4"},
    ]
    mixed = consumer.client.xadd(
        stream_name, {"table": "transfers", "format": FORMAT, "rows": json.dumps(rows)}
    )
    unknown = consumer.client.xadd(stream_name, {"table": "bikes", "format": FORMAT, "rows": "[]"})
    broken = consumer.client.xadd(
        stream_name, {"table": "calls", "format": FORMAT, "rows": "[{not json"}
    )
    with caplog.at_level(logging.WARNING, logger="fanzha.api.stream_consumer"):
        _drain(consumer)

    transfers, _keys = stored_table("transfers")
    with services.database.session() as session:
        assert sorted(session.scalars(select(transfers.c.event_id))) == ["T1", "T4"]
        audit = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "ingest")
        ).all()
    assert f"stream {stream_name} entry {mixed}: received 4, stored 2" in audit[0]
    letters = [f for _, f in consumer.client.xrange(f"{stream_name}:rejected")]
    found = {(f["entry"], f["row"], f["field"]): f["reason"] for f in letters}
    assert found[(mixed, "1", "amount")].startswith("not an amount in yuan")
    assert found[(mixed, "2", "ts")].startswith("impossible date or time")
    assert found[(unknown, "-1", "table")].startswith("unknown table 'bikes'")
    assert found[(broken, "-1", "rows")].startswith("not JSON")
    assert json.loads(next(f["value"] for f in letters if f["row"] == "1"))["event_id"] == "T2"
    assert len(letters) == 4
    assert (consumer.counters.rows_rejected, consumer.counters.entries_rejected) == (2, 2)
    assert sum("rejected row" in r.getMessage() for r in caplog.records) == 4
    assert consumer.status().pending == 0


#: Entries in one node of a Redis stream (stream-node-max-entries): approximate trimming drops
#: whole nodes, so a trimmed stream may exceed its MAXLEN by up to this many entries.
NODE_ENTRIES = 100


# Only Redis is under test here: one backend is enough.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_rejected_stream_keeps_about_the_newest_maxlen_letters(
    services: Services, stream_name: str
) -> None:
    maxlen = 10
    settings = services.settings.model_copy(update={"stream_rejected_maxlen": maxlen})
    consumer = _consumer(Services(settings, services.database, services.clock))
    bad = [{**GOOD, "event_id": f"T{number}", "amount": "12.5"} for number in range(100)]
    last = ""
    for _ in range(4):
        last = consumer.client.xadd(
            stream_name, {"table": "transfers", "format": FORMAT, "rows": json.dumps(bad)}
        )
    _drain(consumer)
    rejected = f"{stream_name}:rejected"
    assert consumer.counters.rows_rejected == 400  # counted, though most letters are trimmed
    assert maxlen <= consumer.client.xlen(rejected) <= maxlen + NODE_ENTRIES
    ((_id, newest),) = consumer.client.xrevrange(rejected, count=1)
    assert (newest["entry"], newest["row"]) == (last, "99")


def test_rows_the_database_refuses_are_dead_lettered_and_the_rest_kept(
    services: Services, stream_name: str
) -> None:
    consumer = _consumer(services)
    too_long = "T" * 80  # a valid id by the format, longer than the id columns hold: checked
    nul = "T\x00"  # a valid id by the format; PostgreSQL refuses NUL in text, SQLite keeps it
    rows = [GOOD, {**GOOD, "event_id": too_long}, {**GOOD, "event_id": "T3"}]
    consumer.client.xadd(
        stream_name, {"table": "transfers", "format": FORMAT, "rows": json.dumps(rows)}
    )
    other = [{**GOOD, "event_id": "T4"}, {**GOOD, "event_id": nul}]
    consumer.client.xadd(
        stream_name, {"table": "transfers", "format": FORMAT, "rows": json.dumps(other)}
    )
    _drain(consumer)
    transfers, _keys = stored_table("transfers")
    with services.database.session() as session:
        stored = sorted(session.scalars(select(transfers.c.event_id)))
    letters = [f for _, f in consumer.client.xrange(f"{stream_name}:rejected")]
    reasons = [(f["row"], f["reason"]) for f in letters]
    assert reasons[0][0] == "1" and "at most 64 characters" in reasons[0][1]
    if services.database.dialect == "postgresql":
        assert stored == ["T1", "T3", "T4"]
        assert reasons[1][0] == "1" and reasons[1][1].startswith("refused by the database: ")
        assert consumer.counters.rows_rejected == 2
    else:  # SQLite keeps NUL characters
        assert stored == sorted(["T1", "T3", "T4", nul])
        assert len(letters) == 1
    assert consumer.status().pending == 0


def test_trimming_keeps_what_another_group_has_not_acknowledged(
    services: Services, stream_name: str
) -> None:
    consumer = _consumer(services)
    consumer.client.xgroup_create(stream_name, "archive", id="0")
    for number in range(3):
        row = {**GOOD, "event_id": f"T{number}"}
        consumer.client.xadd(
            stream_name, {"table": "transfers", "format": FORMAT, "rows": json.dumps([row])}
        )
    _drain(consumer)
    assert consumer.trim_consumed() == 0
    assert consumer.client.xlen(stream_name) == 3
    answer = consumer.client.xreadgroup("archive", "a", {stream_name: ">"}, count=2)
    consumer.client.xack(stream_name, "archive", *(entry_id for entry_id, _ in answer[0][1]))
    assert consumer.trim_consumed() == 2
    assert consumer.client.xlen(stream_name) == 1


def test_an_unreachable_redis_is_reported_and_retried_not_fatal(services: Services) -> None:
    consumer = StreamConsumer.from_settings(
        Services(
            services.settings.model_copy(update={"stream_url": "redis://127.0.0.1:1/0"}),
            services.database,
        )
    )
    loop = threading.Thread(target=consumer.run)
    loop.start()
    deadline = time.monotonic() + 10
    while consumer.last_error is None:
        assert time.monotonic() < deadline and loop.is_alive()
        time.sleep(0.02)
    consumer.stopping.set()
    loop.join(timeout=5)
    assert not loop.is_alive()
    assert "ConnectionError" in consumer.last_error
    assert consumer.status().error is not None


def test_the_service_consumes_while_it_runs_and_reports_to_admins(
    database_url: str, redis_url: str, stream_name: str, small_city: Path
) -> None:
    settings = _settings(database_url, redis_url, stream_name)
    with TestClient(create_app(settings, Clock(T0))) as client:
        services: Services = client.app.state.services  # type: ignore[attr-defined]
        with services.database.session() as session:
            for username, role in (("admin", "admin"), ("duty", "duty_officer")):
                session.add(
                    User(
                        username=username,
                        password_hash=cheap_hash(),
                        role=role,
                        active=True,
                        created_at=T0,
                    )
                )

        def headers(username: str) -> dict[str, str]:
            token = client.post("/api/login", json={"username": username, "password": PASSWORD})
            return {"Authorization": f"Bearer {token.json()['token']}"}

        admin = headers("admin")
        assert client.get("/api/stream", headers=headers("duty")).status_code == 403
        _publish(redis_url, stream_name, small_city)
        total = sum(_city_counts(small_city).values())
        deadline = time.monotonic() + 60
        while (status := client.get("/api/stream", headers=admin).json())["rows_stored"] < total:
            assert time.monotonic() < deadline, status
            time.sleep(0.1)
        assert status["enabled"] is True
        assert (status["duplicates"], status["rows_rejected"], status["error"]) == (0, 0, None)
        assert status["rejected_stream"] == f"{stream_name}:rejected"
        assert _stored_counts(services) == _city_counts(small_city)
    without_stream = settings.model_copy(update={"stream_url": None})
    with TestClient(create_app(without_stream, Clock(T0))) as client:
        answer = client.post("/api/login", json={"username": "admin", "password": PASSWORD})
        token = {"Authorization": f"Bearer {answer.json()['token']}"}
        assert client.get("/api/stream", headers=token).json() == {
            **StreamOut(enabled=False).model_dump()
        }


#: A consumer process on its own: run until killed.
CONSUMER = """
import sys
from fanzha.api.services import Services
from fanzha.api.settings import ServiceSettings
from fanzha.api.stream_consumer import StreamConsumer
from fanzha.store.database import Database

url, redis_url, stream = sys.argv[1:]
settings = ServiceSettings(database_url=url, stream_url=redis_url, stream_name=stream)
StreamConsumer.from_settings(Services(settings, Database(url))).run()
"""


# A process start costs seconds here: one backend, the one deployments use (the in-process
# crash test above covers both).
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_killed_consumer_process_resumes_without_losing_or_doubling_a_row(
    services: Services, database_url: str, redis_url: str, stream_name: str, small_city: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    publish(client, stream_name, Dataset(small_city), step_s=3600, speed=0, chunk_rows=20)
    client.close()
    total = sum(_city_counts(small_city).values())
    first = subprocess.Popen(
        [sys.executable, "-c", CONSUMER, database_url, redis_url, stream_name],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while (stored := sum(_stored_counts(services).values())) == 0:
        assert time.monotonic() < deadline and first.poll() is None, first.stderr
        time.sleep(0.02)
    first.kill()  # SIGKILL: whatever it had read stays unacknowledged
    first.communicate(timeout=10)
    assert stored < total

    restarted = _consumer(services)
    restarted.recover()
    _drain(restarted)
    assert _stored_counts(services) == _city_counts(small_city)
    counters = restarted.counters
    assert counters.rows_stored + counters.duplicates == counters.rows_received
    assert counters.rows_stored <= total - stored
    assert restarted.status().pending == 0

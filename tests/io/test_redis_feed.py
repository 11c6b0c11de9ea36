"""fanzha feed: a dataset published on a real Redis stream, in event time, row for row."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import polars as pl
import redis
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from fanzha.api.rows import check_rows
from fanzha.cli.main import app
from fanzha.io.dataset import Dataset
from fanzha.io.event_feed import REGISTRIES
from fanzha.io.redis_feed import FORMAT, publish
from fanzha.io.schema import INPUT_TABLES, TABLES
from tests.io.stream_fixtures import redis_url, small_city, stream_name

__all__ = ["redis_url", "small_city", "stream_name"]

STEP_S = 3600


def _entries(url: str, stream: str) -> list[dict[str, str]]:
    client = redis.Redis.from_url(url, decode_responses=True)
    entries = [fields for _id, fields in client.xrange(stream)]
    client.close()
    return entries


def test_every_row_arrives_once_checked_like_the_ingest_api(
    redis_url: str, stream_name: str, small_city: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    dataset = Dataset(small_city)
    done = publish(client, stream_name, dataset, step_s=STEP_S, speed=0, chunk_rows=100)
    client.close()
    entries = _entries(redis_url, stream_name)
    assert done.entries == len(entries)
    assert {e["format"] for e in entries} == {FORMAT}
    assert all(int(e["count"]) <= 100 for e in entries)

    received: dict[str, list[pl.DataFrame]] = {}
    for entry in entries:
        rows = json.loads(entry["rows"])
        assert len(rows) == int(entry["count"])
        checked = check_rows(TABLES[entry["table"]], rows)
        assert checked.rejected == []
        received.setdefault(entry["table"], []).append(checked.frame)
    expected = {spec.name: dataset.table(spec.name) for spec in INPUT_TABLES}
    assert set(received) == {name for name, frame in expected.items() if frame.height}
    assert done.rows == sum(frame.height for frame in expected.values())
    for name, frames in received.items():
        spec = TABLES[name]
        got = pl.concat(frames)
        want = expected[name]
        if spec.order_by is not None:
            got, want = (
                got.sort(spec.order_by, *spec.column_names),
                want.sort(spec.order_by, *spec.column_names),
            )
        assert_frame_equal(got, want)


def test_registries_come_first_and_no_record_before_its_time(
    redis_url: str, stream_name: str, small_city: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    dataset = Dataset(small_city)
    publish(client, stream_name, dataset, step_s=STEP_S, speed=0)
    client.close()
    entries = _entries(redis_url, stream_name)
    tables = [e["table"] for e in entries]
    first_timed = next(i for i, t in enumerate(tables) if t not in REGISTRIES)
    assert set(tables[:first_timed]) == set(REGISTRIES)
    assert not set(tables[first_timed:]) & set(REGISTRIES)
    ends = [int(e["until"]) for e in entries[first_timed:]]
    assert ends == sorted(ends)
    for entry in entries[first_timed:]:
        spec = TABLES[entry["table"]]
        assert spec.order_by is not None
        frame = check_rows(spec, json.loads(entry["rows"])).frame
        assert frame[spec.order_by].max() < int(entry["until"])  # type: ignore[operator]


def test_a_feed_catching_up_sends_full_entries_in_time_order(
    redis_url: str, stream_name: str, small_city: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    dataset = Dataset(small_city)
    done = publish(client, stream_name, dataset, step_s=60, speed=0, chunk_rows=1000)
    client.close()
    entries = _entries(redis_url, stream_name)
    assert done.slices > 1000 and done.entries < 40  # a day of minutes, merged
    start = dataset.meta.start
    for earlier, later in itertools.pairwise(entries):
        assert int(earlier["until"]) <= int(later["since"]) or earlier["until"] == later["until"]
    for entry in entries:
        spec = TABLES[entry["table"]]
        assert int(entry["count"]) <= 1000
        if spec.order_by is not None and int(entry["since"]) > start:
            frame = check_rows(spec, json.loads(entry["rows"])).frame
            assert frame[spec.order_by].min() >= int(entry["since"])  # type: ignore[operator]


class FakeTime:
    """Wall time that moves only when the publisher sleeps: the pacing, without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_speed_paces_slices_by_simulated_time(
    redis_url: str, stream_name: str, small_city: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    dataset = Dataset(small_city)
    fake = FakeTime()
    seen: list[tuple[float, int]] = []
    done = publish(
        client,
        stream_name,
        dataset,
        step_s=STEP_S,
        speed=600.0,
        sleep=fake.sleep,
        clock=fake.clock,
        on_progress=lambda p: seen.append((fake.now, p.simulated_ts)),
    )
    client.close()
    start = dataset.meta.start
    # each slice goes out when simulated time (600 s a second) reaches its end
    assert [wall - 1000.0 for wall, _ in seen] == [(ts - start) / 600.0 for _, ts in seen]
    assert done.simulated_ts - start >= dataset.meta.end - start
    assert len(fake.slept) == done.slices - 1  # the registries go at once


def test_feed_command_publishes_and_names_bad_input(
    redis_url: str, stream_name: str, small_city: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    done = runner.invoke(
        app, ["feed", str(small_city), "--to", redis_url, "--stream", stream_name, "--step", "7200"]
    )
    assert done.exit_code == 0, done.output
    total = sum(Dataset(small_city).table(spec.name).height for spec in INPUT_TABLES)
    assert f"published {total:,} rows" in done.output
    assert sum(int(e["count"]) for e in _entries(redis_url, stream_name)) == total

    missing = runner.invoke(app, ["feed", str(tmp_path / "nowhere"), "--to", redis_url])
    assert missing.exit_code == 2
    assert "not a directory" in missing.output
    unreachable = runner.invoke(app, ["feed", str(small_city), "--to", "redis://127.0.0.1:1/0"])
    assert unreachable.exit_code == 1
    assert "cannot reach redis://127.0.0.1:1/0" in unreachable.output

"""A real redis-server for the stream tests, and the small simulated city they feed.

The server is Debian's `redis-server` (scripts/test-services.sh installs it), started once
per test session on a free port without persistence and stopped at the end. Each test uses
its own stream key, so tests never see each other's entries.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from fanzha.bench.local_port import free_port
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate

#: 300 residents over one day: about 6,000 rows of every input table.
CITY = SimConfig.profile("default").with_overrides(persons=300, days=1, seed=7)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """redis://127.0.0.1:<port>/0 of a throwaway redis-server, killed after the session."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(
            "redis-server is not installed: run scripts/test-services.sh (as root) or "
            "`apt-get install redis-server`",
            pytrace=False,
        )
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert server.poll() is None, "redis-server exited at start"
            assert time.monotonic() < deadline, "redis-server did not answer within 10 s"
            time.sleep(0.05)
    client.close()
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def stream_name() -> str:
    return f"test:{secrets.token_hex(6)}"


@pytest.fixture(scope="session")
def small_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("city")
    simulate(CITY, root)
    return root

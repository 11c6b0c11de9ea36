"""One small simulated city, generated once for the statistics tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanzha.io.dataset import Dataset
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate

#: Small but with enough fraud to measure: ~80 targets, a dozen rings.
CITY = SimConfig(persons=3_000, days=4, seed=11, min_targets=80, rings=8, local_mule_share=0.4)


@pytest.fixture(scope="session")
def city_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("city")
    simulate(CITY, out)
    return out


#: The default fraud rate (no floor on targets): for shares that depend on how rare fraud is.
TYPICAL = SimConfig(persons=6_000, days=3, seed=12, min_targets=0)


@pytest.fixture(scope="session")
def city(city_dir: Path) -> Dataset:
    return Dataset(city_dir)


@pytest.fixture(scope="session")
def typical_city(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    out = tmp_path_factory.mktemp("typical")
    simulate(TYPICAL, out)
    return Dataset(out)

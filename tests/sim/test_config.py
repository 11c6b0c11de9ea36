"""Knobs, profiles and randomized configs."""

from __future__ import annotations

import pytest

from fanzha.io import schema
from fanzha.sim.config import PROFILES, SCAM_TYPES, SimConfig
from fanzha.sim.typologies import TYPOLOGIES


def test_profiles_exist_and_differ_from_default() -> None:
    default = SimConfig.profile("default")
    assert default == SimConfig()
    for name in PROFILES:
        if name != "default":
            assert SimConfig.profile(name) != default, name
    city = SimConfig.profile("city")
    assert (city.persons, city.days) == (100_000, 14)


def test_the_simulator_plays_every_typology_it_has_under_a_domain_code() -> None:
    # A typology whose code the domain list lacks would silently never be played.
    assert set(TYPOLOGIES) == set(SCAM_TYPES)
    # The order the seeded draws follow: a change would change every simulated city.
    assert list(SCAM_TYPES) == [
        "rebate",
        "investment",
        "police",
        "customer_service",
        "loan",
        "shopping",
        "boss",
        "romance",
    ]
    assert set(SCAM_TYPES) < set(schema.SCAM_TYPES)


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        SimConfig.profile("metropolis")


@pytest.mark.parametrize(
    "changes",
    [
        {"persons": 10},
        {"days": 0},
        {"seed": -1},
        {"first_day": "2026-02-30"},
        {"scam_mix": {"lottery": 1.0}},
        {"mule_hold_minutes": 50.0, "mule_max_hold_minutes": 20.0},
    ],
)
def test_bad_knobs_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        SimConfig(**changes)  # type: ignore[arg-type]


def test_randomized_is_seeded_and_varies() -> None:
    a, b = SimConfig.randomized(1), SimConfig.randomized(1)
    assert a == b
    others = [SimConfig.randomized(s) for s in range(2, 8)]
    assert len({c.mule_hold_minutes for c in others}) == len(others)
    for config in others:
        assert set(config.scam_mix) == set(SCAM_TYPES)
        assert 0.0 < config.number_list_coverage < 1.0
        assert config.mule_hold_minutes <= config.mule_max_hold_minutes


def test_randomized_rings_work_from_a_few_to_many_victims_each() -> None:
    configs = [SimConfig.randomized(s, persons=20_000, days=7) for s in range(1, 41)]
    per_ring = [c.target_count / c.ring_count for c in configs]
    # Named profiles give each ring at most about 40 (at least one ring per typology).
    assert min(per_ring) < 15 and max(per_ring) > 60
    # `--set rings=0` gives a seed back the earlier rule: a ring per scam type at least.
    earlier = configs[0].with_settings(["rings=0"])
    assert earlier.ring_count >= sum(1 for share in earlier.scam_mix.values() if share > 0)


def test_target_and_ring_counts_scale_with_the_city() -> None:
    city = SimConfig.profile("city")
    assert 400 <= city.target_count <= 1_000  # several hundred per 100k over 14 days
    assert city.ring_count >= 10
    assert SimConfig(persons=500, days=1).target_count == 30  # the floor for test cities


def test_any_knob_can_be_set_by_name() -> None:
    config = SimConfig().with_settings(
        ["mule_hold_minutes=3", "rings=4", "scam_mix=police:0.7,loan:0.3", "first_day=2026-05-01"]
    )
    assert config.mule_hold_minutes == 3.0
    assert config.ring_count == 4
    assert config.scam_mix == {"police": 0.7, "loan": 0.3}
    assert config.first_day == "2026-05-01"


@pytest.mark.parametrize("setting", ["colour=red", "rings", "days=two", "scam_mix=lottery:1"])
def test_bad_settings_are_refused(setting: str) -> None:
    with pytest.raises(ValueError):
        SimConfig().with_settings([setting])

"""Every knob of the simulated city, with defaults from public figures, and named profiles."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from fanzha.io import schema
from fanzha.sim.streams import stream
from fanzha.sim.typologies import TYPOLOGIES

#: The scam types the simulator plays (those it has a typology for), in the domain's order;
#: written to labels/targets.csv scam_type.
SCAM_TYPES: tuple[str, ...] = tuple(code for code in schema.SCAM_TYPES if code in TYPOLOGIES)


def _default_mix() -> dict[str, float]:
    # Case shares: the five main typologies made about 80% of cases (2022), task/rebate about a
    # third of them; the rest from the 2024 top ten (fake shopping, impersonating a boss or
    # acquaintance, romance).
    return {
        "rebate": 0.27,
        "investment": 0.15,
        "police": 0.08,
        "customer_service": 0.16,
        "loan": 0.14,
        "shopping": 0.10,
        "boss": 0.05,
        "romance": 0.05,
    }


@dataclass(frozen=True)
class SimConfig:
    """What a centre may vary. Rates are per person per day unless named otherwise."""

    persons: int = 2_000
    days: int = 3
    seed: int = 0
    first_day: str = "2026-03-02"
    # Fraud
    targets_per_100k_day: float = 45.0
    min_targets: int = 30  # so small test cities still hold enough fraud to measure
    rings: int = 0  # 0: one ring per ~40 targets, at least one per typology
    scam_mix: dict[str, float] = field(default_factory=_default_mix)
    stop_before_paying: float = 0.3  # engaged targets who stop before paying
    sprayed_per_target: float = 40.0  # people a ring reaches who never engage, per target
    mule_hold_minutes: float = 8.0  # median time money stays in a mule account
    mule_max_hold_minutes: float = 120.0  # every mule passes money on within this
    cross_ring_share: float = 0.1  # hops routed through another ring's mules
    local_mule_share: float = 0.3  # mule cards rented from residents (断卡)
    seasoned_sim_share: float = 0.25  # residents' ring SIMs that are the seller's own old card
    download_page_share: float = 0.8  # victims installing a ring's app who open its page first
    # Reports and lists
    report_share: float = 0.75  # victims with a loss who report it
    number_list_coverage: float = 0.45
    domain_list_coverage: float = 0.5
    app_list_coverage: float = 0.35
    account_list_coverage: float = 0.7  # reported accounts that reach the list
    list_delay_hours: float = 30.0  # median delay from first use to listing
    list_noise: float = 0.04  # share of list entries that are innocent values
    # Daily life
    calls_per_day: float = 2.6
    sms_per_day: float = 0.25
    service_sms_per_day: float = 0.7
    visits_per_day: float = 1.4
    installs_per_day: float = 0.03
    purchases_per_day: float = 0.9
    family_transfers_per_day: float = 0.05
    withdrawals_per_day: float = 0.02
    # Look-alikes
    courier_share: float = 0.006
    telemarketer_share: float = 0.003
    agent_share: float = 0.002  # agents and brokers cold-calling from their own old phones
    shop_share: float = 0.02
    many_cards_share: float = 0.02
    new_number_share: float = 0.03
    large_payments_per_day: float = 0.002
    overseas_family_share: float = 0.02
    wholesaler_share: float = 0.004  # wholesale-market traders taking goods payments
    offer_open_share: float = 0.02  # sales and shop link texts whose link is opened
    offer_install_share: float = 0.15  # opened offers whose app is installed within the hour

    def __post_init__(self) -> None:
        if self.persons < 100:
            raise ValueError(f"persons must be >= 100, got {self.persons}")
        if self.days < 1:
            raise ValueError(f"days must be >= 1, got {self.days}")
        if self.seed < 0:
            raise ValueError(f"seed must be >= 0, got {self.seed}")
        try:
            date.fromisoformat(self.first_day)
        except ValueError as exc:
            raise ValueError(f"first_day must be a date like 2026-03-02: {exc}") from None
        unknown = set(self.scam_mix) - set(SCAM_TYPES)
        if unknown or not self.scam_mix or min(self.scam_mix.values()) < 0:
            raise ValueError(f"scam_mix: codes must be among {SCAM_TYPES}, shares >= 0")
        if self.mule_hold_minutes <= 0 or self.mule_max_hold_minutes < self.mule_hold_minutes:
            raise ValueError("mule_hold_minutes must be > 0 and <= mule_max_hold_minutes")

    @property
    def target_count(self) -> int:
        rate = self.targets_per_100k_day * self.persons * self.days / 100_000
        return max(self.min_targets, round(rate))

    @property
    def ring_count(self) -> int:
        used = sum(1 for share in self.scam_mix.values() if share > 0)
        return self.rings if self.rings > 0 else max(used, round(self.target_count / 40))

    def with_overrides(self, **changes: Any) -> SimConfig:
        """A copy with the non-None `changes` applied (for CLI options)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def with_settings(self, settings: list[str]) -> SimConfig:
        """A copy with `name=value` settings applied, e.g. `mule_hold_minutes=3` or
        `scam_mix=police:0.5,rebate:0.5`: every knob can be set from the command line."""
        changes: dict[str, Any] = {}
        kinds = {f.name: type(getattr(self, f.name)) for f in fields(self)}
        for setting in settings:
            name, sep, text = setting.partition("=")
            name = name.strip()
            if not sep or name not in kinds:
                raise ValueError(
                    f"--set {setting!r}: expected NAME=VALUE with NAME one of the knobs"
                )
            try:
                changes[name] = _parse_knob(kinds[name], text.strip())
            except ValueError as exc:
                raise ValueError(f"--set {setting!r}: {exc}") from None
        return replace(self, **changes)

    @classmethod
    def profile(cls, name: str) -> SimConfig:
        """A named bundle of knobs; see PROFILES."""
        if name not in PROFILES:
            raise ValueError(f"unknown profile {name!r}; choose from {', '.join(PROFILES)}")
        return cls(**PROFILES[name])

    @classmethod
    def randomized(cls, seed: int, persons: int = 2_000, days: int = 3) -> SimConfig:
        """Every knob drawn from a plausible range, for training on diverse cities."""
        rng = stream(seed, "config")
        mix = rng.dirichlet(np.full(len(SCAM_TYPES), 2.0))

        def between(low: float, high: float) -> float:
            return float(round(rng.uniform(low, high), 4))

        first_day = date(2026, 1, 1) + timedelta(days=int(rng.integers(0, 365)))
        drawn = cls(
            persons=persons,
            days=days,
            seed=seed,
            first_day=first_day.isoformat(),
            targets_per_100k_day=between(15.0, 120.0),
            rings=0,
            scam_mix={k: float(round(v, 4)) + 0.01 for k, v in zip(SCAM_TYPES, mix, strict=True)},
            stop_before_paying=between(0.1, 0.5),
            sprayed_per_target=between(15.0, 80.0),
            mule_hold_minutes=between(2.0, 30.0),
            mule_max_hold_minutes=between(60.0, 240.0),
            cross_ring_share=between(0.0, 0.3),
            local_mule_share=between(0.1, 0.6),
            report_share=between(0.5, 0.95),
            number_list_coverage=between(0.1, 0.8),
            domain_list_coverage=between(0.1, 0.8),
            app_list_coverage=between(0.05, 0.7),
            account_list_coverage=between(0.3, 0.95),
            list_delay_hours=between(6.0, 96.0),
            list_noise=between(0.0, 0.1),
            calls_per_day=between(1.5, 4.0),
            sms_per_day=between(0.1, 0.5),
            service_sms_per_day=between(0.3, 1.2),
            visits_per_day=between(0.8, 2.5),
            installs_per_day=between(0.01, 0.06),
            purchases_per_day=between(0.5, 1.5),
            family_transfers_per_day=between(0.02, 0.1),
            withdrawals_per_day=between(0.01, 0.04),
            courier_share=between(0.003, 0.012),
            telemarketer_share=between(0.001, 0.005),
            shop_share=between(0.01, 0.04),
            many_cards_share=between(0.01, 0.05),
            new_number_share=between(0.01, 0.06),
            large_payments_per_day=between(0.001, 0.004),
            overseas_family_share=between(0.005, 0.04),
        )
        # How busy a ring's lines are depends on how many victims a ring works here, which
        # the city's size does not fix: a ring calls the whole country. This and the knobs
        # added after it are drawn last, so every knob above stays what it was for the seed.
        per_ring = between(10.0, 90.0)
        seasoned = between(0.0, 0.6)
        agents = between(0.0005, 0.004)
        wholesalers = between(0.001, 0.008)
        download_pages = between(0.3, 1.0)
        offers_opened = between(0.005, 0.05)
        offers_installed = between(0.05, 0.3)
        return replace(
            drawn,
            rings=max(1, round(drawn.target_count / per_ring)),
            seasoned_sim_share=seasoned,
            agent_share=agents,
            wholesaler_share=wholesalers,
            download_page_share=download_pages,
            offer_open_share=offers_opened,
            offer_install_share=offers_installed,
        )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _parse_knob(kind: type, text: str) -> Any:
    if kind is dict:
        mix: dict[str, float] = {}
        for part in text.split(","):
            code, _, share = part.partition(":")
            mix[code.strip()] = float(share)
        return mix
    if kind is int:
        return int(text)
    if kind is float:
        return float(text)
    return text


#: Named profiles: bundles of knobs a centre can start from.
PROFILES: dict[str, dict[str, Any]] = {
    # Defaults: a small city for tests and quick looks.
    "default": {},
    # The city of the benchmark: 100,000 persons over 14 days.
    "city": {"persons": 100_000, "days": 14},
    # A bad season: twice the rings and targets.
    "high_fraud": {"targets_per_100k_day": 100.0},
    # Professional laundering: money leaves every mule within minutes, more cross-ring hops.
    "fast_mules": {
        "mule_hold_minutes": 2.0,
        "mule_max_hold_minutes": 20.0,
        "cross_ring_share": 0.3,
    },
    # Weak intelligence: lists small, late and noisy.
    "sparse_lists": {
        "number_list_coverage": 0.15,
        "domain_list_coverage": 0.15,
        "app_list_coverage": 0.1,
        "account_list_coverage": 0.35,
        "list_delay_hours": 72.0,
        "list_noise": 0.08,
    },
}

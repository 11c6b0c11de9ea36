"""Fraud rings and their assets: numbers, link domains, apps and mule accounts.

A ring rotates its assets: a number or domain serves until it dies of age or is cut off soon
after it is listed, and the next one takes over. Numbers come from the same pools as innocents'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from fanzha.sim.catalogue import RING_COUNTRIES
from fanzha.sim.city import BANK_NAMES
from fanzha.sim.clock import DAY_S
from fanzha.sim.config import SCAM_TYPES, SimConfig
from fanzha.sim.identifiers import (
    UniqueIds,
    app_names,
    bank_choice,
    card_numbers,
    mobile_numbers,
    overseas_numbers,
    site_names,
    voip_numbers,
)
from fanzha.sim.registry import NONE
from fanzha.sim.world import World

NUMBER_KINDS = ("mobile", "voip", "overseas")
SLOTS_PER_KIND = 3  # lines a ring runs at once per kind of number
LINES_PER_RING = len(NUMBER_KINDS) * SLOTS_PER_KIND
MULE_LAYERS = ("mule_1", "mule_2", "mule_3", "cashout")
HOUR = 3600
_KEY = np.int64(1) << 33  # slot stride in schedule keys; above every timestamp


@dataclass
class Schedule:
    """Assets used one after another per slot: row i serves its slot from start to end."""

    slot: np.ndarray
    start: np.ndarray
    end: np.ndarray
    entity: np.ndarray  # phone index or vocabulary id
    listed_at: np.ndarray  # NONE if never listed

    def active(self, slot: np.ndarray, ts: np.ndarray) -> np.ndarray:
        """The entity serving `slot` at time `ts`."""
        keys = self.slot * _KEY + self.start
        row = np.searchsorted(keys, slot * _KEY + ts, side="right") - 1
        return np.asarray(self.entity[np.maximum(row, 0)])


@dataclass
class Rings:
    """Every ring's typology and assets; ring r owns number slots r*9 .. r*9+8."""

    typology: np.ndarray  # primary scam code per ring
    numbers: Schedule  # slots: ring * LINES_PER_RING + kind * SLOTS_PER_KIND + line
    domains: Schedule  # slot = ring
    apps: Schedule  # slot = ring
    mules: dict[str, list[np.ndarray]]  # layer -> per ring, account indices in order of use

    @property
    def count(self) -> int:
        return int(self.typology.size)

    def rings_for(self, code: str) -> np.ndarray:
        own = np.flatnonzero(self.typology == code)
        return own if own.size else np.arange(self.count)


def build_rings(world: World, expected_payments: int, birth_year: np.ndarray) -> Rings:
    """Rings with number, domain and app schedules and mule card pools per layer."""
    config = world.config
    count = config.ring_count
    typology = _ring_typologies(world.rng("ring_typologies"), config, count)
    domains = _name_schedule(
        world.rng("ring_domains"),
        world,
        count,
        4.0,
        coverage=config.domain_list_coverage,
        names=site_names,
    )
    apps = _name_schedule(
        world.rng("ring_apps"),
        world,
        count,
        12.0,
        coverage=config.app_list_coverage,
        names=app_names,
    )
    # Enough cards that a ring never has to reuse a retired one; unused ones are not written.
    per_ring = max(6, expected_payments // count + 8)
    # Residents who rent out cards and SIMs (断卡): young adults, some with several cards.
    rng = world.rng("card_renters")
    age = world.window.year - birth_year
    young = np.flatnonzero((age >= 18) & (age <= 40))
    renters = rng.choice(young, max(3, int(per_ring * count * config.local_mule_share / 2)))
    numbers = _number_schedule(world.rng("ring_numbers"), world, count, renters)
    rng = world.rng("mule_cards")
    mules = {
        layer: [_mule_accounts(rng, world, per_ring, renters) for _ in range(count)]
        for layer in MULE_LAYERS
    }
    return Rings(typology, numbers, domains, apps, mules)


def _ring_typologies(rng: np.random.Generator, config: SimConfig, count: int) -> np.ndarray:
    """Each typology in the mix gets a ring first; the rest follow the mix."""
    codes = [c for c in SCAM_TYPES if config.scam_mix.get(c, 0) > 0]
    share = np.array([config.scam_mix[c] for c in codes])
    first = sorted(codes, key=lambda c: -config.scam_mix[c])[:count]
    rest = np.array(codes)[rng.choice(len(codes), count - len(first), p=share / share.sum())]
    out = np.concatenate([np.array(first, dtype="<U16"), rest.astype("<U16")])
    return out[rng.permutation(count)]


def _lifetimes(
    rng: np.random.Generator, world: World, slots: int, median_days: float, coverage: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Back-to-back service periods per slot, from before the window to its end.

    A listed asset is cut off a few hours after listing; the next one starts at once.
    """
    config, window = world.config, world.window
    slot_out, start_out, end_out, listed_out = [], [], [], []
    for slot in range(slots):
        t = window.start - int(rng.uniform(0.2, 1.0) * median_days * DAY_S)
        while t < window.end:
            life = int(rng.lognormal(np.log(median_days * DAY_S), 0.6))
            listed = NONE
            end = t + max(life, 2 * HOUR)
            if rng.random() < coverage:
                listed = t + int(rng.lognormal(np.log(config.list_delay_hours * HOUR), 0.8))
                end = min(end, listed + int(rng.uniform(0.5, 8.0) * HOUR))
            slot_out.append(slot)
            start_out.append(t)
            end_out.append(end)
            listed_out.append(listed)
            t = end
    return (
        np.array(slot_out, dtype=np.int64),
        np.array(start_out, dtype=np.int64),
        np.array(end_out, dtype=np.int64),
        np.array(listed_out, dtype=np.int64),
    )


def _number_schedule(
    rng: np.random.Generator, world: World, count: int, renters: np.ndarray
) -> Schedule:
    """Numbers per line: mobiles bought from card farmers (some registered to local people who
    sold their cards), virtual-operator numbers, and overseas numbers."""
    config, ids, phones = world.config, world.ids, world.phones
    slots = count * len(NUMBER_KINDS) * SLOTS_PER_KIND
    slot, start, end, listed = _lifetimes(rng, world, slots, 3.0, config.number_list_coverage)
    kind = (slot // SLOTS_PER_KIND) % len(NUMBER_KINDS)
    entity = np.empty(slot.size, dtype=np.int64)
    for k, name in enumerate(NUMBER_KINDS):
        mask = kind == k
        n = int(mask.sum())
        if name == "mobile":
            values = mobile_numbers(rng, ids, n)
            local = rng.random(n) < config.local_mule_share
            holder = np.where(local, renters[rng.integers(0, renters.size, n)], NONE)
            # Local SIMs were activated days before first use, or are the seller's old card; others
            # have no local record.
            fresh = start[mask] - rng.integers(HOUR, 20 * DAY_S, n)
            activated = np.where(local, _seasoned(world, fresh, start[mask]), NONE)
        elif name == "voip":
            values = voip_numbers(rng, ids, n)
            holder = np.full(n, NONE)
            activated = start[mask] - rng.integers(HOUR, 10 * DAY_S, n)
        else:
            values = overseas_numbers(rng, ids, n, RING_COUNTRIES)
            holder = np.full(n, NONE)
            activated = np.full(n, NONE)
        entity[mask] = phones.add(values, holder, name, activated)
    return Schedule(slot, start, end, entity, listed)


def _seasoned(world: World, activated: np.ndarray, first_use: np.ndarray) -> np.ndarray:
    """Activation dates with `seasoned_sim_share` of them moved years back: a resident who
    sells a card often sells the one they have had for years, so a ring line can be an old,
    real-name number. Drawn from a stream of its own, so a share of 0 changes nothing else."""
    rng = world.rng("seasoned_sims")
    seasoned = rng.random(activated.size) < world.config.seasoned_sim_share
    age_days = np.exp(rng.uniform(np.log(30.0), np.log(2_500.0), activated.size))
    return np.where(seasoned, first_use - (age_days * DAY_S).astype(np.int64), activated)


def _name_schedule(
    rng: np.random.Generator,
    world: World,
    count: int,
    median_days: float,
    *,
    coverage: float,
    names: Callable[[np.random.Generator, UniqueIds, int], np.ndarray],
) -> Schedule:
    """Link domains or apps, one line per ring, rotated like numbers."""
    slot, start, end, listed = _lifetimes(rng, world, count, median_days, coverage)
    entity = world.vocab.ids(names(rng, world.ids, slot.size).tolist())
    return Schedule(slot, start, end, entity, listed)


def _mule_accounts(
    rng: np.random.Generator, world: World, n: int, renters: np.ndarray
) -> np.ndarray:
    """Mule cards: mostly held out of the area; some rented from residents."""
    config, window, ids, accounts = world.config, world.window, world.ids, world.accounts
    bank = bank_choice(rng, n)
    recent = rng.random(n) < 0.45
    opened = np.where(
        recent,
        window.days_before(rng, 2, 90, n),
        window.days_before(rng, 200, 4000, n),
    )
    local = rng.random(n) < config.local_mule_share
    holder = np.where(local, renters[rng.integers(0, renters.size, n)], NONE)
    return accounts.add(card_numbers(rng, ids, bank), holder, BANK_NAMES[bank], "personal", opened)

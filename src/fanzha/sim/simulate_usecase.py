"""`fanzha simulate`: generate a labelled city in the dataset format.

Each stage draws from its own random stream, events are generated columnar per activity, and
every table is sorted once, so the same config gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fanzha.sim.city import build_city
from fanzha.sim.config import SimConfig
from fanzha.sim.daily_life import (
    messages,
    network,
    outside_accounts,
    payments,
    second_hand,
    social_calls,
)
from fanzha.sim.dataset_output import write, write_entities, write_events, write_meta
from fanzha.sim.labels import label_frames
from fanzha.sim.laundering import launder
from fanzha.sim.lookalikes import look_alikes
from fanzha.sim.reporting import Lookup, reports_and_lists
from fanzha.sim.rings import build_rings
from fanzha.sim.scams import engage
from fanzha.sim.spray import spray
from fanzha.sim.world import World

#: The stages, in order, as reported to `on_stage` (for a progress bar).
STAGES: tuple[str, ...] = (
    "residents",
    "daily life",
    "look-alikes",
    "fraud rings",
    "laundering",
    "events",
    "reports and lists",
    "labels",
)


@dataclass(frozen=True)
class SimSummary:
    """Rows written per file, and the fraud in the city."""

    rows: dict[str, int]
    targets: int
    victims: int
    loss_fen: int


def simulate(
    config: SimConfig, out_dir: Path, on_stage: Callable[[str], None] | None = None
) -> SimSummary:
    """Generate the city of `config` and write it as a dataset with labels to `out_dir`."""
    stage = on_stage or (lambda _name: None)
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    world = World.of(config)
    phones, accounts, vocab = world.phones, world.accounts, world.vocab

    stage("residents")
    city = build_city(world)
    stage("daily life")
    social_calls(world, city)
    messages(world, city)
    long_tail = network(world, city)
    payments(world, city)
    disputes = second_hand(world, city)
    outside_accounts(world, city)
    stage("look-alikes")
    alike = look_alikes(world, city)
    stage("fraud rings")
    rings = build_rings(world, config.target_count * 3, city.birth_year)
    engagements = engage(world, city, rings)
    spray(world, city, rings, engagements.person)
    stage("laundering")
    money = launder(world, rings, engagements)

    stage("events")
    events = write_events(root, world)
    rows = events.rows
    ring_numbers = np.unique(rings.numbers.entity)
    keep_phone = ~np.isin(np.arange(len(phones)), np.setdiff1d(ring_numbers, events.seen_numbers))
    mule_pool = np.concatenate([np.concatenate(p) for p in rings.mules.values()])
    used_mules = np.concatenate(list(money.roles.values())) if money.roles else mule_pool[:0]
    keep_account = ~np.isin(np.arange(len(accounts)), np.setdiff1d(mule_pool, used_mules))
    rows |= write_entities(root, world, city, keep_phone=keep_phone, keep_account=keep_account)

    stage("reports and lists")
    innocent_numbers = np.concatenate(
        [city.phone[alike.couriers], alike.telemarketer_numbers, city.phone[alike.agents]]
    )
    innocent_accounts = np.concatenate([alike.shops, city.merchants, city.account[alike.couriers]])
    look = Lookup(
        person_id=city.person_id,
        number=phones.column("number"),
        account_id=accounts.column("account_id"),
        vocab=np.array(vocab.values),
        innocent_numbers=innocent_numbers,
        innocent_accounts=innocent_accounts,
        innocent_sites=long_tail.sites,
        innocent_apps=long_tail.apps,
        used_numbers=events.seen_numbers,
    )
    known = reports_and_lists(world, rings, engagements, money, look, disputes=disputes)
    rows["reports"] = write(root, "reports", known.reports)
    for name in ("numbers", "domains", "apps", "accounts"):
        rows[f"lists/{name}"] = write(root, f"lists/{name}", getattr(known, name))

    stage("labels")
    labels = label_frames(
        engagements,
        money,
        rings,
        events,
        person_id=city.person_id,
        number=phones.column("number"),
        account_id=accounts.column("account_id"),
        vocab=np.array(vocab.values, dtype=str),
    )
    for name, frame in labels.items():
        rows[name] = write(root, name, frame)
    write_meta(root, config, world.window)
    return SimSummary(
        rows=rows,
        targets=int(engagements.person.size),
        victims=int(np.unique(money.paid).size),
        loss_fen=int(money.paid_amount.sum()),
    )

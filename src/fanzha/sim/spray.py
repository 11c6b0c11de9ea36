"""Rings reach far more people than they engage: cold calls, mostly missed or hung up within
seconds, and link SMS. These people are not targets, but they carry the same contacts.
"""

from __future__ import annotations

import numpy as np

from fanzha.sim.city import City
from fanzha.sim.events import NET_VISIT
from fanzha.sim.rings import LINES_PER_RING, Rings
from fanzha.sim.world import World

HOUR = 3600


def spray(world: World, city: City, rings: Rings, targets: np.ndarray) -> None:
    """Cold calls and link SMS to people who never engage; a few call back or open the link."""
    config, window, log = world.config, world.window, world.log
    rng = world.rng("spray")
    taken = np.zeros(city.size, dtype=bool)
    taken[targets] = True
    n = int(config.sprayed_per_target * config.target_count)
    pool = np.flatnonzero(~taken)
    person = pool[rng.integers(0, pool.size, n)]
    ring = rng.integers(0, rings.count, n)
    line = ring * LINES_PER_RING + rng.integers(0, LINES_PER_RING, n)
    ts = window.sample(rng, n, "ring")
    number = city.phone[person]
    by_call = rng.random(n) < 0.65
    answered = rng.random(n) < 0.3
    duration = np.where(answered, rng.integers(3, 50, n), 0)
    log.add(
        "calls",
        ts=ts[by_call],
        caller=rings.numbers.active(line[by_call], ts[by_call]),
        callee=number[by_call],
        duration_s=duration[by_call],
    )
    log.add(
        "sms",
        ts=ts[~by_call],
        sender=rings.numbers.active(line[~by_call], ts[~by_call]),
        receiver=number[~by_call],
        domain=rings.domains.active(ring[~by_call], ts[~by_call]),
    )
    # Some return a missed call from an unknown number; nobody answers, or briefly.
    missed = by_call & (duration == 0) & (rng.random(n) < 0.06)
    log.add(
        "calls",
        ts=ts[missed] + rng.integers(120, 6 * HOUR, int(missed.sum())),
        caller=number[missed],
        callee=rings.numbers.active(line[missed], ts[missed]),
        duration_s=np.where(
            rng.random(int(missed.sum())) < 0.5, 0, rng.integers(5, 40, int(missed.sum()))
        ),
    )
    curious = ~by_call & (rng.random(n) < 0.04)
    when = ts[curious] + rng.integers(20, 2 * HOUR, int(curious.sum()))
    log.add(
        "net",
        ts=when,
        number=number[curious],
        kind=NET_VISIT,
        target=rings.domains.active(ring[curious], ts[curious]),
    )

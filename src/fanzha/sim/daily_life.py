"""What innocent residents do every day: call and message friends, get bank and carrier SMS,
browse, install apps, shop, get paid, send money to family, withdraw cash and buy second-hand;
and what the accounts of their relatives elsewhere do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from fanzha.sim.catalogue import POPULAR_APPS, POPULAR_DOMAINS, SERVICE_NUMBERS
from fanzha.sim.city import City
from fanzha.sim.clock import CST, DAY_S, Window
from fanzha.sim.events import NET_INSTALL, NET_VISIT, EventLog, channel_code
from fanzha.sim.identifiers import app_names, site_names
from fanzha.sim.registry import NONE
from fanzha.sim.world import World


def _per_person(
    rng: np.random.Generator, n: int, rate: float, days: int, shape: float
) -> np.ndarray:
    """Event counts per person: Poisson with a gamma-spread personal rate (some are chatty)."""
    personal = rng.gamma(shape, rate / shape, n)
    return rng.poisson(personal * days)


def _zipf_pick(rng: np.random.Generator, size: int, n: int, a: float = 1.1) -> np.ndarray:
    """Indices 0..size-1, the first ones far more often (popularity)."""
    weight = 1.0 / np.arange(1, size + 1) ** a
    return rng.choice(size, n, p=weight / weight.sum())


def social_calls(world: World, city: City) -> None:
    """Calls within social circles; a share unanswered; lengths spread from seconds to an hour."""
    config, window, log = world.config, world.window, world.log
    rng = world.rng("social_calls")
    counts = _per_person(rng, city.size, config.calls_per_day, window.days, 1.5)
    caller = np.repeat(np.arange(city.size), counts)
    callee = city.contact_of(rng, caller)
    answered = rng.random(caller.size) < 0.86
    duration = np.where(answered, np.clip(rng.lognormal(4.3, 1.1, caller.size), 3, 7200), 0)
    ts = window.sample(rng, caller.size, "social")
    log.add(
        "calls",
        ts=ts,
        caller=city.number_of(rng, caller, ts),
        callee=city.number_of(rng, callee, ts),
        duration_s=duration.astype(np.int64),
    )
    # Calls with friends and family elsewhere in China.
    person = np.flatnonzero(city.outsider != NONE)
    who = np.repeat(person, rng.poisson(0.35 * window.days, person.size))
    inbound = rng.random(who.size) < 0.5
    ts = window.sample(rng, who.size, "social")
    local = city.number_of(rng, who, ts)
    far = city.outsider[who]
    log.add(
        "calls",
        ts=ts,
        caller=np.where(inbound, far, local),
        callee=np.where(inbound, local, far),
        duration_s=(rng.random(who.size) < 0.85)
        * rng.lognormal(5.0, 1.0, who.size).astype(np.int64),
    )
    # Calls to and from relatives abroad, long and in the evening.
    abroad = city.relatives_abroad
    has = rng.random(city.size) < abroad.size / city.size
    person = np.flatnonzero(has)
    per = rng.poisson(0.4 * window.days, person.size)
    who = np.repeat(person, per)
    far = abroad[rng.integers(0, abroad.size, who.size)]
    inbound = rng.random(who.size) < 0.5
    ts = window.sample(rng, who.size, "leisure")
    local = city.number_of(rng, who, ts)
    log.add(
        "calls",
        ts=ts,
        caller=np.where(inbound, far, local),
        callee=np.where(inbound, local, far),
        duration_s=(rng.random(who.size) < 0.8)
        * rng.lognormal(6.5, 0.8, who.size).astype(np.int64),
    )


def messages(world: World, city: City) -> None:
    """Person-to-person SMS (a few with shared links) and service SMS, many with links."""
    config, window, phones, vocab, log = (
        world.config,
        world.window,
        world.phones,
        world.vocab,
        world.log,
    )
    rng = world.rng("messages")
    counts = _per_person(rng, city.size, config.sms_per_day, window.days, 1.0)
    sender = np.repeat(np.arange(city.size), counts)
    shared = vocab.ids(("mp.weixin.qq.com", "v.douyin.com", "m.tb.cn", "t.cn", "xhslink.com"))
    link = np.where(
        rng.random(sender.size) < 0.08, shared[rng.integers(0, shared.size, sender.size)], NONE
    )
    ts = window.sample(rng, sender.size, "social")
    log.add(
        "sms",
        ts=ts,
        sender=city.number_of(rng, sender, ts),
        receiver=city.number_of(rng, city.contact_of(rng, sender), ts),
        domain=link,
    )
    service = phones.add(
        np.array([s[0] for s in SERVICE_NUMBERS]),
        np.full(len(SERVICE_NUMBERS), NONE),
        "service",
        np.full(len(SERVICE_NUMBERS), NONE),
    )
    service_domain = vocab.ids([s[1] for s in SERVICE_NUMBERS])
    counts = _per_person(rng, city.size, config.service_sms_per_day, window.days, 2.0)
    receiver = np.repeat(np.arange(city.size), counts)
    which = _zipf_pick(rng, service.size, receiver.size, 0.8)
    with_link = rng.random(receiver.size) < 0.45
    ts = window.sample(rng, receiver.size, "work")
    log.add(
        "sms",
        ts=ts,
        sender=service[which],
        receiver=city.number_of(rng, receiver, ts),
        domain=np.where(with_link, service_domain[which], NONE),
    )


@dataclass(frozen=True)
class LongTail:
    """Vocabulary ids of small legitimate sites and apps: look like ring assets by name."""

    sites: np.ndarray
    apps: np.ndarray


def network(world: World, city: City) -> LongTail:
    """URL visits (popular sites and a long tail of small ones) and app installs."""
    config, ids, vocab = world.config, world.ids, world.vocab
    rng = world.rng("network")
    tail_sites = site_names(rng, ids, max(200, city.size // 20))
    sites = vocab.ids((*POPULAR_DOMAINS, *tail_sites.tolist()))
    _net_events(
        rng,
        world,
        city,
        kind=NET_VISIT,
        targets=sites,
        per_day=config.visits_per_day,
        popularity=1.05,
    )
    tail_apps = app_names(rng, ids, max(100, city.size // 40))
    apps = vocab.ids((*POPULAR_APPS, *tail_apps.tolist()))
    _net_events(
        rng,
        world,
        city,
        kind=NET_INSTALL,
        targets=apps,
        per_day=config.installs_per_day,
        popularity=0.9,
    )
    return LongTail(sites[len(POPULAR_DOMAINS) :], apps[len(POPULAR_APPS) :])


def _net_events(
    rng: np.random.Generator,
    world: World,
    city: City,
    *,
    kind: int,
    targets: np.ndarray,
    per_day: float,
    popularity: float,
) -> None:
    """Everyone's visits (or installs) in leisure hours, the first `targets` far more often."""
    counts = _per_person(rng, city.size, per_day, world.window.days, 1.0)
    who = np.repeat(np.arange(city.size), counts)
    ts = world.window.sample(rng, who.size, "leisure")
    world.log.add(
        "net",
        ts=ts,
        number=city.number_of(rng, who, ts),
        kind=kind,
        target=targets[_zipf_pick(rng, targets.size, who.size, popularity)],
    )


def payments(world: World, city: City) -> None:
    """Shopping, salaries, family transfers, cash withdrawals and deposits."""
    config, window, log = world.config, world.window, world.log
    rng = world.rng("payments")
    counts = _per_person(rng, city.size, config.purchases_per_day, window.days, 1.5)
    buyer = np.repeat(np.arange(city.size), counts)
    amount = np.clip(rng.lognormal(3.9, 1.1, buyer.size) * 100, 100, 2_000_000).astype(np.int64)
    log.add(
        "transfers",
        ts=window.sample(rng, buyer.size, "leisure"),
        from_account=city.any_account(rng, buyer),
        to_account=city.merchants[_zipf_pick(rng, city.merchants.size, buyer.size, 0.7)],
        amount=amount,
        channel=np.where(
            rng.random(buyer.size) < 0.7, channel_code("third_party"), channel_code("mobile")
        ),
        loss=False,
    )
    _salaries(rng, window, city, log)
    counts = _per_person(rng, city.size, config.family_transfers_per_day, window.days, 1.0)
    sender = np.repeat(np.arange(city.size), counts)
    to_far = rng.random(sender.size) < 0.35
    kin = city.contact_of(rng, sender)
    to_account = np.where(
        to_far,
        city.relatives_far[rng.integers(0, city.relatives_far.size, sender.size)],
        city.account[kin],
    )
    round_sum = np.array([200, 500, 1000, 1000, 2000, 3000, 5000]) * 100
    amount = np.where(
        rng.random(sender.size) < 0.55,
        round_sum[rng.integers(0, round_sum.size, sender.size)],
        (rng.lognormal(6.5, 1.0, sender.size) * 100).astype(np.int64),
    )
    log.add(
        "transfers",
        ts=window.sample(rng, sender.size, "social"),
        from_account=city.any_account(rng, sender),
        to_account=to_account,
        amount=np.maximum(amount, 100),
        channel=np.where(
            rng.random(sender.size) < 0.85, channel_code("mobile"), channel_code("online")
        ),
        loss=False,
    )
    counts = _per_person(rng, city.size, config.withdrawals_per_day, window.days, 1.0)
    who = np.repeat(np.arange(city.size), counts)
    at_counter = rng.random(who.size) < 0.15
    cash = np.where(
        at_counter,
        rng.integers(50, 500, who.size) * 10_000,
        # ATMs pay whole hundreds, at most 20,000 a withdrawal.
        np.clip(np.round(rng.lognormal(np.log(1_000), 1.0, who.size) / 100), 1, 200) * 10_000,
    ).astype(np.int64)
    log.add(
        "transfers",
        ts=window.sample(rng, who.size, "work"),
        from_account=city.any_account(rng, who),
        to_account=NONE,
        amount=cash,
        channel=np.where(at_counter, channel_code("counter"), channel_code("atm")),
        loss=False,
    )
    # Cash deposits, and money arriving from banks outside the records.
    n = rng.poisson(0.4 * config.withdrawals_per_day * city.size * window.days)
    who = rng.integers(0, city.size, n)
    log.add(
        "transfers",
        ts=window.sample(rng, n, "work"),
        from_account=NONE,
        to_account=city.any_account(rng, who),
        amount=(np.round(rng.lognormal(np.log(2_000), 1.0, n) / 100) * 10_000).astype(np.int64)
        + 10_000,
        channel=np.array([channel_code("counter"), channel_code("atm"), channel_code("online")])[
            rng.integers(0, 3, n)
        ],
        loss=False,
    )


def _salaries(rng: np.random.Generator, window: Window, city: City, log: EventLog) -> None:
    """Salary from the employer's corporate account on payday, if payday falls in the window."""
    day_index = np.arange(window.days)
    month_day = np.array(
        [datetime.fromtimestamp(window.start + int(d) * DAY_S, CST).day for d in day_index]
    )
    employed = np.flatnonzero(city.employer != NONE)
    paid_on = np.full(employed.size, -1)
    for d, md in zip(day_index, month_day, strict=True):
        paid_on[city.payday[employed] == md] = d
    paid = employed[paid_on >= 0]
    day = paid_on[paid_on >= 0]
    amount = (np.clip(rng.lognormal(8.7, 0.45, paid.size), 1800, 80_000) * 100).astype(np.int64)
    ts = window.start + day * DAY_S + 9 * 3600 + rng.integers(0, 8 * 3600, paid.size)
    log.add(
        "transfers",
        ts=ts,
        from_account=city.employer[paid],
        to_account=city.account[paid],
        amount=amount,
        channel=channel_code("online"),
        loss=False,
    )
    # Many move most of the salary on to another own card within the hour (money in, money out).
    cards = np.diff(city.account_offsets)[paid]
    moves = (cards > 1) & (rng.random(paid.size) < 0.45)
    other = city.accounts_flat[city.account_offsets[paid[moves]] + 1]
    log.add(
        "transfers",
        ts=ts[moves] + rng.integers(120, 3 * 3600, int(moves.sum())),
        from_account=city.account[paid[moves]],
        to_account=other,
        amount=(amount[moves] * rng.uniform(0.3, 0.95, int(moves.sum()))).astype(np.int64)
        // 100
        * 100,
        channel=channel_code("mobile"),
        loss=False,
    )


@dataclass(frozen=True)
class Disputes:
    """Second-hand purchases whose goods never came: the buyer may report the innocent seller."""

    person: np.ndarray
    account: np.ndarray
    ts: np.ndarray
    amount: np.ndarray


def second_hand(world: World, city: City) -> Disputes:
    """Buying second-hand goods: payments to strangers' personal accounts elsewhere in China."""
    window, log = world.window, world.log
    rng = world.rng("second_hand")
    n = rng.poisson(0.012 * city.size * window.days)
    buyer = rng.integers(0, city.size, n)
    yuan = np.clip(rng.lognormal(np.log(350), 1.0, n), 5, 60_000)
    cents = np.where(rng.random(n) < 0.5, np.round(yuan), np.round(yuan, 2)) * 100
    amount = np.maximum(np.round(cents).astype(np.int64), 100)
    ts = window.sample(rng, n, "leisure")
    far = city.relatives_far
    seller = _zipf_pick(rng, far.size, n, 0.8)  # a few busy sellers, many occasional ones
    to_account = far[seller]
    log.add(
        "transfers",
        ts=ts,
        from_account=city.any_account(rng, buyer),
        to_account=to_account,
        amount=amount,
        channel=np.where(rng.random(n) < 0.6, channel_code("third_party"), channel_code("mobile")),
        loss=False,
    )
    # Some sellers pass every payment straight on to a supplier or their other card.
    passes_on = (rng.random(far.size) < 0.3)[seller]
    m = int(passes_on.sum())
    onward = (amount[passes_on] * rng.uniform(0.9, 1.0, m)).astype(np.int64) // 100 * 100
    log.add(
        "transfers",
        ts=ts[passes_on] + rng.integers(300, 2 * 3600, m),
        from_account=to_account[passes_on],
        to_account=far[rng.integers(0, far.size, m)],
        amount=np.maximum(onward, 100),
        channel=channel_code("mobile"),
        loss=False,
    )
    disputed = rng.random(n) < 0.003
    return Disputes(buyer[disputed], to_account[disputed], ts[disputed], amount[disputed])


def outside_accounts(world: World, city: City) -> None:
    """Accounts of people outside the city live too: they send family money in, shop and take
    cash, so an account with no local holder that pays out is nothing unusual by itself."""
    window, log = world.window, world.log
    rng = world.rng("outside_accounts")
    far = city.relatives_far
    n = rng.poisson(0.02 * city.size * window.days)
    kin = rng.integers(0, city.size, n)
    round_sum = np.array([500, 1000, 2000, 3000, 5000, 10000]) * 100
    log.add(
        "transfers",
        ts=window.sample(rng, n, "social"),
        from_account=far[rng.integers(0, far.size, n)],
        to_account=city.account[kin],
        amount=round_sum[rng.integers(0, round_sum.size, n)],
        channel=np.where(rng.random(n) < 0.8, channel_code("mobile"), channel_code("online")),
        loss=False,
    )
    n = rng.poisson(0.4 * far.size * window.days)
    log.add(
        "transfers",
        ts=window.sample(rng, n, "leisure"),
        from_account=far[rng.integers(0, far.size, n)],
        to_account=city.merchants[rng.integers(0, city.merchants.size, n)],
        amount=np.clip(rng.lognormal(3.9, 1.1, n) * 100, 100, 2_000_000).astype(np.int64),
        channel=channel_code("third_party"),
        loss=False,
    )
    n = rng.poisson(0.03 * far.size * window.days)
    log.add(
        "transfers",
        ts=window.sample(rng, n, "work"),
        from_account=far[rng.integers(0, far.size, n)],
        to_account=NONE,
        amount=(
            np.clip(np.round(rng.lognormal(np.log(1_000), 1.0, n) / 100), 1, 200) * 10_000
        ).astype(np.int64),
        channel=channel_code("atm"),
        loss=False,
    )

"""Innocents who look like fraud, because precision is the product.

Couriers call hundreds of strangers briefly, often through platform privacy numbers;
telemarketers call and text strangers from new and virtual numbers, sometimes at length;
estate and insurance agents and loan brokers cold-call from the phones they have had for years;
shops take money from strangers and sweep it out the same day, and some text promotions with
links; a few open a sales or shop link and install the loan app or small app it offers within
the hour, as a fake loan app's victim does;
people buy cars, pay house deposits and top up brokerage accounts to new payees, often from a
dormant card; meeting, loan and brokerage apps are installed for work, credit and savings;
group-buy organisers collect from neighbours and pay the supplier within hours; a few trade
crypto with OTC dealers; wholesalers take tens of thousands a day in goods payments on a
personal card from retailers they have never dealt with, and pay it on to suppliers and to
each other the same day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fanzha.sim.catalogue import BROKERAGE_APPS, LOAN_APPS, MEETING_APPS
from fanzha.sim.city import BANK_NAMES, City, outside_accounts
from fanzha.sim.clock import DAY_S
from fanzha.sim.events import NET_INSTALL, NET_VISIT, channel_code
from fanzha.sim.identifiers import (
    app_names,
    bank_choice,
    card_numbers,
    corporate_accounts,
    landline_numbers,
    mobile_numbers,
    site_names,
    voip_numbers,
)
from fanzha.sim.registry import NONE
from fanzha.sim.world import World

HOUR = 3600


@dataclass
class LookAlikes:
    """Who the look-alikes are: over-eager lists catch some of them."""

    couriers: np.ndarray  # person indices
    telemarketer_numbers: np.ndarray  # phone indices
    agents: np.ndarray  # person indices
    shops: np.ndarray  # merchant account indices held by residents


def look_alikes(world: World, city: City) -> LookAlikes:
    """Every kind of innocent look-alike, written to the log; each draws from its own stream."""
    couriers = _couriers(world.rng("couriers"), world, city)
    telemarketers, sales_texts = _telemarketers(world.rng("telemarketers"), world, city)
    agents = _agents(world.rng("agents"), world, city)
    shops, owners = _shops(world.rng("shops"), world, city)
    shop_texts = _sms_marketing(world.rng("sms_marketing"), world, city, owners)
    _large_payments(world.rng("large_payments"), world, city)
    _work_apps(world.rng("work_apps"), world, city)
    _crypto_traders(world.rng("crypto_traders"), world, city)
    _group_buying(world.rng("group_buying"), world, city)
    _wholesale_trade(world.rng("wholesale_trade"), world, city)
    _offers_opened(world.rng("offers_opened"), world, city, (sales_texts, shop_texts))
    return LookAlikes(couriers, telemarketers, agents, shops)


def _couriers(rng: np.random.Generator, world: World, city: City) -> np.ndarray:
    """Riders call dozens to hundreds of distinct strangers a day, briefly, in working hours;
    most calls go through the delivery platform's privacy numbers (隐私号): virtual numbers with
    no holder, each reaching many strangers."""
    config, window, log = world.config, world.window, world.log
    age = world.window.year - city.birth_year
    pool = np.flatnonzero((age >= 19) & (age <= 52))
    couriers = rng.choice(pool, max(2, int(city.size * config.courier_share)), replace=False)
    per_day = rng.integers(30, 160, (couriers.size, window.days))
    per_day[:, window.weekday(np.arange(window.days)) == 6] //= 3
    counts = per_day.sum(axis=1)
    courier = np.repeat(couriers, counts)
    day = np.concatenate([np.repeat(np.arange(window.days), row) for row in per_day])
    answered = rng.random(courier.size) < 0.78
    ts = window.sample(rng, courier.size, "work", day=day)
    customer = city.number_of(rng, rng.integers(0, city.size, courier.size), ts)
    pool_n = max(10, couriers.size // 2)
    privacy = world.phones.add(
        voip_numbers(rng, world.ids, pool_n),
        np.full(pool_n, NONE),
        "voip",
        window.days_before(rng, 30, 1500, pool_n),
    )
    via_platform = rng.random(courier.size) < 0.6
    line = np.where(
        via_platform, privacy[rng.integers(0, pool_n, courier.size)], city.phone[courier]
    )
    log.add(
        "calls",
        ts=ts,
        caller=line,
        callee=customer,
        duration_s=np.where(answered, rng.integers(8, 75, courier.size), 0),
    )
    # Missed customers call back.
    back = ~answered & (rng.random(courier.size) < 0.3)
    log.add(
        "calls",
        ts=ts[back] + rng.integers(60, 2 * HOUR, int(back.sum())),
        caller=customer[back],
        callee=line[back],
        duration_s=rng.integers(10, 90, int(back.sum())),
    )
    return couriers


@dataclass(frozen=True)
class _LinkTexts:
    """Offers texted with a link: to whom (person index), when, the link, and the sender (an
    index among this batch's senders)."""

    person: np.ndarray
    ts: np.ndarray
    domain: np.ndarray
    sender: np.ndarray


def _telemarketers(
    rng: np.random.Generator, world: World, city: City
) -> tuple[np.ndarray, _LinkTexts]:
    """Sales lines: new virtual numbers and landlines calling strangers; a few long pitches."""
    config, window, ids, phones, log = (
        world.config,
        world.window,
        world.ids,
        world.phones,
        world.log,
    )
    n = max(3, int(city.size * config.telemarketer_share))
    activated = window.start + rng.integers(-40 * DAY_S, window.days * DAY_S // 2, n)
    # Virtual numbers, local landlines, and mobiles of call centres elsewhere in China.
    kinds = rng.choice(3, n, p=[0.4, 0.3, 0.3])
    numbers = np.empty(n, dtype=np.int64)
    for k, (kind, draw) in enumerate(
        (("voip", voip_numbers), ("landline", landline_numbers), ("mobile", mobile_numbers))
    ):
        mask = kinds == k
        m = int(mask.sum())
        known = activated[mask] if kind != "mobile" else np.full(m, NONE)
        numbers[mask] = phones.add(draw(rng, ids, m), np.full(m, NONE), kind, known)
    counts = rng.integers(60, 300, n) * window.days
    caller = np.repeat(numbers, counts)
    ts = window.sample(rng, caller.size, "work")
    ts = np.maximum(ts, activated[np.repeat(np.arange(n), counts)] + 60)
    answered = rng.random(caller.size) < 0.35
    long_pitch = rng.random(caller.size) < 0.05
    duration = np.where(
        long_pitch,
        rng.lognormal(np.log(600), 0.6, caller.size),
        rng.lognormal(np.log(35), 0.7, caller.size),
    )
    keep = ts < window.end
    log.add(
        "calls",
        ts=ts[keep],
        caller=caller[keep],
        callee=city.phone[rng.integers(0, city.size, caller.size)][keep],
        duration_s=np.where(answered, np.clip(duration, 2, 3600), 0).astype(np.int64)[keep],
    )
    # Mobile and virtual sales lines also text offers with a link.
    texting = numbers[kinds != 1]
    sites = world.vocab.ids(site_names(rng, ids, texting.size).tolist())
    count = rng.poisson(rng.gamma(1.0, 15.0, texting.size) * window.days)
    who = np.repeat(np.arange(texting.size), count)
    ts = np.maximum(window.sample(rng, who.size, "work"), activated[kinds != 1][who] + 60)
    keep = ts < window.end
    receiver = rng.integers(0, city.size, who.size)[keep]
    texts = _LinkTexts(receiver, ts[keep], sites[who][keep], who[keep])
    log.add(
        "sms",
        ts=texts.ts,
        sender=texting[texts.sender],
        receiver=city.phone[texts.person],
        domain=texts.domain,
    )
    return numbers, texts


def _agents(rng: np.random.Generator, world: World, city: City) -> np.ndarray:
    """Estate and insurance agents and loan brokers work bought client lists from their own
    long-held phones: dozens of strangers a day, most hang up, some listen to a pitch of
    several minutes, and a few interested ones call back over the following days."""
    window, log = world.window, world.log
    age = window.year - city.birth_year
    pool = np.flatnonzero((age >= 22) & (age <= 55))
    n = int(city.size * world.config.agent_share)
    agents = rng.choice(pool, min(n, pool.size), replace=False)
    counts = rng.integers(15, 80, agents.size) * window.days
    agent = np.repeat(agents, counts)
    ts = window.sample(rng, agent.size, "work")
    client = city.phone[rng.integers(0, city.size, agent.size)]
    answered = rng.random(agent.size) < 0.4
    pitch = answered & (rng.random(agent.size) < 0.12)
    duration = np.where(
        pitch,
        rng.lognormal(np.log(420), 0.6, agent.size),
        rng.lognormal(np.log(25), 0.7, agent.size),
    )
    log.add(
        "calls",
        ts=ts,
        caller=city.phone[agent],
        callee=client,
        duration_s=np.where(answered, np.clip(duration, 2, 3600), 0).astype(np.int64),
    )
    back = pitch & (rng.random(agent.size) < 0.25)
    log.add(
        "calls",
        ts=ts[back] + rng.integers(HOUR, 3 * DAY_S, int(back.sum())),
        caller=client[back],
        callee=city.phone[agent[back]],
        duration_s=rng.integers(60, 900, int(back.sum())),
    )
    return agents


def _shops(rng: np.random.Generator, world: World, city: City) -> tuple[np.ndarray, np.ndarray]:
    """Small shops take many payments from strangers and sweep the day's takings out at night."""
    config, window, ids, accounts, log = (
        world.config,
        world.window,
        world.ids,
        world.accounts,
        world.log,
    )
    owners = rng.choice(city.size, max(3, int(city.size * config.shop_share)), replace=False)
    bank = bank_choice(rng, owners.size)
    opened = window.days_before(rng, 5, 3000, owners.size)
    shops = accounts.add(card_numbers(rng, ids, bank), owners, BANK_NAMES[bank], "merchant", opened)
    per_day = rng.poisson(rng.gamma(1.5, 14, owners.size)[:, None] * np.ones(window.days))
    shop = np.repeat(np.arange(owners.size), per_day.sum(axis=1))
    day = np.concatenate([np.repeat(np.arange(window.days), row) for row in per_day])
    amount = np.clip(rng.lognormal(np.log(3200), 0.9, shop.size), 100, 5_000_000).astype(np.int64)
    log.add(
        "transfers",
        ts=window.sample(rng, shop.size, "leisure", day=day),
        from_account=city.any_account(rng, rng.integers(0, city.size, shop.size)),
        to_account=shops[shop],
        amount=amount,
        channel=np.where(
            rng.random(shop.size) < 0.8, channel_code("third_party"), channel_code("mobile")
        ),
        loss=False,
    )
    takings = np.zeros((owners.size, window.days), dtype=np.int64)
    np.add.at(takings, (shop, day), amount)
    s, d = np.nonzero(takings > 0)
    sweep = rng.random(s.size) < 0.6
    s, d = s[sweep], d[sweep]
    log.add(
        "transfers",
        ts=window.start + d * DAY_S + 21 * HOUR + rng.integers(0, 3 * HOUR, s.size),
        from_account=shops[s],
        to_account=city.account[owners[s]],
        amount=np.maximum(takings[s, d] // 10_000 * 10_000, 100),
        channel=channel_code("mobile"),
        loss=False,
    )
    return shops, owners


def _sms_marketing(
    rng: np.random.Generator, world: World, city: City, shop_owners: np.ndarray
) -> _LinkTexts:
    """Some shop owners text promotions with a link to their own small site to many people."""
    window, log = world.window, world.log
    senders = shop_owners[rng.random(shop_owners.size) < 0.25]
    sites = world.vocab.ids(site_names(rng, world.ids, senders.size).tolist())
    per_day = rng.gamma(1.0, 12.0, senders.size)
    count = rng.poisson(per_day * window.days)
    who = np.repeat(np.arange(senders.size), count)
    ts = window.sample(rng, who.size, "work")
    texts = _LinkTexts(rng.integers(0, city.size, who.size), ts, sites[who], who)
    log.add(
        "sms",
        ts=texts.ts,
        sender=city.phone[senders[texts.sender]],
        receiver=city.phone[texts.person],
        domain=texts.domain,
    )
    return texts


def _offers_opened(
    rng: np.random.Generator, world: World, city: City, batches: tuple[_LinkTexts, ...]
) -> None:
    """A few open the link of a sales or shop text, and some of those install the app it
    offers from its page within the hour: a lender's app, or the sender's own small one.
    A fake loan or investment app's victims do the same."""
    config, window, log = world.config, world.window, world.log
    if config.offer_open_share <= 0:
        return
    loan = world.vocab.ids(LOAN_APPS)
    for texts in batches:
        senders = int(texts.sender.max()) + 1 if texts.sender.size else 0
        own = world.vocab.ids(app_names(rng, world.ids, senders).tolist())
        offered = np.where(
            rng.random(senders) < 0.4, loan[rng.integers(0, loan.size, senders)], own
        )
        opened = np.flatnonzero(rng.random(texts.ts.size) < config.offer_open_share)
        lag = np.clip(rng.lognormal(np.log(20 * 60), 1.0, opened.size), 30, 6 * HOUR)
        seen = texts.ts[opened] + lag.astype(np.int64)
        number = city.phone[texts.person[opened]]
        keep = seen < window.end
        log.add(
            "net",
            ts=seen[keep],
            number=number[keep],
            kind=NET_VISIT,
            target=texts.domain[opened][keep],
        )
        installs = keep & (rng.random(opened.size) < config.offer_install_share)
        at = seen[installs] + rng.integers(2 * 60, 40 * 60, int(installs.sum()))
        done = at < window.end
        log.add(
            "net",
            ts=at[done],
            number=number[installs][done],
            kind=NET_INSTALL,
            target=offered[texts.sender[opened][installs]][done],
        )


def _large_payments(rng: np.random.Generator, world: World, city: City) -> None:
    """First payments to a new payee: car dealers, developers, brokers; often from a quiet card."""
    config, window, log = world.config, world.window, world.log
    payees_n = max(6, city.size // 2000)
    payees = outside_accounts(world, rng, payees_n, "corporate", (100, 5000))
    n = rng.poisson(config.large_payments_per_day * city.size * window.days)
    payer = rng.integers(0, city.size, n)
    # Prefer the person's last card, usually the least used one (a dormant account waking up).
    last = city.accounts_flat[city.account_offsets[payer + 1] - 1]
    from_account = np.where(rng.random(n) < 0.5, last, city.account[payer])
    yuan = rng.lognormal(np.log(60_000), 0.9, n)
    unit = np.where(yuan > 20_000, 1_000, 100)
    amount = (np.maximum(np.round(yuan / unit), 1) * unit * 100).astype(np.int64)
    channel = np.array([channel_code("online"), channel_code("counter"), channel_code("mobile")])
    ts = window.sample(rng, n, "work")
    payee = payees[rng.integers(0, payees_n, n)]
    log.add(
        "transfers",
        ts=ts,
        from_account=from_account,
        to_account=payee,
        amount=amount,
        channel=channel[rng.choice(3, n, p=[0.5, 0.3, 0.2])],
        loss=False,
    )
    # Careful payers send a cent or a yuan first to check the account number.
    test = rng.random(n) < 0.15
    log.add(
        "transfers",
        ts=ts[test] - rng.integers(60, 900, int(test.sum())),
        from_account=from_account[test],
        to_account=payee[test],
        amount=rng.integers(1, 1_000, int(test.sum())),
        channel=channel_code("mobile"),
        loss=False,
    )


def _work_apps(rng: np.random.Generator, world: World, city: City) -> None:
    """Meeting apps for work and school, loan apps for credit, brokerage apps for savings:
    a new investor tops up the brokerage account within days, as an investment victim pays."""
    window, vocab, log = world.window, world.vocab, world.log
    apps = vocab.ids((*MEETING_APPS, *BROKERAGE_APPS, *LOAN_APPS))
    weight = np.array(
        [4.0] * len(MEETING_APPS) + [1.5] * len(BROKERAGE_APPS) + [1.0] * len(LOAN_APPS)
    )
    n = rng.poisson(0.006 * city.size * window.days)
    who = rng.integers(0, city.size, n)
    ts = window.sample(rng, n, "work")
    app = rng.choice(apps.size, n, p=weight / weight.sum())
    log.add("net", ts=ts, number=city.number_of(rng, who, ts), kind=NET_INSTALL, target=apps[app])
    brokers_n = len(BROKERAGE_APPS)
    brokers = world.accounts.add(
        corporate_accounts(rng, world.ids, brokers_n),
        np.full(brokers_n, NONE),
        BANK_NAMES[bank_choice(rng, brokers_n)],
        "corporate",
        window.days_before(rng, 1000, 6000, brokers_n),
    )
    broker = app - len(MEETING_APPS)
    investor = (broker >= 0) & (broker < brokers_n) & (rng.random(n) < 0.4)
    m = int(investor.sum())
    yuan = rng.lognormal(np.log(20_000), 1.0, m)
    log.add(
        "transfers",
        ts=window.awake(rng, ts[investor] + rng.integers(600, 3 * DAY_S, m), 1.0),
        from_account=city.any_account(rng, who[investor]),
        to_account=brokers[broker[investor]],
        amount=(np.maximum(np.round(yuan / 1_000), 1) * 100_000).astype(np.int64),
        channel=np.where(rng.random(m) < 0.6, channel_code("online"), channel_code("mobile")),
        loss=False,
    )


def _crypto_traders(rng: np.random.Generator, world: World, city: City) -> None:
    """A few residents trade crypto with OTC dealers: money out and in on the crypto channel."""
    window, log = world.window, world.log
    traders = rng.choice(city.size, max(2, city.size // 1000), replace=False)
    n = rng.poisson(0.3 * traders.size * window.days)
    who = traders[rng.integers(0, traders.size, n)]
    selling = rng.random(n) < 0.4
    account = city.any_account(rng, who)
    amount = (np.round(rng.lognormal(np.log(8_000), 1.0, n) / 100) * 10_000).astype(np.int64)
    log.add(
        "transfers",
        ts=window.sample(rng, n, "leisure"),
        from_account=np.where(selling, NONE, account),
        to_account=np.where(selling, account, NONE),
        amount=np.maximum(amount, 10_000),
        channel=channel_code("crypto_otc"),
        loss=False,
    )


def _group_buying(rng: np.random.Generator, world: World, city: City) -> None:
    """Group-buy organisers (团长) collect small sums from many neighbours and pay the supplier
    the total within hours: many senders, money straight out, on an ordinary personal card."""
    window, log = world.window, world.log
    organisers = rng.choice(city.size, max(2, city.size // 300), replace=False)
    card = city.account[organisers]
    rounds = rng.random((organisers.size, window.days)) < 0.5
    org, day = np.nonzero(rounds)
    size = rng.integers(5, 31, org.size)
    buyer_round = np.repeat(np.arange(org.size), size)
    opens = window.start + day * DAY_S + rng.integers(8 * 3600, 20 * 3600, org.size)
    ts = opens[buyer_round] + rng.integers(0, 3 * 3600, buyer_round.size)
    amount = (np.round(rng.lognormal(np.log(60), 0.7, buyer_round.size), 1) * 100).astype(np.int64)
    amount = np.maximum(amount, 100)
    log.add(
        "transfers",
        ts=ts,
        from_account=city.any_account(rng, rng.integers(0, city.size, buyer_round.size)),
        to_account=card[org[buyer_round]],
        amount=amount,
        channel=np.where(
            rng.random(buyer_round.size) < 0.7, channel_code("third_party"), channel_code("mobile")
        ),
        loss=False,
    )
    total = np.bincount(buyer_round, weights=amount, minlength=org.size).astype(np.int64)
    last = np.zeros(org.size, dtype=np.int64)
    np.maximum.at(last, buyer_round, ts)
    log.add(
        "transfers",
        ts=last + rng.integers(600, 3 * 3600, org.size),
        from_account=card[org],
        to_account=city.merchants[rng.integers(0, city.merchants.size, org.size)],
        amount=np.maximum(total, 100),
        channel=channel_code("mobile"),
        loss=False,
    )


def _wholesale_trade(rng: np.random.Generator, world: World, city: City) -> None:
    """Wholesale-market traders (批发商) take goods payments (货款) on a personal business card
    opened years ago: a few regular retailers, many walk-in buyers from the city and from other
    towns, tens of thousands of yuan a day. The same day they pay most of it to the suppliers
    they share with other traders, buy stock from each other (调货), draw cash, and now and
    then get a supplier's rebate: busy, old accounts full of new senders, paid by accounts that
    look just as busy."""
    n = int(city.size * world.config.wholesaler_share)
    if n == 0:
        return
    traders = rng.choice(city.size, n, replace=False)
    bank = bank_choice(rng, n)
    card = world.accounts.add(
        card_numbers(rng, world.ids, bank),
        traders,
        BANK_NAMES[bank],
        "personal",
        world.window.days_before(rng, 200, 4000, n),
    )
    supplier = outside_accounts(world, rng, max(2, n // 3), "corporate", (300, 5000))
    outside_buyer = outside_accounts(world, rng, max(10, n * 15), "personal", (30, 4000))
    sales = _goods_payments(rng, world, city, card, outside_buyer)
    _paying_on(rng, world, card, supplier, sales)


@dataclass
class _Sales:
    """Each goods payment: which trader (index into the cards), on which day, how much, when."""

    seller: np.ndarray
    day: np.ndarray
    amount: np.ndarray
    ts: np.ndarray


def _goods_payments(
    rng: np.random.Generator,
    world: World,
    city: City,
    card: np.ndarray,
    outside_buyer: np.ndarray,
) -> _Sales:
    """Each trader's pace, and how much of it comes from regulars; the rest from walk-in
    buyers of the city and of other towns."""
    window, n = world.window, card.size
    pace = rng.gamma(2.0, 2.5, n)
    regular_share = rng.uniform(0.1, 0.7, n)
    regulars = rng.integers(0, city.size, (n, 12))
    per_day = rng.poisson(pace[:, None] * np.ones(window.days))
    seller = np.repeat(np.arange(n), per_day.sum(axis=1))
    day = np.concatenate([np.repeat(np.arange(window.days), row) for row in per_day])
    regular = rng.random(seller.size) < regular_share[seller]
    from_city = rng.random(seller.size) < 0.5
    buyer = np.where(
        regular,
        city.any_account(rng, regulars[seller, rng.integers(0, 12, seller.size)]),
        np.where(
            from_city,
            city.any_account(rng, rng.integers(0, city.size, seller.size)),
            outside_buyer[rng.integers(0, outside_buyer.size, seller.size)],
        ),
    )
    yuan = rng.lognormal(np.log(6_000), 1.0, seller.size)
    amount = (np.clip(np.round(yuan), 200, 500_000) * 100).astype(np.int64)
    ts = window.sample(rng, seller.size, "work", day=day)
    world.log.add(
        "transfers",
        ts=ts,
        from_account=buyer,
        to_account=card[seller],
        amount=amount,
        channel=np.where(
            rng.random(seller.size) < 0.7, channel_code("online"), channel_code("mobile")
        ),
        loss=False,
    )
    return _Sales(seller, day, amount, ts)


def _paying_on(
    rng: np.random.Generator,
    world: World,
    card: np.ndarray,
    supplier: np.ndarray,
    sales: _Sales,
) -> None:
    """The day's takings, mostly, in one to three payments after the day's sales start, to one
    of the trader's few suppliers or, now and then, to another trader; cash for the stall's
    float and the porters; suppliers' rebates."""
    window, log, n = world.window, world.log, card.size
    takings = np.zeros((n, window.days), dtype=np.int64)
    np.add.at(takings, (sales.seller, sales.day), sales.amount)
    first = np.full((n, window.days), np.iinfo(np.int64).max)
    np.minimum.at(first, (sales.seller, sales.day), sales.ts)
    t, d = np.nonzero(takings > 0)
    parts = rng.integers(1, 4, t.size)
    pay = np.repeat(np.arange(t.size), parts)
    share = rng.uniform(0.5, 0.95, t.size)[pay] / parts[pay]
    own_suppliers = rng.integers(0, supplier.size, (n, 4))
    to_trader = (rng.random(pay.size) < 0.15) & (n > 1)
    other = (t[pay] + rng.integers(1, max(n, 2), pay.size)) % n
    log.add(
        "transfers",
        ts=first[t, d][pay] + rng.integers(600, 8 * HOUR, pay.size),
        from_account=card[t[pay]],
        to_account=np.where(
            to_trader, card[other], supplier[own_suppliers[t[pay], rng.integers(0, 4, pay.size)]]
        ),
        amount=np.maximum((takings[t, d][pay] * share).astype(np.int64) // 100 * 100, 100),
        channel=channel_code("online"),
        loss=False,
    )
    cash = rng.random(t.size) < 0.2
    log.add(
        "transfers",
        ts=first[t, d][cash] + rng.integers(HOUR, 6 * HOUR, int(cash.sum())),
        from_account=card[t[cash]],
        to_account=NONE,
        amount=(rng.integers(20, 201, int(cash.sum())) * 10_000).astype(np.int64),
        channel=channel_code("atm"),
        loss=False,
    )
    rebate = rng.random(t.size) < 0.1
    log.add(
        "transfers",
        ts=window.sample(rng, int(rebate.sum()), "work", day=d[rebate]),
        from_account=supplier[own_suppliers[t[rebate], 0]],
        to_account=card[t[rebate]],
        amount=np.maximum((takings[t, d][rebate] * 0.05).astype(np.int64) // 100 * 100, 100),
        channel=channel_code("online"),
        loss=False,
    )

"""Targets: groomed with calls, link SMS, site visits and app installs, then they pay (or stop
in time). Produces the signals and the payment intents; `spray.py` reaches everyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fanzha.sim.catalogue import BROKERAGE_APPS, MEETING_APPS
from fanzha.sim.city import City
from fanzha.sim.events import NET_INSTALL, NET_VISIT, EventLog, channel_code
from fanzha.sim.registry import NONE
from fanzha.sim.rings import LINES_PER_RING, NUMBER_KINDS, SLOTS_PER_KIND, Rings
from fanzha.sim.typologies import TYPOLOGIES, Typology
from fanzha.sim.world import World

HOUR = 3600


@dataclass
class Engagements:
    """Targets (one row each) and what they pay or get back (one row per payment)."""

    person: np.ndarray
    scam_type: np.ndarray
    ring: np.ndarray
    first_contact: np.ndarray
    first_number: np.ndarray  # the ring number that made the first contact
    report_delay: np.ndarray  # seconds from the last payment to the report; NONE: never reports
    pay_target: np.ndarray  # row in the target arrays
    pay_ts: np.ndarray
    pay_amount: np.ndarray  # fen
    pay_channel: np.ndarray
    pay_from: np.ndarray  # victim's account
    pay_is_return: np.ndarray  # True: the ring pays the victim back (a "small win")


@dataclass
class Thread:
    """Ring lines in contact with targets, one row per contact."""

    rings: Rings
    ring: np.ndarray
    line: np.ndarray
    number: np.ndarray  # the target's number

    def rows(self, index: np.ndarray) -> Thread:
        return Thread(self.rings, self.ring[index], self.line[index], self.number[index])

    def ring_number(self, ts: np.ndarray) -> np.ndarray:
        """The number serving each row's line at `ts`."""
        return self.rings.numbers.active(self.line, ts)

    def domain(self, ts: np.ndarray) -> np.ndarray:
        return self.rings.domains.active(self.ring, ts)


def engage(world: World, city: City, rings: Rings) -> Engagements:
    """Pick targets per typology, groom them, and record what they pay."""
    config = world.config
    rng = world.rng("scams")
    codes = [c for c in TYPOLOGIES if config.scam_mix.get(c, 0) > 0]
    share = np.array([config.scam_mix[c] for c in codes])
    per_type = rng.multinomial(config.target_count, share / share.sum())
    taken = np.zeros(city.size, dtype=bool)
    age = world.window.year - city.birth_year
    parts: list[dict[str, np.ndarray]] = []
    offset = 0
    for code, wanted in zip(codes, per_type, strict=True):
        typ = TYPOLOGIES[code]
        weight = np.exp(-0.5 * ((age - typ.age[0]) / typ.age[1]) ** 2) * (age >= 18) * ~taken
        count = min(int(wanted), int((weight > 0).sum()))
        person = rng.choice(city.size, count, replace=False, p=weight / weight.sum())
        taken[person] = True
        parts.append(_groom_and_pay(rng, world, city, rings, typ, person=person, offset=offset))
        offset += count
    joined = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return Engagements(**joined)


def _groom_and_pay(
    rng: np.random.Generator,
    world: World,
    city: City,
    rings: Rings,
    typ: Typology,
    *,
    person: np.ndarray,
    offset: int,
) -> dict[str, np.ndarray]:
    """Contact, grooming touches and installs before the first payment; then the payments."""
    config, window, log = world.config, world.window, world.log
    n = person.size
    own = rings.rings_for(typ.code)
    ring = own[rng.integers(0, own.size, n)]
    kind = rng.choice(len(NUMBER_KINDS), n, p=np.array(typ.number_kinds) / sum(typ.number_kinds))
    line = ring * LINES_PER_RING + kind * SLOTS_PER_KIND + rng.integers(0, SLOTS_PER_KIND, n)
    first = window.sample(rng, n, "ring")
    lead = rng.lognormal(np.log(typ.lead_hours[0] * HOUR), typ.lead_hours[1], n).astype(np.int64)
    lead = np.maximum(lead, 10 * 60)
    victim_number = city.phone[person]
    thread = Thread(rings, ring, line, victim_number)

    by_sms = rng.random(n) < typ.first_by_sms
    _sms(log, thread.rows(by_sms), first[by_sms])
    _call(rng, log, thread.rows(~by_sms), first[~by_sms], typ, callback_share=0.0)

    touches = rng.integers(typ.touches[0], typ.touches[1] + 1, n)
    who = np.repeat(np.arange(n), touches)
    when = first[who] + (rng.random(who.size) * lead[who]).astype(np.int64)
    what = rng.random(who.size)
    is_call = what < 0.5
    _call(rng, log, thread.rows(who[is_call]), when[is_call], typ)
    is_visit = (what >= 0.5) & (what < 0.85)
    visits = thread.rows(who[is_visit])
    log.add(
        "net",
        ts=when[is_visit],
        number=visits.number,
        kind=NET_VISIT,
        target=visits.domain(when[is_visit]),
    )
    is_sms = what >= 0.85
    _sms(log, thread.rows(who[is_sms]), when[is_sms])
    _installs(rng, world, thread, typ, first=first, lead=lead)

    pays = ~(rng.random(n) < config.stop_before_paying)
    count = np.where(pays, rng.integers(typ.payments[0], typ.payments[1] + 1, n), 0)
    target = np.repeat(np.arange(n), count)
    step = np.arange(target.size) - np.repeat(np.cumsum(count) - count, count)
    gap = rng.lognormal(np.log(typ.gap_hours * HOUR), 0.7, target.size).astype(np.int64) + 60
    gap[step == 0] = 0
    # Most victims pay in waking hours; some are kept up all night.
    ts = window.awake(rng, first[target] + lead[target] + _cumsum_by_group(gap, count), 0.8)
    base = rng.lognormal(np.log(typ.first_amount[0]), typ.first_amount[1], n)
    amount_yuan = base[target] * typ.growth**step * rng.lognormal(0.0, 0.25, target.size)
    if typ.small_wins:
        amount_yuan[step == 0] = base[target[step == 0]] * rng.uniform(
            0.05, 0.3, int((step == 0).sum())
        )
    amount = _victim_amount(rng, amount_yuan, typ.round_share)
    # A tiny test transfer first ("check the safe account works").
    tested = np.flatnonzero((step == 0) & (rng.random(target.size) < typ.test_payment))
    target = np.concatenate([target, target[tested]])
    step = np.concatenate([step, np.full(tested.size, -1)])
    ts = np.concatenate([ts, ts[tested] - rng.integers(60, 900, tested.size)])
    amount = np.concatenate([amount, rng.integers(1, 1_000, tested.size)])
    channel = np.where(
        rng.random(target.size) < typ.counter_share,
        channel_code("counter"),
        np.where(rng.random(target.size) < 0.85, channel_code("mobile"), channel_code("online")),
    )
    # Coaching calls keep the victim's line busy while they pay.
    coached = rng.random(target.size) < 0.5
    before = ts[coached] - rng.integers(60, 1800, int(coached.sum()))
    _call(rng, log, thread.rows(target[coached]), before, typ)
    paying_card = city.any_account(rng, person)
    pay_from = np.where(
        rng.random(target.size) < 0.85, paying_card[target], city.any_account(rng, person[target])
    )
    first_row = step == 0
    _consolidate(
        rng,
        world,
        city,
        typ,
        person=person,
        card=paying_card,
        first_pay=ts[first_row],
        target=target[first_row],
        amount=amount,
        paid_by=target,
    )
    is_return = np.zeros(target.size, dtype=bool)
    if typ.small_wins:
        first_pay = np.flatnonzero((step == 0) & (count[target] > 1))
        back_ts = ts[first_pay] + rng.integers(5 * 60, 3 * HOUR, first_pay.size)
        back = (amount[first_pay] * rng.uniform(1.05, 1.4, first_pay.size)).astype(np.int64)
        target = np.concatenate([target, target[first_pay]])
        ts = np.concatenate([ts, back_ts])
        amount = np.concatenate([amount, back])
        channel = np.concatenate([channel, np.full(first_pay.size, channel_code("mobile"))])
        is_return = np.concatenate([is_return, np.ones(first_pay.size, dtype=bool)])
        pay_from = np.concatenate([pay_from, pay_from[first_pay]])
    reports = rng.random(n) < config.report_share
    delay = rng.lognormal(np.log(typ.report_hours * HOUR), 1.0, n).astype(np.int64) + 600
    return {
        "person": person,
        "scam_type": np.full(n, typ.code),
        "ring": ring,
        "first_contact": first,
        "first_number": thread.ring_number(first),
        "report_delay": np.where(reports, delay, NONE),
        "pay_target": target + offset,
        "pay_ts": ts,
        "pay_amount": amount,
        "pay_channel": channel,
        "pay_from": pay_from,
        "pay_is_return": is_return,
    }


def _consolidate(
    rng: np.random.Generator,
    world: World,
    city: City,
    typ: Typology,
    *,
    person: np.ndarray,
    card: np.ndarray,
    first_pay: np.ndarray,
    target: np.ndarray,
    amount: np.ndarray,
    paid_by: np.ndarray,
) -> None:
    """Before paying, some victims gather savings from their other cards onto the paying card."""
    total = np.bincount(paid_by, weights=amount, minlength=person.size)
    cards = np.diff(city.account_offsets)[person[target]]
    moves = (cards > 1) & (rng.random(target.size) < typ.consolidate)
    who = target[moves]
    other = city.accounts_flat[city.account_offsets[person[who]] + 1]
    other = np.where(
        other == card[who], city.accounts_flat[city.account_offsets[person[who]]], other
    )
    world.log.add(
        "transfers",
        ts=first_pay[moves] - rng.integers(300, 3600, who.size),
        from_account=other,
        to_account=card[who],
        amount=np.maximum(
            (total[who] * rng.uniform(0.5, 1.2, who.size)).astype(np.int64) // 100 * 100, 100
        ),
        channel=channel_code("mobile"),
        loss=False,
    )


def _cumsum_by_group(values: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Running sum of `values` restarting at each group of `count` consecutive rows."""
    total = np.cumsum(values)
    starts = np.repeat(np.cumsum(count) - count, count)
    before = np.where(starts > 0, total[np.maximum(starts - 1, 0)], 0)
    return total - before


def _victim_amount(rng: np.random.Generator, yuan: np.ndarray, round_share: float) -> np.ndarray:
    """Fen: some round sums as scripts demand, most whole yuan, a few with cents."""
    yuan = np.clip(yuan, 1.0, 5_000_000.0)
    unit = np.where(yuan >= 20_000, 10_000, np.where(yuan >= 2_000, 1_000, 100))
    rounded = np.maximum(np.round(yuan / unit), 1) * unit
    whole = np.round(yuan)
    cents = np.round(yuan * 100) / 100
    pick = rng.random(yuan.size)
    chosen = np.where(pick < round_share, rounded, np.where(pick < 0.9, whole, cents))
    return np.maximum(np.round(chosen * 100), 100).astype(np.int64)


def _call(
    rng: np.random.Generator,
    log: EventLog,
    thread: Thread,
    ts: np.ndarray,
    typ: Typology,
    *,
    callback_share: float = 0.15,
) -> None:
    """An engaging call per row of `thread` at `ts`; some are the target calling back."""
    n = ts.size
    duration = rng.lognormal(np.log(typ.call_seconds[0]), typ.call_seconds[1], n)
    answered = rng.random(n) < 0.92
    ring_number = thread.ring_number(ts)
    back = rng.random(n) < callback_share
    log.add(
        "calls",
        ts=ts,
        caller=np.where(back, thread.number, ring_number),
        callee=np.where(back, ring_number, thread.number),
        duration_s=np.where(answered, np.clip(duration, 20, 10_800), 0).astype(np.int64),
    )


def _sms(log: EventLog, thread: Thread, ts: np.ndarray) -> None:
    """A link SMS per row of `thread` at `ts`."""
    log.add(
        "sms",
        ts=ts,
        sender=thread.ring_number(ts),
        receiver=thread.number,
        domain=thread.domain(ts),
    )


def _installs(
    rng: np.random.Generator,
    world: World,
    thread: Thread,
    typ: Typology,
    *,
    first: np.ndarray,
    lead: np.ndarray,
) -> None:
    """The ring's own app, or a legitimate meeting or brokerage app, before the first payment."""
    n = thread.ring.size
    meeting = world.vocab.ids(MEETING_APPS)
    brokerage = world.vocab.ids(BROKERAGE_APPS)
    for share, pick in (
        (typ.own_app, None),
        (typ.meeting_app, meeting),
        (typ.brokerage_app, brokerage),
    ):
        mask = rng.random(n) < share
        when = first[mask] + (rng.uniform(0.1, 0.9, int(mask.sum())) * lead[mask]).astype(np.int64)
        target = (
            thread.rings.apps.active(thread.ring[mask], when)
            if pick is None
            else pick[rng.integers(0, pick.size, int(mask.sum()))]
        )
        world.log.add("net", ts=when, number=thread.number[mask], kind=NET_INSTALL, target=target)
        if pick is None:
            _download_pages(world, thread.rows(np.flatnonzero(mask)), when, first[mask], typ)


def _download_pages(
    world: World, thread: Thread, installed: np.ndarray, contact: np.ndarray, typ: Typology
) -> None:
    """Most who install a ring's own app open its download page minutes before, from a link
    the ring texts them then (half the time) or sends by a chat app the dataset cannot see;
    never before the ring's first contact. Drawn from a stream of its own: with the share at
    0 the city is as it was without."""
    share = world.config.download_page_share
    if share <= 0 or installed.size == 0:
        return
    rng = world.rng(f"download_pages:{typ.code}")
    page = np.flatnonzero(rng.random(installed.size) < share)
    opener = thread.rows(page)
    lag = np.maximum(rng.lognormal(np.log(6 * 60), 0.8, page.size), 30).astype(np.int64)
    seen = np.maximum(installed[page] - lag, contact[page] + 30)
    sent = np.maximum(seen - rng.integers(60, 30 * 60, page.size), contact[page])
    texted = np.flatnonzero(rng.random(page.size) < 0.5)
    _sms(world.log, opener.rows(texted), sent[texted])
    world.log.add("net", ts=seen, number=opener.number, kind=NET_VISIT, target=opener.domain(sent))

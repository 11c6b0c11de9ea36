"""Victim money through the mule chain: a ring's first-level accounts take the payments, then
money hops within minutes, split and merged, to a cash-out account that withdraws it or sells
it for crypto. First-level accounts are retired soon after a victim reports them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fanzha.sim.clock import DAY_S, Window
from fanzha.sim.config import SimConfig
from fanzha.sim.events import channel_code
from fanzha.sim.registry import NONE
from fanzha.sim.rings import MULE_LAYERS, Rings
from fanzha.sim.scams import Engagements
from fanzha.sim.world import World

HOUR = 3600
CASHOUT = MULE_LAYERS.index("cashout")
#: Chance that money at layer i moves to the next mule layer rather than straight to cash-out.
NEXT_LAYER = (0.85, 0.6, 0.0)
ROTATION_S = 10 * HOUR  # a ring moves to fresh deeper-layer accounts about this often
ATM_LIMIT_YUAN = 20_000


@dataclass
class Laundering:
    """What happened to victim money, for reports and labels."""

    paid: np.ndarray  # per written loss transfer: target row
    paid_to: np.ndarray  # ... and the mule_1 account
    paid_ts: np.ndarray
    paid_amount: np.ndarray
    roles: dict[str, np.ndarray]  # layer -> mule accounts that moved money in the window


def launder(world: World, rings: Rings, eng: Engagements) -> Laundering:
    """Victims' payments into first-level accounts, the paybacks, and the chain behind them."""
    window, log = world.window, world.log
    rng = world.rng("laundering")
    target = eng.pay_target
    in_window = (eng.pay_ts >= window.start) & (eng.pay_ts < window.end)
    paying = ~eng.pay_is_return & in_window
    last_pay = np.full(eng.person.size, NONE, dtype=np.int64)
    np.maximum.at(last_pay, target[paying], eng.pay_ts[paying])
    report_ts = np.where(
        (last_pay != NONE) & (eng.report_delay != NONE), last_pay + eng.report_delay, NONE
    )
    mule_1 = _first_level(rng, rings, eng, report_ts, in_window)

    ring = eng.ring[target]
    log.add(
        "transfers",
        ts=eng.pay_ts[paying],
        from_account=eng.pay_from[paying],
        to_account=mule_1[paying],
        amount=eng.pay_amount[paying],
        channel=eng.pay_channel[paying],
        loss=True,
    )
    back = eng.pay_is_return & in_window
    log.add(
        "transfers",
        ts=eng.pay_ts[back],
        from_account=mule_1[back],
        to_account=eng.pay_from[back],
        amount=eng.pay_amount[back],
        channel=eng.pay_channel[back],
        loss=False,
    )
    used: list[list[np.ndarray]] = [[mule_1[paying | back]], [], [], []]
    first = Flow(
        mule_1[paying],
        eng.pay_ts[paying],
        eng.pay_amount[paying],
        ring[paying],
        np.zeros(int(paying.sum()), dtype=np.int64),
    )
    _chain(rng, world, rings, used, first)
    roles = {
        layer: np.unique(np.concatenate(used[i])) for i, layer in enumerate(MULE_LAYERS) if used[i]
    }
    return Laundering(
        paid=target[paying],
        paid_to=mule_1[paying],
        paid_ts=eng.pay_ts[paying],
        paid_amount=eng.pay_amount[paying],
        roles=roles,
    )


def _first_level(
    rng: np.random.Generator,
    rings: Rings,
    eng: Engagements,
    report_ts: np.ndarray,
    in_window: np.ndarray,
) -> np.ndarray:
    """Assign each payment a first-level account, in time order, as the ring would.

    A ring keeps two accounts open; it retires one after some uses or within hours of a
    report naming it. Returns ("small wins") come from the account the target last paid.
    """
    rows = np.flatnonzero(in_window)
    rows = rows[np.argsort(eng.pay_ts[rows], kind="stable")]
    out = np.full(eng.pay_ts.size, NONE, dtype=np.int64)
    pools = rings.mules["mule_1"]
    active: list[list[int]] = [[] for _ in range(rings.count)]
    cursor = [0] * rings.count
    uses: dict[int, int] = {}
    cap: dict[int, int] = {}
    retire: dict[int, int] = {}
    last_paid: dict[int, int] = {}
    for i in rows.tolist():
        t = int(eng.pay_ts[i])
        target = int(eng.pay_target[i])
        r = int(eng.ring[target])
        if eng.pay_is_return[i] and target in last_paid:
            out[i] = last_paid[target]
            continue
        open_now = [a for a in active[r] if retire.get(a, 1 << 62) > t and uses[a] < cap[a]]
        while len(open_now) < 2:
            account = int(pools[r][cursor[r] % pools[r].size])
            cursor[r] += 1
            uses.setdefault(account, 0)
            cap[account] = int(rng.integers(3, 15))
            open_now.append(account)
        active[r] = open_now
        previous = last_paid.get(target)
        if previous in open_now and rng.random() < 0.6:
            account = int(previous)
        else:
            account = open_now[int(rng.integers(0, len(open_now)))]
        out[i] = account
        if eng.pay_is_return[i]:
            continue
        uses[account] += 1
        last_paid[target] = account
        if report_ts[target] != NONE:
            reaction = int(report_ts[target]) + int(rng.uniform(0.5, 6.0) * HOUR)
            retire[account] = min(retire.get(account, 1 << 62), reaction)
    return out


@dataclass
class Flow:
    """Sums of victim money sitting in mule accounts: one row per arrival."""

    account: np.ndarray
    ts: np.ndarray
    amount: np.ndarray
    ring: np.ndarray  # whose mules carry it on
    layer: np.ndarray  # index into MULE_LAYERS of the account

    def rows(self, mask: np.ndarray) -> Flow:
        return Flow(
            self.account[mask], self.ts[mask], self.amount[mask], self.ring[mask], self.layer[mask]
        )

    def merged(self, bucket_s: int) -> Flow:
        """Money arriving at one account within the same few minutes moves on together."""
        bucket = self.ts // bucket_s
        order = np.lexsort((self.ts, bucket, self.account))
        acc, buc = self.account[order], bucket[order]
        first = np.flatnonzero(np.r_[True, (acc[1:] != acc[:-1]) | (buc[1:] != buc[:-1])])
        return Flow(
            acc[first],
            np.maximum.reduceat(self.ts[order], first),
            np.add.reduceat(self.amount[order], first),
            self.ring[order][first],
            self.layer[order][first],
        )


def _chain(
    rng: np.random.Generator,
    world: World,
    rings: Rings,
    used: list[list[np.ndarray]],
    flow: Flow,
) -> None:
    """Move money layer by layer until it leaves at a cash-out account."""
    config, window, log = world.config, world.window, world.log
    max_hold = int(config.mule_max_hold_minutes * 60)
    merge_s = max(60, min(15 * 60, max_hold // 5))
    while flow.account.size:
        flow = flow.merged(merge_s)
        cash = flow.layer == CASHOUT
        _cash_out(rng, world, flow.rows(cash))
        flow = flow.rows(~cash)
        n = flow.account.size
        nxt = np.where(rng.random(n) < np.array(NEXT_LAYER)[flow.layer], flow.layer + 1, CASHOUT)
        pieces = rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1])
        src = np.repeat(np.arange(n), pieces)
        step = np.arange(src.size) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        hold = _hold(rng, config, n)
        gap = rng.integers(20, 240, src.size) * step
        when = flow.ts[src] + np.minimum(hold[src] + gap, max_hold)
        share = _split(rng, pieces)
        kept = 1.0 - rng.uniform(0.0, 0.03, n)  # mules keep a small cut
        # Whole yuan, often whole hundreds.
        unit = np.where(rng.random(src.size) < 0.5, 10_000, 100)
        piece = (np.floor(flow.amount[src] * kept[src] * share / unit) * unit).astype(np.int64)
        ok = (piece > 0) & (when < window.end)
        owner = np.where(
            rng.random(src.size) < config.cross_ring_share,
            rng.integers(0, rings.count, src.size),
            flow.ring[src],
        )
        to = _pick_layer_account(rng, window, rings, layer=nxt[src], ring=owner, ts=when)
        log.add(
            "transfers",
            ts=when[ok],
            from_account=flow.account[src][ok],
            to_account=to[ok],
            amount=piece[ok],
            channel=np.where(
                rng.random(int(ok.sum())) < 0.7, channel_code("mobile"), channel_code("online")
            ),
            loss=False,
        )
        for lay in np.unique(nxt[src][ok]):
            used[int(lay)].append(to[ok][nxt[src][ok] == lay])
        flow = Flow(to[ok], when[ok], piece[ok], owner[ok], nxt[src][ok])


def _hold(rng: np.random.Generator, config: SimConfig, n: int) -> np.ndarray:
    """Seconds money stays in a mule account: minutes, never more than the configured maximum."""
    hold = rng.lognormal(np.log(config.mule_hold_minutes * 60), 0.8, n)
    return np.clip(hold, 30, config.mule_max_hold_minutes * 60 * 0.8).astype(np.int64)


def _split(rng: np.random.Generator, pieces: np.ndarray) -> np.ndarray:
    """Shares of each piece of a split; shares of one split sum to 1."""
    raw = rng.uniform(0.3, 1.0, int(pieces.sum()))
    group = np.repeat(np.arange(pieces.size), pieces)
    total = np.bincount(group, weights=raw)
    return np.asarray(raw / total[group])


def _pick_layer_account(
    rng: np.random.Generator,
    window: Window,
    rings: Rings,
    *,
    layer: np.ndarray,
    ring: np.ndarray,
    ts: np.ndarray,
) -> np.ndarray:
    """A ring's account of `layer` in use at `ts`: few at a time, so money merges there."""
    out = np.empty(layer.size, dtype=np.int64)
    period = (ts - window.start + DAY_S) // ROTATION_S
    pick = period + rng.integers(0, 3, layer.size)
    for i, name in enumerate(MULE_LAYERS):
        for r in np.unique(ring[layer == i]):
            mask = (layer == i) & (ring == r)
            pool = rings.mules[name][int(r)]
            out[mask] = pool[pick[mask] % pool.size]
    return out


def _cash_out(rng: np.random.Generator, world: World, flow: Flow) -> None:
    """Money leaves: ATM withdrawals under the limit, counter cash, crypto OTC, platforms."""
    account, ts, amount = flow.account, flow.ts, flow.amount
    config, window, log = world.config, world.window, world.log
    n = account.size
    if not n:
        return
    max_hold = int(config.mule_max_hold_minutes * 60)
    how = rng.choice(4, n, p=[0.35, 0.15, 0.35, 0.15])
    atm = (how == 0) & (amount <= 8 * ATM_LIMIT_YUAN * 100)
    chunks = np.where(atm, np.ceil(amount / (rng.uniform(0.6, 1.0, n) * ATM_LIMIT_YUAN * 100)), 1)
    chunks = chunks.astype(np.int64)
    src = np.repeat(np.arange(n), chunks)
    step = np.arange(src.size) - np.repeat(np.cumsum(chunks) - chunks, chunks)
    hold = _hold(rng, config, n)
    when = ts[src] + np.minimum(hold[src] + rng.integers(40, 200, src.size) * step, max_hold)
    piece = amount[src] // chunks[src]
    piece = np.where(atm[src], piece // 10_000 * 10_000, piece)  # ATMs pay out whole hundreds
    channel = np.array(
        [
            channel_code("atm"),
            channel_code("counter"),
            channel_code("crypto_otc"),
            channel_code("third_party"),
        ]
    )[np.where(atm, 0, np.where(how == 0, 1, how))[src]]
    ok = (piece > 0) & (when < window.end)
    log.add(
        "transfers",
        ts=when[ok],
        from_account=account[src][ok],
        to_account=NONE,
        amount=piece[ok],
        channel=channel[ok],
        loss=False,
    )

"""Features of a bank account, computed at each transfer into or out of it.

Mule accounts pass money through fast, take it from many unrelated senders (often people who
were just talking with a suspect number), fan it out or cash it out, wake from dormancy, sit
with holders of many cards and link to reported accounts. Shops also take from many strangers
but keep the money; busy legitimate accounts have a long, steady history.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.exposure import Suspicion
from fanzha.detect.horizons import DAY, STRANGER_AFTER_S
from fanzha.detect.windows import FloatArray, Int64Array, KeyedStream, pair_gap, running_max_asof
from fanzha.io.schema import ACCOUNT_KINDS

KIND_ORDER = tuple(sorted(ACCOUNT_KINDS))

ACCOUNT_FEATURES = (
    "in_24h",
    "in_amount_24h",
    "out_24h",
    "out_amount_24h",
    "pass_through_24h",
    "in_new_24h",
    "out_new_24h",
    "in_new_7d",
    "in_exposed_72h",
    "in_exposed_amount_72h",
    "in_from_bad_7d",
    "in_from_suspect_72h",
    "since_inflow_s",
    "idle_before_s",
    "active_30d",
    "cash_out_share_24h",
    "row_is_out",
    "kind_merchant",
    "kind_corporate",
    "age_days",
    "holder_outside",
    "holder_cards",
    "listed",
    "known_bad",
)


def known_bad_asof(city: City, account: Int64Array, ts: Int64Array) -> FloatArray:
    """1.0 where the account is listed or named in a victim report at time ts."""
    codes, listed_at = city.lists.accounts
    key = np.concatenate((codes, city.report_account))
    when = np.concatenate((listed_at, city.report_ts))
    return running_max_asof(key, when, np.ones(key.size), account, ts)


def account_features(
    city: City, sender_exposure: FloatArray, accounts: Suspicion | None
) -> pl.DataFrame:
    """One row per evaluated (account, transfer): account code, ts and ACCOUNT_FEATURES.

    `sender_exposure` is, per transfer, the paying person's recent talk with suspect numbers.
    `accounts` are scores of a previous pass, to spot money arriving from suspect accounts.
    """
    t = city.transfers
    origin = city.start - 40 * DAY
    has_src, has_dst = t.src >= 0, t.dst >= 0
    gap = pair_gap(t.src, t.dst, t.ts, t.seq)
    new_pair = ((gap < 0) | (gap > STRANGER_AFTER_S)).astype(np.float64)
    src_bad = np.where(has_src, known_bad_asof(city, t.src, t.ts), 0.0)
    src_level = accounts.asof(t.src, t.ts) if accounts is not None else np.zeros(t.ts.size)
    src_suspect = np.where(has_src, src_level >= 0.5, 0.0)
    exposed = (sender_exposure > 0).astype(np.float64)

    d_key, d_ts = t.dst[has_dst], t.ts[has_dst]
    s_key, s_ts = t.src[has_src], t.ts[has_src]
    inflow = KeyedStream(
        d_key,
        d_ts,
        origin,
        ones=np.ones(d_key.size),
        amount=t.amount[has_dst],
        new=new_pair[has_dst],
        exposed=exposed[has_dst],
        exposed_amount=exposed[has_dst] * t.amount[has_dst],
        bad=src_bad[has_dst],
        suspect=src_suspect[has_dst],
    )
    outflow = KeyedStream(
        s_key,
        s_ts,
        origin,
        ones=np.ones(s_key.size),
        amount=t.amount[has_src],
        new=new_pair[has_src],
        cash=t.cash_out[has_src],
    )
    any_key, any_ts = np.concatenate((d_key, s_key)), np.concatenate((d_ts, s_ts))
    any_flow = KeyedStream(any_key, any_ts, origin, ones=np.ones(any_key.size))

    key, ts = any_key, any_ts
    row_is_out = np.concatenate((np.zeros(d_key.size), np.ones(s_key.size)))
    i_all = inflow.at(key, ts)
    in_new_7d = i_all.sum("new", 7 * DAY)
    in_exposed_72h = i_all.sum("exposed", 3 * DAY)
    in_bad_7d = i_all.sum("bad", 7 * DAY)
    in_suspect_72h = i_all.sum("suspect", 3 * DAY)
    in_24_all = i_all.sum("ones", DAY)
    listed = known_bad_asof(city, key, ts)
    # Judge an account where it could be a mule: many new senders, money from exposed or bad
    # senders, money passing straight through, or a listing or report.
    gate = (in_new_7d >= 3) | (in_exposed_72h > 0) | (in_bad_7d > 0) | (in_suspect_72h > 0)
    gate |= listed > 0
    gate |= (in_24_all >= 1) & (row_is_out > 0)
    rows = np.flatnonzero(gate)
    key, ts, row_is_out = key[rows], ts[rows], row_is_out[rows]
    i = inflow.at(key, ts)
    o = outflow.at(key, ts)
    a = any_flow.at(key, ts)

    in_amount = i.sum("amount", DAY)
    out_amount = o.sum("amount", DAY)
    out_n = o.sum("ones", DAY)
    kind = city.account_kind[key]
    opened = city.account_opened[key]
    listed_only = running_max_asof(
        city.lists.accounts[0],
        city.lists.accounts[1],
        np.ones(city.lists.accounts[0].size),
        key,
        ts,
    )
    features = {
        "in_24h": in_24_all[rows],
        "in_amount_24h": np.log1p(in_amount),
        "out_24h": out_n,
        "out_amount_24h": np.log1p(out_amount),
        "pass_through_24h": np.minimum(out_amount, in_amount) / np.maximum(in_amount, 1.0),
        "in_new_24h": i.sum("new", DAY),
        "out_new_24h": o.sum("new", DAY),
        "in_new_7d": in_new_7d[rows],
        "in_exposed_72h": in_exposed_72h[rows],
        "in_exposed_amount_72h": np.log1p(i.sum("exposed_amount", 3 * DAY)),
        "in_from_bad_7d": in_bad_7d[rows],
        "in_from_suspect_72h": in_suspect_72h[rows],
        "since_inflow_s": inflow.last_before(key, ts + 1).astype(np.float64),
        "idle_before_s": any_flow.last_before(key, ts).astype(np.float64),
        "active_30d": a.sum("ones", 30 * DAY),
        "cash_out_share_24h": o.sum("cash", DAY) / np.maximum(out_n, 1.0),
        "row_is_out": row_is_out,
        "kind_merchant": (kind == KIND_ORDER.index("merchant")).astype(np.float64),
        "kind_corporate": (kind == KIND_ORDER.index("corporate")).astype(np.float64),
        "age_days": np.where(opened > -(2**61), (ts - opened) / DAY, -1.0),
        "holder_outside": (city.account_holder[key] < 0).astype(np.float64),
        "holder_cards": city.holder_cards[key].astype(np.float64),
        "listed": listed_only,
        "known_bad": listed[rows],
    }
    return pl.DataFrame({"key": key, "ts": ts, **features})

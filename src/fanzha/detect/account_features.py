"""Features of a bank account, computed at each transfer into or out of it and when a report
or a list names it.

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
from fanzha.detect.number_features import listed_asof
from fanzha.detect.windows import (
    BoolArray,
    FloatArray,
    Int64Array,
    KeyedStream,
    PairEvents,
    ScoreHistory,
)
from fanzha.io.schema import ACCOUNT_KINDS

KIND_ORDER = tuple(sorted(ACCOUNT_KINDS))
#: The features a pass takes from the scores of the pass before: all others are fixed.
UPSTREAM_FEATURES = ("in_from_suspect_72h", "in_suspect_level_72h")
#: Upstream score from which a payer counts as a suspect account for the pass after.
SUSPECT_PAYER_LEVEL = 0.5
#: New senders in a week from which a payer is a till (a shop's, a trader's) whose payments on
#: are for stock, not a layer of fraud money: it never counts as a suspect payer, whatever its
#: own score. A mule card takes from the few victims its ring works at a time.
TILL_SENDERS_7D = 20

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
    "in_suspect_level_72h",
    "since_inflow_s",
    "idle_before_s",
    "active_30d",
    "cash_out_share_24h",
    "row_is_out",
    "row_is_named",
    "kind_merchant",
    "kind_corporate",
    "age_days",
    "holder_outside",
    "holder_cards",
    "listed",
    "known_bad",
)


def namings(city: City) -> tuple[Int64Array, Int64Array]:
    """(account, ts) of every time a known-bad list or a victim's report named an account."""
    codes, listed_at = city.lists.accounts
    return (
        np.concatenate((codes, city.report_account)),
        np.concatenate((listed_at, city.report_ts)),
    )


def known_bad_asof(city: City, account: Int64Array, ts: Int64Array) -> FloatArray:
    """1.0 where the account is listed or named in a victim report at time ts."""
    key, when = namings(city)
    return ScoreHistory(key, when, np.ones(key.size)).running_max(account, ts)


def new_senders(city: City, new_payees: Int64Array) -> KeyedStream:
    """Payments from new senders (`new_payees`, per transfer), keyed by the account paid:
    TILL_SENDERS_7D of them in a week make a till."""
    t = city.transfers
    paid = t.dst >= 0
    return KeyedStream(t.dst[paid], t.ts[paid], city.stream_origin, new=new_payees[paid])


def into_tills(city: City, new_payees: Int64Array) -> BoolArray:
    """Per transfer, whether its payee was a till as it was paid (`new_senders`). A list or a
    victim's report may name a platform's or a shop's account, and a shop's customers are not
    a ring's victims."""
    t = city.transfers
    paid = t.dst >= 0
    till = np.zeros(t.ts.size, dtype=bool)
    senders = new_senders(city, new_payees).at(t.dst[paid], t.ts[paid])
    till[paid] = senders.sum("new", 7 * DAY) >= TILL_SENDERS_7D
    return till


class AccountFlows:
    """A city's money streams, built once for every pass of the account stage.

    An account row is fixed by the transfers except for one thing: which senders were
    suspect, which each pass learns from the one before. So a pass reads one small stream of
    money from suspect accounts, not the whole city again.
    """

    def __init__(self, city: City, sender_exposure: FloatArray) -> None:
        """`sender_exposure` is, per transfer, the paying person's recent talk with suspect
        numbers."""
        self.city = city
        t = city.transfers
        self.origin = city.stream_origin
        has_src, has_dst = t.src >= 0, t.dst >= 0
        gap = PairEvents(t.src, t.dst, t.ts, t.seq).gap()
        new_pair = ((gap < 0) | (gap > STRANGER_AFTER_S)).astype(np.float64)
        src_bad = np.where(has_src, known_bad_asof(city, t.src, t.ts), 0.0)
        exposed = (sender_exposure > 0).astype(np.float64)

        d_key, d_ts = t.dst[has_dst], t.ts[has_dst]
        s_key, s_ts = t.src[has_src], t.ts[has_src]
        self.inflow = KeyedStream(
            d_key,
            d_ts,
            self.origin,
            ones=np.ones(d_key.size),
            amount=t.amount[has_dst],
            new=new_pair[has_dst],
            exposed=exposed[has_dst],
            exposed_amount=exposed[has_dst] * t.amount[has_dst],
            bad=src_bad[has_dst],
        )
        self.outflow = KeyedStream(
            s_key,
            s_ts,
            self.origin,
            ones=np.ones(s_key.size),
            amount=t.amount[has_src],
            new=new_pair[has_src],
            cash=t.cash_out[has_src],
        )
        moved_key, moved_ts = np.concatenate((d_key, s_key)), np.concatenate((d_ts, s_ts))
        self.any_flow = KeyedStream(moved_key, moved_ts, self.origin, ones=np.ones(moved_ts.size))
        self._payer, self._paid_key, self._paid_ts = t.src[has_dst], d_key, d_ts
        # The payments that pass their payer's suspicion on: from an account, not from a till.
        paid = self._payer >= 0
        self._passes_suspicion = paid.copy()
        self._passes_suspicion[paid] = (
            self.inflow.at(self._payer[paid], self._paid_ts[paid]).sum("new", 7 * DAY)
            < TILL_SENDERS_7D
        )
        # An account may be judged at every transfer in or out of it, and when a victim's
        # report or a list names it: evidence that comes after the money has moved on.
        n_key, n_ts = namings(city)
        named = (n_key >= 0) & (n_ts >= city.start)
        n_key, n_ts = n_key[named], n_ts[named]
        self.key, self.ts = np.concatenate((moved_key, n_key)), np.concatenate((moved_ts, n_ts))
        self.row_is_out = np.concatenate(
            (np.zeros(d_key.size), np.ones(s_key.size), np.zeros(n_key.size))
        )
        self.row_is_named = np.concatenate((np.zeros(moved_ts.size), np.ones(n_key.size)))

        # Judge an account where it could be a mule: many new senders, money from exposed or
        # bad senders, money passing straight through, or a listing or report. Money from a
        # suspect account is the one reason a pass adds.
        i = self.inflow.at(self.key, self.ts)
        self._known_bad = known_bad_asof(city, self.key, self.ts)
        gate = (i.sum("new", 7 * DAY) >= 3) | (i.sum("exposed", 3 * DAY) > 0)
        gate |= (i.sum("bad", 7 * DAY) > 0) | (self._known_bad > 0)
        gate |= (i.sum("ones", DAY) >= 1) & (self.row_is_out > 0)
        self._gate = gate
        self._judged = self._rows(np.flatnonzero(gate))

    def rows(self, upstream: Suspicion | None) -> pl.DataFrame:
        """One row per judged (account, moment): `row` (its index among all candidate rows),
        account `key`, `ts` and ACCOUNT_FEATURES; the rows every pass judges first, then the
        rows this pass adds, each part in row order (one frame without copying the first
        part, which is the stage's bulk). `upstream` are the scores of the pass before, to
        spot money arriving from suspect accounts: how many payments, and how suspect their
        payers were (a victim's or a busy trader's account may just reach the suspect level;
        a mule's sits near the top). Tills (TILL_SENDERS_7D) are never suspect payers: a
        retailer paying its wholesaler would otherwise pass its own look of a mule up the
        supply chain, pass after pass."""
        suspect, level = np.zeros(self.key.size), np.zeros(self.key.size)
        if upstream is not None:
            paid = self._passes_suspicion
            payer_level = upstream.asof(self._payer[paid], self._paid_ts[paid])
            is_suspect = payer_level >= SUSPECT_PAYER_LEVEL
            from_suspect = KeyedStream(
                self._paid_key[paid],
                self._paid_ts[paid],
                self.origin,
                suspect=is_suspect.astype(np.float64),
                level=np.where(is_suspect, payer_level, 0.0),
            ).at(self.key, self.ts)
            suspect = from_suspect.sum("suspect", 3 * DAY)
            level = from_suspect.sum("level", 3 * DAY) / np.maximum(suspect, 1.0)
        added = np.flatnonzero((suspect > 0) & ~self._gate)
        frame = pl.concat([self._judged, self._rows(added)])
        row = frame["row"].to_numpy()
        return frame.with_columns(
            in_from_suspect_72h=pl.Series(suspect[row]),
            in_suspect_level_72h=pl.Series(level[row]),
        ).select("row", "key", "ts", *ACCOUNT_FEATURES)

    def _rows(self, rows: Int64Array) -> pl.DataFrame:
        """The features of the given candidate rows that no pass changes."""
        city = self.city
        key, ts, row_is_out = self.key[rows], self.ts[rows], self.row_is_out[rows]
        i = self.inflow.at(key, ts)
        o = self.outflow.at(key, ts)
        a = self.any_flow.at(key, ts)

        in_amount = i.sum("amount", DAY)
        out_amount = o.sum("amount", DAY)
        out_n = o.sum("ones", DAY)
        kind = city.account_kind[key]
        opened = city.account_opened[key]
        listed_only = listed_asof(city.lists.accounts, key, ts)
        features = {
            "in_24h": i.sum("ones", DAY),
            "in_amount_24h": np.log1p(in_amount),
            "out_24h": out_n,
            "out_amount_24h": np.log1p(out_amount),
            "pass_through_24h": np.minimum(out_amount, in_amount) / np.maximum(in_amount, 1.0),
            "in_new_24h": i.sum("new", DAY),
            "out_new_24h": o.sum("new", DAY),
            "in_new_7d": i.sum("new", 7 * DAY),
            "in_exposed_72h": i.sum("exposed", 3 * DAY),
            "in_exposed_amount_72h": np.log1p(i.sum("exposed_amount", 3 * DAY)),
            "in_from_bad_7d": i.sum("bad", 7 * DAY),
            "since_inflow_s": self.inflow.last_before(key, ts + 1).astype(np.float64),
            "idle_before_s": self.any_flow.last_before(key, ts).astype(np.float64),
            "active_30d": a.sum("ones", 30 * DAY),
            "cash_out_share_24h": o.sum("cash", DAY) / np.maximum(out_n, 1.0),
            "row_is_out": row_is_out,
            "row_is_named": self.row_is_named[rows],
            "kind_merchant": (kind == KIND_ORDER.index("merchant")).astype(np.float64),
            "kind_corporate": (kind == KIND_ORDER.index("corporate")).astype(np.float64),
            "age_days": np.where(opened > -(2**61), (ts - opened) / DAY, -1.0),
            "holder_outside": (city.account_holder[key] < 0).astype(np.float64),
            "holder_cards": city.holder_cards[key].astype(np.float64),
            "listed": listed_only,
            "known_bad": self._known_bad[rows],
        }
        return pl.DataFrame({"row": rows, "key": key, "ts": ts, **features})

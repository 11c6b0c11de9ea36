"""Features of a calling or messaging number, computed at each of its outgoing contacts.

Fraud callers reach many strangers, get answered rarely but talk long when they are, send
links, are young, virtual or overseas numbers, and hear little back. Couriers also reach many
strangers, but briefly and with calls back; telemarketers talk long to strangers from old,
registered numbers; service numbers send links to people who know them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.exposure import CoExposure
from fanzha.detect.followups import Followups
from fanzha.detect.horizons import DAY, ENGAGED_S, HISTORY_DAYS, STRANGER_AFTER_S
from fanzha.detect.rarity import rare_targets
from fanzha.detect.windows import (
    FloatArray,
    Int64Array,
    KeyedStream,
    PairEvents,
    ScoreHistory,
)
from fanzha.io.schema import PHONE_KINDS

LONG_CALL_S = 180
#: Strangers a number must have reached in a week before it is judged at all.
MIN_STRANGERS_7D = 3

KIND_ORDER = tuple(sorted(PHONE_KINDS))

NUMBER_FEATURES = (
    "out_24h",
    "new_24h",
    "new_share_24h",
    "answer_share_24h",
    "new_long_24h",
    "new_talk_mean_24h",
    "link_sms_24h",
    "rare_link_sms_24h",
    "in_share_24h",
    "new_7d",
    "repeat_share_7d",
    "new_long_7d",
    "callback_share_7d",
    "stranger_in_7d",
    "stranger_in_share_7d",
    "kind_overseas",
    "kind_voip",
    "kind_mobile",
    "kind_service",
    "age_days",
    "has_holder",
    "engaged_7d",
    "followups_7d",
    "followup_share_7d",
    "history_days",
    "co_exposed_7d",
    "co_exposed_share_7d",
    "co_talked_7d",
    "co_talked_share_7d",
    "holder_circle_7d",
    "holder_circle_share_7d",
)


@dataclass(frozen=True)
class PairFacts:
    """Per contact: is it between strangers (no contact either way for 30 days), since when
    the two have been in touch (the first contact after such a silence), and when the source's
    holder next reached the same person through another of their numbers (-1 if not within
    a week)."""

    new: Int64Array
    since: Int64Array
    other_line: Int64Array


def pair_facts(city: City) -> PairFacts:
    """Strangers are judged between people, not numbers: a resident's new SIM calling old
    friends is not reaching strangers. Numbers without a local holder stand for themselves.

    A replay sees only its own window, so a friend the old SIM last called before it looks
    like a stranger to the new one, until the old SIM calls them again: `other_line` marks
    when that happened. A rented SIM's callees are the ring's, not its holder's friends."""
    c = city.contacts
    holder = city.number_holder
    entity = np.where(holder >= 0, city.numbers.len() + holder, np.arange(holder.size))
    src, dst = entity[c.src], entity[c.dst]
    src_low = src <= dst
    lo = np.where(src_low, src, dst)
    hi = np.where(src_low, dst, src)
    events = PairEvents(lo, hi, c.ts, c.seq)
    gap = events.gap()
    new = ((gap < 0) | (gap > STRANGER_AFTER_S)).astype(np.int64)
    # The number each side used; the source's side changes number where its holder's other
    # SIM takes over (never for a number that stands for itself).
    lo_line = events.next_change(np.where(src_low, c.src, c.dst))
    hi_line = events.next_change(np.where(src_low, c.dst, c.src))
    other = np.where(src_low, lo_line, hi_line)
    other = np.where((other >= 0) & (other - c.ts <= 7 * DAY) & (src != dst), other, -1)
    return PairFacts(new=new, since=events.episode_start(new), other_line=other)


def listed_asof(
    listed: tuple[Int64Array, Int64Array], key: Int64Array, ts: Int64Array
) -> FloatArray:
    """1.0 where the value is on the known-bad list at time ts, else 0.0."""
    codes, listed_at = listed
    return ScoreHistory(codes, listed_at, np.ones(codes.size)).running_max(key, ts)


def number_features(city: City, pairs: PairFacts, follow: Followups) -> pl.DataFrame:
    """One row per evaluated outgoing contact: number code, ts and NUMBER_FEATURES.

    A number is judged when it reaches a stranger, once it has reached MIN_STRANGERS_7D of
    them in the past week: a number that talks only to people it knows is not a fraud caller.
    Known-bad lists are left to the person stage: they are late and not clean, and one
    wrongly listed telemarketer would otherwise put its thousands of callees under warning.
    The co-exposure columns are zero here: a first pass's scores give them
    (`with_co_exposure`).
    """
    c = city.contacts
    origin = city.stream_origin
    new = pairs.new.astype(np.float64)
    rare_link = rare_targets(city)[1].astype(np.float64)
    answered = (c.duration > 0).astype(np.float64)
    is_call = 1.0 - c.is_sms
    out = KeyedStream(
        c.src,
        c.ts,
        origin,
        ones=np.ones(c.ts.size),
        new=new,
        calls=is_call,
        answered=answered * is_call,
        new_long=new * (c.duration >= LONG_CALL_S),
        new_talk=new * c.duration,
        new_answered=new * answered,
        link=c.is_sms * (c.domain >= 0),
        rare_link=rare_link,
    )
    # A stranger who calls back within the week: what couriers' customers do, not victims.
    # Strangers who get in touch first: people reach a real person's number unprompted (a
    # resident's new SIM, a shop); nobody reaches a fraud line it did not contact first.
    inbound = KeyedStream(
        c.dst,
        c.ts,
        origin,
        ones=np.ones(c.ts.size),
        callback=(1.0 - new) * answered,
        stranger_in=new,
    )

    # Judge a number when it reaches a stranger: its fan-out grows.
    candidates = np.flatnonzero(new > 0)
    fanout = out.at(c.src[candidates], c.ts[candidates]).sum("new", 7 * DAY)
    # Brief unanswered contacts (a courier's hundredth call) change little: judge them only
    # when the weekly fan-out reaches a power of two.
    talked = (c.duration[candidates] >= ENGAGED_S) | (c.domain[candidates] >= 0)
    milestone = (fanout.astype(np.int64) & (fanout.astype(np.int64) - 1)) == 0
    judged = (fanout >= MIN_STRANGERS_7D) & (talked | milestone)
    rows = candidates[judged]
    key = np.concatenate((c.src[rows], follow.followup_key))
    ts = np.concatenate((c.ts[rows], follow.followup_ts))
    followed = KeyedStream(
        follow.followup_key, follow.followup_ts, origin, ones=np.ones(follow.followup_ts.size)
    )
    # Strangers it reached whom its holder's other SIM then reached too: old friends.
    known = (new > 0) & (pairs.other_line >= 0)
    circle = KeyedStream(
        c.src[known], pairs.other_line[known], origin, ones=np.ones(int(known.sum()))
    )
    engaged = KeyedStream(
        follow.engaged_key, follow.engaged_ts, origin, ones=np.ones(follow.engaged_ts.size)
    )
    engaged_7d = engaged.at(key, ts).sum("ones", 7 * DAY)
    followups_7d = followed.at(key, ts).sum("ones", 7 * DAY)
    o = out.at(key, ts)
    i = inbound.at(key, ts)
    circle_7d = circle.at(key, ts).sum("ones", 7 * DAY)
    out_24 = o.sum("ones", DAY)
    new_7d = o.sum("new", 7 * DAY)
    calls_24 = o.sum("calls", DAY)
    new_24 = o.sum("new", DAY)
    kind = city.number_kind[key]
    activated = city.number_activated[key]
    age = np.where(activated > -(2**61), (ts - activated) / DAY, -1.0)
    features = {
        "out_24h": out_24,
        "new_24h": new_24,
        "new_share_24h": new_24 / np.maximum(out_24, 1.0),
        "answer_share_24h": o.sum("answered", DAY) / np.maximum(calls_24, 1.0),
        "new_long_24h": o.sum("new_long", DAY),
        "new_talk_mean_24h": o.sum("new_talk", DAY) / np.maximum(o.sum("new_answered", DAY), 1.0),
        "link_sms_24h": o.sum("link", DAY),
        "rare_link_sms_24h": o.sum("rare_link", DAY),
        "in_share_24h": i.sum("ones", DAY) / np.maximum(out_24, 1.0),
        "new_7d": new_7d,
        "repeat_share_7d": 1.0 - new_7d / np.maximum(o.sum("ones", 7 * DAY), 1.0),
        "new_long_7d": o.sum("new_long", 7 * DAY),
        "callback_share_7d": i.sum("callback", 7 * DAY) / np.maximum(o.sum("ones", 7 * DAY), 1.0),
        "stranger_in_7d": i.sum("stranger_in", 7 * DAY),
        "stranger_in_share_7d": i.sum("stranger_in", 7 * DAY) / np.maximum(new_7d, 1.0),
        "kind_overseas": (kind == KIND_ORDER.index("overseas")).astype(np.float64),
        "kind_voip": (kind == KIND_ORDER.index("voip")).astype(np.float64),
        "kind_mobile": (kind == KIND_ORDER.index("mobile")).astype(np.float64),
        "kind_service": (kind == KIND_ORDER.index("service")).astype(np.float64),
        "age_days": age,
        "has_holder": (city.number_holder[key] >= 0).astype(np.float64),
        "engaged_7d": engaged_7d,
        "followups_7d": followups_7d,
        "followup_share_7d": followups_7d / np.maximum(engaged_7d, 1.0),
        "history_days": np.minimum((ts - city.start) / DAY, HISTORY_DAYS),
        "co_exposed_7d": np.zeros(ts.size),
        "co_exposed_share_7d": np.zeros(ts.size),
        "co_talked_7d": np.zeros(ts.size),
        "co_talked_share_7d": np.zeros(ts.size),
        "holder_circle_7d": circle_7d,
        "holder_circle_share_7d": np.minimum(circle_7d / np.maximum(new_7d, 1.0), 1.0),
    }
    return pl.DataFrame({"key": key, "ts": ts, **features})


def with_co_exposure(
    city: City, frame: pl.DataFrame, follow: Followups, co: CoExposure
) -> pl.DataFrame:
    """`number_features` rows with the co-exposure columns filled: of the people the number
    engaged in the week, how many were also in touch with other suspect numbers, and how many
    talked with one (`co`, per engaged contact of `follow`, from a first pass's scores)."""
    stream = KeyedStream(
        follow.engaged_key,
        follow.engaged_ts,
        city.stream_origin,
        co=co.any,
        talked=co.talked,
    )
    week = stream.at(frame["key"].to_numpy(), frame["ts"].to_numpy())
    co_7d, talked_7d = week.sum("co", 7 * DAY), week.sum("talked", 7 * DAY)
    engaged_7d = np.maximum(frame["engaged_7d"].to_numpy(), 1.0)
    return frame.with_columns(
        co_exposed_7d=pl.Series(co_7d),
        co_exposed_share_7d=pl.Series(co_7d / engaged_7d),
        co_talked_7d=pl.Series(talked_7d),
        co_talked_share_7d=pl.Series(talked_7d / engaged_7d),
    )

"""Numbers found by where their callees' money went: the loop from a flagged mule account back
to the line that talked its payers into paying it.

Investigators who freeze a mule card ask its payers who called them. When different people
each had a long call with the same stranger number and then, within a day, paid accounts that
are flagged as mules, the number is working victims, whatever its own calling looks like: a
ring's handler talks at length to a few people, and a line bought from a resident calls like
the resident. A courier's or sales agent's line that reaches hundreds of people also reaches,
now and then, someone who pays a mule that day; so the payers must also be a fair share of the
number's recent long calls with strangers. A short code is a bank's or carrier's own line,
calling customers about their money: never flagged this way.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.horizons import DAY
from fanzha.detect.mule_payers import paid_after, payments_to_bad
from fanzha.detect.number_features import KIND_ORDER, LONG_CALL_S
from fanzha.detect.windows import BoolArray, Int64Array, KeyedStream

#: Different payers a number needs before their payments flag it.
MIN_PAYERS = 2
#: How long after the call a payment to a flagged account still counts.
TRAIL_WINDOW_S = DAY
#: Payers in the week, as a share of the number's long stranger calls in the week.
TRAIL_SHARE = 0.1
#: The reason code of a number flagged this way (docs/reasons.md).
MONEY_TRAIL_REASON = "CALLEES_PAID_MULES"


def money_trail(
    city: City, pair_new: Int64Array, account_flags: pl.DataFrame, tills: BoolArray
) -> pl.DataFrame:
    """Numbers whose callees went on to pay flagged accounts, tills aside (`payments_to_bad`).

    `account_flags` holds key and ts of each account's flag. Each (number, payer) counts from
    the moment both the payment and its payee's flag are known. Returns key, ts (when the
    number qualified), score (1.0) and new_7d (0.0: the number's own rows carry its reach),
    one row per number, sorted by key.
    """
    c = city.contacts
    callee = city.number_holder[c.dst]
    long_call = (
        (pair_new > 0)
        & (c.is_sms == 0)
        & (c.duration >= LONG_CALL_S)
        & (callee >= 0)
        & (city.number_kind[c.src] != KIND_ORDER.index("service"))
    )
    calls = pl.DataFrame(
        {"key": c.src[long_call], "person": callee[long_call], "ets": c.ts[long_call]}
    )
    flagged = account_flags.select(pl.col("key").alias("account"), "ts")
    trail = paid_after(calls, payments_to_bad(city, flagged, tills), TRAIL_WINDOW_S)
    if trail.height == 0:
        return pl.DataFrame(
            schema={"key": pl.Int64, "ts": pl.Int64, "score": pl.Float64, "new_7d": pl.Float64}
        )
    key, known = trail["key"].to_numpy(), trail["known"].to_numpy()
    origin = city.stream_origin
    payers = KeyedStream(key, known, origin, ones=np.ones(key.size)).at(key, known)
    talked = KeyedStream(
        c.src[long_call], c.ts[long_call], origin, ones=np.ones(int(long_call.sum()))
    ).at(key, known)
    payers_7d = payers.sum("ones", 7 * DAY)
    qualified = (payers_7d >= MIN_PAYERS) & (payers_7d >= TRAIL_SHARE * talked.sum("ones", 7 * DAY))
    return (
        pl.DataFrame({"key": key[qualified], "ts": known[qualified]})
        .group_by("key")
        .agg(pl.col("ts").min())
        .sort("key")
        .with_columns(score=pl.lit(1.0), new_7d=pl.lit(0.0))
        .select(pl.col("key").cast(pl.Int64), pl.col("ts").cast(pl.Int64), "score", "new_7d")
    )

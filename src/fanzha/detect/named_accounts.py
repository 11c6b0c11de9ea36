"""Accounts that different victims name in their reports.

A ring's first-level card takes money from several of its victims, and each victim who
reports names the cards they paid. One victim may name a wrong card: their own, a shop they
also paid, a relative's. Two victims who do not know each other seldom name the same wrong
card, unless it is a till that many people pay for honest reasons (`TILL_SENDERS_7D`), or a
card that only keeps what it takes: a mule's card passes the money on. The account model sees
whether a report names an account, not how many victims do; this rule counts them.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.account_features import TILL_SENDERS_7D, new_senders
from fanzha.detect.city import City
from fanzha.detect.horizons import DAY
from fanzha.detect.windows import Int64Array

#: Different reporting victims that flag an account.
MIN_REPORTERS = 2
#: The reason code of an account flagged this way (docs/reasons.md).
NAMED_BY_VICTIMS_REASON = "NAMED_BY_VICTIMS"


def named_by_victims(city: City, new_payees: Int64Array) -> pl.DataFrame:
    """Accounts named by MIN_REPORTERS different victims that have passed money on and are not
    tills. Returns key, ts (the later of the last naming needed and the account's first
    payment out) and score (1.0), sorted by key; `new_payees` is per transfer (`new_payees`
    of detect.followups)."""
    named = city.report_account >= 0
    # A report by someone outside the register counts as its own reporter.
    reporter = np.where(
        city.report_person >= 0, city.report_person, -1 - np.arange(city.report_person.size)
    )
    reports = pl.DataFrame(
        {
            "key": city.report_account[named],
            "reporter": reporter[named],
            "ts": city.report_ts[named],
        }
    )
    enough = (
        reports.group_by("key", "reporter")
        .agg(pl.col("ts").min())
        .sort("key", "ts")
        .filter(pl.int_range(pl.len()).over("key") == MIN_REPORTERS - 1)
        .select("key", pl.col("ts").alias("named"))
    )
    t = city.transfers
    paying = t.src >= 0
    first_out = (
        pl.DataFrame({"key": t.src[paying], "paid_on": t.ts[paying]})
        .group_by("key")
        .agg(pl.col("paid_on").min())
    )
    flagged = enough.join(first_out, on="key", how="inner").select(
        "key", ts=pl.max_horizontal("named", "paid_on")
    )
    key, ts = flagged["key"].to_numpy(), flagged["ts"].to_numpy()
    till = new_senders(city, new_payees).at(key, ts).sum("new", 7 * DAY) >= TILL_SENDERS_7D
    return (
        flagged.filter(pl.Series(~till))
        .sort("key")
        .select(pl.col("key").cast(pl.Int64), pl.col("ts").cast(pl.Int64), score=pl.lit(1.0))
    )

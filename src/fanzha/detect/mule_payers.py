"""Who paid accounts known to be bad, and what they did in the day before: the loop back from a
mule account to the lines and sites that talked its payers into paying it.

Investigators who freeze a mule card ask its payers who called them and where they were sent;
the trails (`money_trail`, `site_trail`) ask the records the same.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.windows import BoolArray


def payments_to_bad(city: City, bad: pl.DataFrame, tills: BoolArray) -> pl.DataFrame:
    """Each payment by a local person into someone else's account in `bad` (account, ts: from
    when it is known bad): person, pts, and known, when both the payment and the account's
    badness are known. Payments into a till (`tills`, per transfer: `into_tills`) are left
    out: lists and victims' reports name platforms' and shops' accounts too, and their
    customers would tie every site they open and every line that calls them to a ring."""
    t = city.transfers
    # Money into no account (cash, a crypto dealer) pays nobody.
    payer = np.where((t.dst >= 0) & ~tills, city.holders(t.src), -1)
    payee = city.holders(t.dst)
    return (
        pl.DataFrame({"person": payer, "payee": payee, "account": t.dst, "pts": t.ts})
        .filter((pl.col("person") >= 0) & (pl.col("payee") != pl.col("person")))
        .join(bad, on="account")
        .select("person", "pts", known=pl.max_horizontal("pts", "ts"))
    )


def paid_after(events: pl.DataFrame, pays: pl.DataFrame, window_s: int) -> pl.DataFrame:
    """Per (key, person) of `events` (key, person, ets) that the person followed, within
    window_s, with a payment of `pays` (`payments_to_bad`): the earliest time both are known.
    Sorted by key, known and person."""
    return (
        events.join(pays, on="person")
        .filter((pl.col("pts") >= pl.col("ets")) & (pl.col("pts") <= pl.col("ets") + window_s))
        .group_by("key", "person")
        .agg(pl.col("known").min())
        .sort("key", "known", "person")
    )

"""Sites and apps found from the money back: the pages and apps a ring's victims opened before
they paid its mule accounts.

A ring sends the people it works to its own pages and apps (a fake shop, a task platform, a
loan app, a "meeting" app that shares the screen) before they pay. When different people
opened the same site or installed the same app and then, within a day, paid accounts flagged
as mules, listed or named in a victim's report, the site is the ring's, whatever else is known
of it, and the next person who opens it is being worked now. Nothing about the site itself is
needed: not a list, not the link that brought the person, not a flagged caller. A portal that
thousands open reaches, now and then, someone who pays a mule that day; so those payers must
also be a fair share of the people who opened the site that week.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.account_features import namings
from fanzha.detect.city import City
from fanzha.detect.horizons import DAY
from fanzha.detect.mule_payers import paid_after, payments_to_bad
from fanzha.detect.windows import BoolArray, Int64Array, KeyedStream, PairEvents

#: Different payers a site needs before their payments tie it to a ring.
MIN_PAYERS = 2
#: How long after opening the site a payment to a bad account still counts.
TRAIL_WINDOW_S = DAY
#: Payers in the week, as a share of the people who opened the site in the week.
TRAIL_SHARE = 0.2
#: Visitors and payers are counted over this window.
WEEK_S = 7 * DAY
#: `SiteTrail.since` of a site never tied to a ring.
NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class SiteTrail:
    """Per site code (`City.net_sites`), when it was first tied to a ring; NEVER if not."""

    since: Int64Array

    def tied_from(self, site: Int64Array, ts: Int64Array) -> Int64Array:
        """Per visit, when both the visit and its site's tie are known: the later of the two
        (NEVER for sites never tied)."""
        tied: Int64Array = np.maximum(ts, self.since[site])
        return tied


def bad_accounts(city: City, account_flags: pl.DataFrame) -> pl.DataFrame:
    """account and ts of the first time each account was flagged (`account_flags`: key, ts),
    listed or named in a victim's report."""
    key, when = namings(city)
    return (
        pl.concat(
            [
                account_flags.select(pl.col("key").alias("account"), "ts"),
                pl.DataFrame({"account": key, "ts": when}),
            ]
        )
        .group_by("account")
        .agg(pl.col("ts").min())
    )


def site_trail(city: City, account_flags: pl.DataFrame, tills: BoolArray) -> SiteTrail:
    """The sites whose visitors went on to pay bad accounts (`bad_accounts`), tills aside
    (`payments_to_bad`)."""
    net = city.net
    person = city.number_holder[net.number]
    local = person >= 0
    site, visitor, seen = city.net_sites()[local], person[local], net.ts[local]
    visits = pl.DataFrame({"key": site, "person": visitor, "ets": seen})
    pays = payments_to_bad(city, bad_accounts(city, account_flags), tills)
    trail = paid_after(visits, pays, TRAIL_WINDOW_S)
    since = np.full(city.domains.len() + city.apps.len(), NEVER, dtype=np.int64)
    if trail.height == 0:
        return SiteTrail(since)
    key, known = trail["key"].to_numpy(), trail["known"].to_numpy()
    origin = city.stream_origin
    payers = KeyedStream(key, known, origin, ones=np.ones(key.size)).at(key, known)
    # A person's first visit to the site in a week counts them once among its visitors. Only
    # the sites some payer opened are counted.
    on_trail = np.isin(site, np.unique(key))
    site, visitor, seen = site[on_trail], visitor[on_trail], seen[on_trail]
    gap = PairEvents(site, visitor, seen, np.arange(seen.size)).gap()
    first = (gap < 0) | (gap >= WEEK_S)
    visitors = KeyedStream(site[first], seen[first], origin, ones=np.ones(int(first.sum()))).at(
        key, known
    )
    payers_7d = payers.sum("ones", WEEK_S)
    tied = (payers_7d >= MIN_PAYERS) & (payers_7d >= TRAIL_SHARE * visitors.sum("ones", WEEK_S))
    np.minimum.at(since, key[tied], known[tied])
    return SiteTrail(since)

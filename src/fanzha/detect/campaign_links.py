"""Numbers tied to flagged numbers by the phishing domain they text: one campaign, many lines.

A ring sprays its links from many throwaway lines, most of which send a message or two and are
never seen again: too little behaviour to judge each line alone. The domain they advertise
ties them to the lines already flagged. A domain counts as the campaign's once at least half
of the numbers that have texted it are flagged (a link shortener or a big shop's domain, texted
by many innocent senders, never gets there), and from then on every number texting it is
flagged, as of the later of its first such text and that moment. For the persons who open it,
a domain is a known fraud site only once at least two of its lines are flagged.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.windows import Int64Array

#: Share of a domain's senders that must be flagged before the domain marks its other senders.
CAMPAIGN_SHARE = 0.5
#: Flagged lines a domain needs before it counts as a known fraud site for the persons who open
#: it. Tying a co-sender flags one number; marking a site warns every visitor, so it needs more:
#: a ring sprays from many lines, while a service's own domain (alipay.com, 10086.cn) is texted
#: by its one number, which one wrong flag would otherwise make a campaign every customer opened.
CAMPAIGN_MIN_LINES = 2
#: The reason code of a number flagged this way (docs/reasons.md).
SHARED_DOMAIN_REASON = "SHARES_LINK_DOMAIN"


def _senders(city: City, flagged: pl.DataFrame) -> pl.DataFrame:
    """Each (number, domain) it texted: its first text there, its flag ts and when it counts
    as a flagged sender of the domain (`on_domain`, null while it is not flagged)."""
    c = city.contacts
    texted = (c.is_sms == 1) & (c.domain >= 0)
    first_use = (
        pl.DataFrame({"key": c.src[texted], "domain": c.domain[texted], "ts": c.ts[texted]})
        .group_by("key", "domain")
        .agg(pl.col("ts").min().alias("first"))
    )
    return first_use.join(
        flagged.select("key", pl.col("ts").alias("flag_ts")), on="key", how="left"
    ).with_columns(
        # A sender counts as flagged for the domain from when both are known.
        on_domain=pl.when(pl.col("flag_ts").is_not_null()).then(
            pl.max_horizontal("first", "flag_ts")
        )
    )


def _marked(senders: pl.DataFrame, min_lines: int) -> pl.DataFrame:
    """domain, marked_at: when at least CAMPAIGN_SHARE of the domain's senders, and at least
    `min_lines` of them, were flagged."""
    events = pl.concat(
        [
            senders.select("domain", pl.col("first").alias("t"), sender=pl.lit(1), flag=pl.lit(0)),
            senders.filter(pl.col("on_domain").is_not_null()).select(
                "domain", pl.col("on_domain").alias("t"), sender=pl.lit(0), flag=pl.lit(1)
            ),
        ]
    )
    # Everything known in the same second counts together (the causal tie rule).
    return (
        events.group_by("domain", "t")
        .agg(pl.col("sender").sum(), pl.col("flag").sum())
        .sort("domain", "t")
        .with_columns(
            senders=pl.col("sender").cum_sum().over("domain"),
            flags=pl.col("flag").cum_sum().over("domain"),
        )
        .filter(
            (pl.col("flags") >= min_lines) & (pl.col("flags") >= CAMPAIGN_SHARE * pl.col("senders"))
        )
        .group_by("domain")
        .agg(pl.col("t").min().alias("marked_at"))
    )


def campaign_domains(city: City, flagged: pl.DataFrame) -> tuple[Int64Array, Int64Array]:
    """Domain codes that became a campaign's, and when, in the known-bad lists' shape: a
    person who opens such a link has met the campaign whatever line brought it.

    `flagged` holds key and ts of each number's flag."""
    marked = _marked(_senders(city, flagged), CAMPAIGN_MIN_LINES).sort("domain")
    codes = marked["domain"].to_numpy().astype(np.int64)
    return codes, marked["marked_at"].to_numpy().astype(np.int64)


def campaign_links(city: City, flagged: pl.DataFrame) -> pl.DataFrame:
    """Numbers that text a campaign domain before being flagged themselves.

    `flagged` holds key, ts, score and new_7d of each number's flag row. Returns key, ts (when
    the number is tied to the campaign), score and new_7d (the highest of the flagged siblings
    that marked the domain: the campaign's), one row per number, sorted by key.
    """
    senders = _senders(city, flagged).join(
        flagged.select("key", "score", "new_7d"), on="key", how="left"
    )
    marked = _marked(senders, 1)
    siblings = (
        senders.join(marked, on="domain")
        .filter(pl.col("on_domain") <= pl.col("marked_at"))
        .group_by("domain")
        .agg(pl.col("score").max(), pl.col("new_7d").max())
    )
    linked = (
        senders.join(marked, on="domain")
        .join(siblings, on="domain", suffix="_campaign")
        .with_columns(tied=pl.max_horizontal("first", "marked_at"))
        # Numbers flagged by their own behaviour first need no tie.
        .filter(pl.col("flag_ts").is_null() | (pl.col("flag_ts") > pl.col("tied")))
        .sort(
            "key",
            "tied",
            "score_campaign",
            "new_7d_campaign",
            descending=[False, False, True, True],
        )
        .unique("key", keep="first", maintain_order=True)
    )
    return linked.select(
        pl.col("key").cast(pl.Int64),
        pl.col("tied").cast(pl.Int64).alias("ts"),
        pl.col("score_campaign").cast(pl.Float64).alias("score"),
        pl.col("new_7d_campaign").cast(pl.Float64).alias("new_7d"),
    )

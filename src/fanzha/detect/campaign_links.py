"""Numbers tied to flagged numbers by the phishing domain they text: one campaign, many lines.

A ring sprays its links from many throwaway lines, most of which send a message or two and are
never seen again: too little behaviour to judge each line alone. The domain they advertise
ties them to the lines already flagged. A domain counts as the campaign's once at least half
of the numbers that have texted it are flagged (a link shortener or a big shop's domain, texted
by many innocent senders, never gets there), and from then on every number texting it is
flagged, as of the later of its first such text and that moment.
"""

from __future__ import annotations

import polars as pl

from fanzha.detect.city import City

#: Share of a domain's senders that must be flagged before the domain marks its other senders.
CAMPAIGN_SHARE = 0.5
#: The reason code of a number flagged this way (docs/reasons.md).
SHARED_DOMAIN_REASON = "SHARES_LINK_DOMAIN"


def campaign_links(city: City, flagged: pl.DataFrame) -> pl.DataFrame:
    """Numbers that text a campaign domain before being flagged themselves.

    `flagged` holds key, ts, score and new_7d of each number's flag row. Returns key, ts (when
    the number is tied to the campaign), score and new_7d (the highest of the flagged siblings
    that marked the domain: the campaign's), one row per number, sorted by key.
    """
    c = city.contacts
    texted = (c.is_sms == 1) & (c.domain >= 0)
    first_use = (
        pl.DataFrame({"key": c.src[texted], "domain": c.domain[texted], "ts": c.ts[texted]})
        .group_by("key", "domain")
        .agg(pl.col("ts").min().alias("first"))
    )
    flags = flagged.select("key", pl.col("ts").alias("flag_ts"), "score", "new_7d")
    senders = first_use.join(flags, on="key", how="left").with_columns(
        # A sender counts as flagged for the domain from when both are known.
        on_domain=pl.when(pl.col("flag_ts").is_not_null()).then(
            pl.max_horizontal("first", "flag_ts")
        )
    )
    events = pl.concat(
        [
            senders.select("domain", pl.col("first").alias("t"), sender=pl.lit(1), flag=pl.lit(0)),
            senders.filter(pl.col("on_domain").is_not_null()).select(
                "domain", pl.col("on_domain").alias("t"), sender=pl.lit(0), flag=pl.lit(1)
            ),
        ]
    )
    # Everything known in the same second counts together (the causal tie rule).
    marked = (
        events.group_by("domain", "t")
        .agg(pl.col("sender").sum(), pl.col("flag").sum())
        .sort("domain", "t")
        .with_columns(
            senders=pl.col("sender").cum_sum().over("domain"),
            flags=pl.col("flag").cum_sum().over("domain"),
        )
        .filter((pl.col("flags") >= 1) & (pl.col("flags") >= CAMPAIGN_SHARE * pl.col("senders")))
        .group_by("domain")
        .agg(pl.col("t").min().alias("marked_at"))
    )
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

"""Numbers tied to flagged numbers by the phishing domain they text: one campaign, many lines.

A ring sprays its links from many throwaway lines, most of which send a message or two and are
never seen again: too little behaviour to judge each line alone. The domain they advertise
ties them to the lines already flagged. A domain is the campaign's while at least half of the
numbers that have texted it, and at least half of its texts, come from flagged numbers. Senders
alone are not enough: a ring's many rotating lines can outnumber the few bulk senders of a
public link shortener, but not the tens of thousands of texts those send. A domain stops being
the campaign's as soon as the shares fall (a shortener's bulk senders start their day), and
every number texting it while it is one is flagged, as of the later of its first such text and
the moment the domain qualified. For the persons who open it, a domain is a known fraud site
only while at least two of its lines are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.exposure import SUSPECT_LEVEL
from fanzha.detect.windows import BoolArray, Int64Array, ScoreHistory

#: Share of a domain's senders that must be flagged before the domain marks its other senders.
CAMPAIGN_SHARE = 0.5
#: Flagged lines a domain needs before it counts as a known fraud site for the persons who open
#: it. Tying a co-sender flags one number; marking a site warns every visitor, so it needs more:
#: a ring sprays from many lines, while a service's own domain (alipay.com, 10086.cn) is texted
#: by its one number, which one wrong flag would otherwise make a campaign every customer opened.
CAMPAIGN_MIN_LINES = 2
#: Strangers in the week a line must have been judged on, and never found a suspect, for its
#: own record to outweigh a shared domain. A platform's notices and a bank's hotline text
#: thousands: one that texts a campaign's domain carries a shared shortener's links or is
#: spoofed by a fake base station, and a ring's throwaway lines have no such record.
CLEARED_STRANGERS = 50
#: The reason code of a number flagged this way (docs/reasons.md).
SHARED_DOMAIN_REASON = "SHARES_LINK_DOMAIN"
#: The end of a span that has not ended.
END_OF_TIME = 2**62


def _senders(city: City, flagged: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Each (number, domain) it texted: its first text there, its flag ts and when it counts
    as a flagged sender of the domain (`on_domain`, null while it is not flagged); and each
    text with a link: domain, t and when it counts as a flagged sender's (`flagged_at`)."""
    c = city.contacts
    texted = (c.is_sms == 1) & (c.domain >= 0)
    flag_ts = flagged.select("key", pl.col("ts").alias("flag_ts"))
    texts = pl.DataFrame(
        {"key": c.src[texted], "domain": c.domain[texted], "t": c.ts[texted]}
    ).join(flag_ts, on="key", how="left")
    first_use = texts.group_by("key", "domain").agg(pl.col("t").min().alias("first"))
    senders = first_use.join(flag_ts, on="key", how="left").with_columns(
        # A sender counts as flagged for the domain from when both are known.
        on_domain=pl.when(pl.col("flag_ts").is_not_null()).then(
            pl.max_horizontal("first", "flag_ts")
        )
    )
    return senders, texts.select(
        "domain",
        "t",
        flagged_at=pl.when(pl.col("flag_ts").is_not_null()).then(pl.max_horizontal("t", "flag_ts")),
    )


@dataclass(frozen=True)
class CampaignSpans:
    """Times during which domains were a campaign's: [start, end) per row, sorted by domain
    and start (an end of END_OF_TIME: still one)."""

    domain: Int64Array
    start: Int64Array
    end: Int64Array

    def known_from(self, domain: Int64Array, ts: Int64Array) -> Int64Array:
        """Per (domain, ts): the first moment from ts on at which the domain is a campaign's,
        -1 if never."""
        queries = pl.DataFrame(
            {
                "row": np.arange(ts.size),
                "domain": domain.astype(np.int64),
                "ts": ts.astype(np.int64),
            }
        )
        spans = pl.DataFrame({"domain": self.domain, "start": self.start, "end": self.end})
        # Spans are disjoint: the first span of the domain that ends after ts.
        found = (
            queries.with_columns(after=pl.col("ts") + 1)
            .sort("after")
            .join_asof(
                spans.sort("end"),
                left_on="after",
                right_on="end",
                by="domain",
                strategy="forward",
                # Both sides are sorted by their key: polars cannot check it within groups.
                check_sortedness=False,
            )
            .sort("row")
        )
        known = found.select(
            pl.when(pl.col("start").is_not_null())
            .then(pl.max_horizontal("ts", "start"))
            .otherwise(-1)
        )
        return known.to_series().to_numpy().astype(np.int64)


_COUNTS = ("sender", "flag", "text", "flagged_text")


def _steps(frame: pl.DataFrame, at: str, count: str) -> pl.DataFrame:
    """One step per row with a time `at`: its domain, that time, and 1 added to `count`."""
    return frame.filter(pl.col(at).is_not_null()).select(
        "domain", pl.col(at).alias("t"), **{c: pl.lit(int(c == count)) for c in _COUNTS}
    )


def _spans(senders: pl.DataFrame, texts: pl.DataFrame, min_lines: int) -> CampaignSpans:
    """When the domains qualified: at least `min_lines` flagged senders, and flagged senders
    at least CAMPAIGN_SHARE of the senders and of the texts so far."""
    events = pl.concat(
        [
            _steps(senders, "first", "sender"),
            _steps(senders, "on_domain", "flag"),
            _steps(texts, "t", "text"),
            _steps(texts, "flagged_at", "flagged_text"),
        ]
    )
    # Everything known in the same second counts together (the causal tie rule).
    steps = (
        events.group_by("domain", "t")
        .agg(pl.col(*_COUNTS).sum())
        .sort("domain", "t")
        .with_columns(pl.col(*_COUNTS).cum_sum().over("domain"))
        .with_columns(
            ok=(pl.col("flag") >= min_lines)
            & (pl.col("flag") >= CAMPAIGN_SHARE * pl.col("sender"))
            & (pl.col("flagged_text") >= CAMPAIGN_SHARE * pl.col("text")),
            next_t=pl.col("t").shift(-1).over("domain").fill_null(END_OF_TIME),
        )
        .with_columns(
            run=(pl.col("ok") != pl.col("ok").shift(1).over("domain")).fill_null(True).cum_sum()
        )
        .filter(pl.col("ok"))
        .group_by("domain", "run")
        .agg(pl.col("t").min().alias("start"), pl.col("next_t").max().alias("end"))
        .sort("domain", "start")
    )
    return CampaignSpans(
        steps["domain"].to_numpy().astype(np.int64),
        steps["start"].to_numpy().astype(np.int64),
        steps["end"].to_numpy().astype(np.int64),
    )


def campaign_domains(city: City, flagged: pl.DataFrame) -> CampaignSpans:
    """When domains were a campaign's, for the persons who open them: a person who opens such
    a link has met the campaign whatever line brought it.

    `flagged` holds key and ts of each number's flag."""
    senders, texts = _senders(city, flagged)
    return _spans(senders, texts, CAMPAIGN_MIN_LINES)


def _cleared(candidates: pl.DataFrame, judged: pl.DataFrame) -> BoolArray:
    """Per candidate (key, tied): had the number stage, by the tie, judged the line on its
    contacts with CLEARED_STRANGERS or more strangers in the week and never found it a
    suspect."""
    record = judged.filter(pl.col("key").is_in(candidates["key"].unique().implode()))
    key, ts = record["key"].to_numpy(), record["ts"].to_numpy()
    line, tied = candidates["key"].to_numpy(), candidates["tied"].to_numpy()
    top = ScoreHistory(key, ts, record["score"].to_numpy()).running_max(line, tied)
    reach = ScoreHistory(key, ts, record["new_7d"].to_numpy()).latest(line, tied)
    cleared: BoolArray = (top < SUSPECT_LEVEL) & (reach >= CLEARED_STRANGERS)
    return cleared


def campaign_links(city: City, flagged: pl.DataFrame, judged: pl.DataFrame) -> pl.DataFrame:
    """Numbers that text a campaign domain before being flagged themselves, unless their own
    record has cleared them (`_cleared`).

    `flagged` holds key, ts, score and new_7d of each number's flag row; `judged` the same
    columns of every row the number stage scored. Returns key, ts (when the number is tied to
    the campaign), score and new_7d (the highest of the flagged siblings on the domain by then:
    the campaign's), one row per number, sorted by key.
    """
    senders, texts = _senders(city, flagged)
    spans = _spans(senders, texts, 1)
    tied = spans.known_from(
        senders["domain"].to_numpy().astype(np.int64), senders["first"].to_numpy().astype(np.int64)
    )
    senders = senders.with_columns(tied=pl.Series(tied)).join(
        flagged.select("key", "score", "new_7d"), on="key", how="left"
    )
    candidates = senders.filter(
        (pl.col("tied") >= 0)
        # Numbers flagged by their own behaviour first need no tie.
        & (pl.col("flag_ts").is_null() | (pl.col("flag_ts") > pl.col("tied")))
    )
    candidates = candidates.filter(pl.Series(~_cleared(candidates, judged)))
    # The campaign's strongest flagged sibling as of each moment: running maxima per domain,
    # read as of each tie (a join of every tie with every sibling grows with their product).
    siblings = (
        senders.filter(pl.col("on_domain").is_not_null())
        .group_by("domain", pl.col("on_domain").alias("sibling_at"))
        .agg(pl.col("score").max(), pl.col("new_7d").max())
        .sort("domain", "sibling_at")
        .with_columns(pl.col("score", "new_7d").cum_max().over("domain"))
        .sort("sibling_at")
    )
    linked = (
        candidates.select("key", "domain", "tied")
        .sort("tied")
        .join_asof(
            siblings,
            left_on="tied",
            right_on="sibling_at",
            by="domain",
            strategy="backward",
            check_sortedness=False,
        )
        .filter(pl.col("score").is_not_null())
        .sort("key", "tied", "score", "new_7d", descending=[False, False, True, True])
        .unique("key", keep="first", maintain_order=True)
    )
    return linked.select(
        pl.col("key").cast(pl.Int64),
        pl.col("tied").cast(pl.Int64).alias("ts"),
        pl.col("score").cast(pl.Float64),
        pl.col("new_7d").cast(pl.Float64),
    )

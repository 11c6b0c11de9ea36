"""`fanzha ceiling`: how far a city's labels let a warning go, as a reference for the engine.

An engine learns a ring's numbers, sites and apps from their behaviour, and late. This
reference knows them all from the first second (labels/numbers, domains and apps) and warns
each resident at the first moment they engaged the ring in a given way. No engine can know
what it knows, so where even it cannot reach a goal by some kind of engagement, no detector of
that engagement will: what remains must come from how victims and look-alikes differ in what
else they do. Scored as `fanzha score` scores warnings (precision over warned persons,
pre-loss recall strictly before first_loss_ts). It reads labels, so it is never an engine mode.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import polars as pl

from fanzha.detect.horizons import ENGAGED_S
from fanzha.detect.person_features import LONG_TALK_S
from fanzha.detect.score_usecase import Ratio, read_output
from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError, Problem

#: The rule whose reach a replay is compared with, and typologies are broken down by.
ENGAGED = "engaged"

RULES: dict[str, str] = {
    "touched": "any call or text with a ring number, or a ring site or app opened",
    "talked_or_opened": f"an answered talk of {ENGAGED_S} s or more, or a ring site or app",
    "opened_twice": "a second visit or install of ring sites and apps",
    "talked_long": f"{LONG_TALK_S} s of talk with ring numbers in all",
    "talked_and_opened": f"both a talk of {ENGAGED_S} s or more and a ring site or app",
    ENGAGED: "the first of opened_twice, talked_long and talked_and_opened",
}


@dataclass(frozen=True)
class RuleReach:
    rule: str
    meaning: str
    precision: Ratio
    pre_loss_recall: Ratio


@dataclass(frozen=True)
class TypeReach:
    scam_type: str
    losers: int
    engaged_before_loss: int


@dataclass(frozen=True)
class AgainstReplay:
    """Losers reached before their loss by the `engaged` rule and by a replay's warnings."""

    both: int
    ceiling_only: int
    replay_only: int
    neither: int


@dataclass(frozen=True)
class Ceiling:
    rules: list[RuleReach]
    typologies: list[TypeReach]
    replay: AgainstReplay | None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _ring_moments(data: Dataset) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(contacts, sites) of residents with the ring: person, ts and seconds of each call or
    text with a labelled number (0 s for texts and unanswered calls); person and ts of each
    visit to a labelled domain or install of a labelled app."""
    holders = data.table("phones").select("number", person="holder_person_id").drop_nulls()
    ring = data.label("numbers")["number"].implode()
    calls = data.table("calls").select(
        "ts", "caller", "callee", seconds=pl.col("duration_s").cast(pl.Int64)
    )
    texts = data.table("sms").select(
        "ts", caller="sender", callee="receiver", seconds=pl.lit(0, dtype=pl.Int64)
    )
    both_ways = pl.concat(
        frame.select("ts", "seconds", ring_side=ring_side, resident=resident)
        for frame in (calls, texts)
        for ring_side, resident in (("caller", "callee"), ("callee", "caller"))
    )
    contacts = (
        both_ways.filter(pl.col("ring_side").is_in(ring))
        .join(holders, left_on="resident", right_on="number")
        .select("person", "ts", "seconds")
    )
    domains = data.label("domains")["value"].implode()
    apps = data.label("apps")["value"].implode()
    net = data.table("net")
    opened = ((pl.col("kind") == "url_visit") & pl.col("target").is_in(domains)) | (
        (pl.col("kind") == "app_install") & pl.col("target").is_in(apps)
    )
    sites = net.filter(opened).join(holders, on="number").select("person", "ts")
    return contacts, sites


def _nth(frame: pl.DataFrame, n: int) -> pl.DataFrame:
    """Per person, the ts of their n-th row (persons with fewer are left out)."""
    return (
        frame.sort("person", "ts")
        .group_by("person", maintain_order=True)
        .agg(pl.col("ts").get(n - 1, null_on_oob=True))
        .drop_nulls()
    )


def rule_moments(contacts: pl.DataFrame, sites: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Per rule: person and the first ts at which the person met it."""
    talks = contacts.filter(pl.col("seconds") >= ENGAGED_S).select("person", "ts")
    first_talk, first_site = _nth(talks, 1), _nth(sites, 1)
    talked_long = (
        contacts.sort("person", "ts")
        .with_columns(total=pl.col("seconds").cum_sum().over("person"))
        .filter(pl.col("total") >= LONG_TALK_S)
        .group_by("person")
        .agg(pl.col("ts").min())
    )
    talked_and_opened = first_talk.join(first_site, on="person", suffix="_site").select(
        "person", ts=pl.max_horizontal("ts", "ts_site")
    )
    opened_twice = _nth(sites, 2)
    parts = {
        "touched": pl.concat([contacts.select("person", "ts"), sites]),
        "talked_or_opened": pl.concat([talks, sites]),
        "opened_twice": opened_twice,
        "talked_long": talked_long,
        "talked_and_opened": talked_and_opened,
        ENGAGED: pl.concat([opened_twice, talked_long, talked_and_opened]),
    }
    return {rule: frame.group_by("person").agg(pl.col("ts").min()) for rule, frame in parts.items()}


def _reached(losers: pl.DataFrame, first: pl.DataFrame, person_column: str) -> pl.Series:
    """Per loser (in `losers` order): reached (`first` ts) strictly before the first loss."""
    joined = losers.join(first, left_on="person_id", right_on=person_column, how="left")
    return (joined["ts"] < joined["first_loss_ts"]).fill_null(False)


def _reach(
    moments: pl.DataFrame, targets: pl.DataFrame, losers: pl.DataFrame
) -> tuple[Ratio, Ratio]:
    """(precision, pre-loss recall) of warning each person at their moment."""
    true = int(moments["person"].is_in(targets["person_id"].implode()).sum())
    before = int(_reached(losers, moments, "person").sum())
    return Ratio(true, moments.height), Ratio(before, losers.height)


def ceiling(dataset: Path, out: Path | None = None) -> Ceiling:
    """Each rule's reach on DATASET; with OUT, the `engaged` rule against the replay there."""
    data = Dataset(dataset)
    if not data.has_labels():
        raise DatasetError([Problem("labels/", 0, "", f"{dataset} has no labels to read")])
    targets = data.label("targets")
    losers = targets.filter(pl.col("first_loss_ts").is_not_null())
    moments = rule_moments(*_ring_moments(data))
    rules = [
        RuleReach(rule, RULES[rule], *_reach(moments[rule], targets, losers)) for rule in RULES
    ]
    engaged = losers.with_columns(reached=_reached(losers, moments[ENGAGED], "person"))
    by_type = (
        engaged.group_by("scam_type")
        .agg(pl.len().alias("losers"), pl.col("reached").sum())
        .sort("scam_type")
    )
    typologies = [TypeReach(str(t), int(n), int(r)) for t, n, r in by_type.iter_rows()]
    replay = None
    if out is not None:
        warned = read_output(out, "warnings").group_by("person_id").agg(pl.col("ts").min())
        ours = _reached(losers, warned, "person_id")
        theirs = engaged["reached"]
        replay = AgainstReplay(
            both=int((ours & theirs).sum()),
            ceiling_only=int((theirs & ~ours).sum()),
            replay_only=int((ours & ~theirs).sum()),
            neither=int((~ours & ~theirs).sum()),
        )
    return Ceiling(rules, typologies, replay)

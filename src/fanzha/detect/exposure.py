"""How much a person has been talking with suspect numbers lately, judged as of a given time.

A contact made before a number was found out still counts once it is: the MIIT practice of
warning everyone who was in touch with a case number. The number's suspicion is taken as of
the query time, never later, so the result stays causal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.horizons import ENGAGED_S
from fanzha.detect.windows import FloatArray, Int64Array, ScoreHistory

EXPOSURE_WINDOW_S = 72 * 3600
#: Queries answered at a time by `exposure_at`.
EXPOSURE_QUERY_SLICE = 1 << 17
#: Suspicion from which a number counts as a suspect; the flag threshold marks flagged ones.
SUSPECT_LEVEL = 0.3


@dataclass(frozen=True)
class Suspicion:
    """Scores a stage gave entities over time. The level of an entity at t is its running max.
    With `revised`, a later judgement below SUSPECT_LEVEL clears it: a new SIM that looked
    like a ring line on its first calls is cleared once its owner's friends call it, and
    contacts with it stop counting. A ring line whose score only wavers near the flag stays
    at its highest (on the validation cities, no ring line flagged fell below 0.38 later;
    the resident SIMs wrongly flagged fell to about 0).
    """

    key: Int64Array
    ts: Int64Array
    score: FloatArray
    revised: bool = False

    @cached_property
    def history(self) -> ScoreHistory:
        """Sorted once: a Suspicion is asked as of many times by the stages after it."""
        return ScoreHistory(self.key, self.ts, self.score)

    def asof(self, key: Int64Array, ts: Int64Array) -> FloatArray:
        top = self.history.running_max(key, ts)
        if not self.revised:
            return top
        latest = self.history.latest(key, ts)
        cleared: FloatArray = np.where(latest < SUSPECT_LEVEL, latest, top)
        return cleared

    def ever_at_least(self, level: float, size: int) -> npt.NDArray[np.bool_]:
        """Per entity code: did its score reach `level` at any time."""
        top = np.zeros(size, dtype=np.float64)
        np.maximum.at(top, self.key, self.score)
        return top >= level


def suspect_contacts(city: City, numbers: Suspicion) -> pl.DataFrame:
    """Contacts between a local person and a number that is a suspect at some point.

    Filtering on "at some point" is only a shortcut: every use checks the level as of its own
    time, so the rows kept give the same answers as keeping all contacts.
    """
    c = city.contacts
    suspect = numbers.ever_at_least(SUSPECT_LEVEL, city.numbers.len())
    frames = []
    for person_side, other_side, outgoing in ((c.dst, c.src, 0.0), (c.src, c.dst, 1.0)):
        person = city.number_holder[person_side]
        keep = (person >= 0) & suspect[other_side]
        frames.append(
            pl.DataFrame(
                {
                    "person": person[keep],
                    "number": other_side[keep],
                    "cts": c.ts[keep],
                    "talk": c.duration[keep].astype(np.float64),
                    "text": c.is_sms[keep].astype(np.float64),
                    "outgoing": np.full(int(keep.sum()), outgoing),
                    "local": (city.number_holder[other_side[keep]] >= 0).astype(np.float64),
                }
            )
        )
    return pl.concat(frames)


#: The columns `exposure_at` returns, in order.
EXPOSURE_FEATURES = (
    "exp_flag_talk",
    "exp_flag_n",
    "exp_suspect_talk",
    "exp_suspect_n",
    "exp_suspect_numbers",
    "exp_suspect_most",
    "exp_suspect_texts",
    "exp_max",
    "exp_flag_reach",
    "exp_flag_outgoing_n",
    "exp_flag_local_n",
    "exp_flag_recent_s",
    "exp_suspect_recent_s",
)


def exposure_at(
    contacts: pl.DataFrame,
    numbers: Suspicion,
    flag_level: float,
    person: Int64Array,
    ts: Int64Array,
    *,
    reach: Suspicion | None = None,
) -> dict[str, FloatArray]:
    """Per query (person, ts): talk seconds and contacts with suspect and flagged numbers in
    the past 72 h, the highest suspicion among them, all as of ts, and (with `reach`, the
    numbers' fan-out to strangers) how narrowly the least broad flagged contact casts: a
    flagged number that calls thousands is weaker evidence about each of them. Contacts the
    person made themselves count apart: friends call each other, rings mostly call out; so do
    flagged numbers with a local real-name holder (a resident's new SIM calling friends looks
    like a ring line early in a replay; rings mostly call from numbers nobody here holds)."""
    n = person.size
    out = {name: np.zeros(n, dtype=np.float64) for name in EXPOSURE_FEATURES}
    # No contact in the window reads as a contact the whole window ago.
    out["exp_flag_recent_s"][:] = EXPOSURE_WINDOW_S
    out["exp_suspect_recent_s"][:] = EXPOSURE_WINDOW_S
    if n == 0 or contacts.height == 0:
        return out
    # In slices of queries: each query is answered alone, and a busy suspect line's contacts
    # joined with every moment of the people it reached would be the replay's peak of memory.
    for start in range(0, n, EXPOSURE_QUERY_SLICE):
        part = slice(start, start + EXPOSURE_QUERY_SLICE)
        agg = _exposure_slice(
            contacts, numbers, flag_level=flag_level, person=person[part], ts=ts[part], reach=reach
        )
        qid = agg["qid"].to_numpy() + start
        for name in EXPOSURE_FEATURES:
            out[name][qid] = agg[name].to_numpy()
    return out


def _exposure_slice(
    contacts: pl.DataFrame,
    numbers: Suspicion,
    *,
    flag_level: float,
    person: Int64Array,
    ts: Int64Array,
    reach: Suspicion | None,
) -> pl.DataFrame:
    """`exposure_at` for some queries: qid (0-based in the slice) and EXPOSURE_FEATURES of
    those with any contact in the window."""
    queries = pl.DataFrame(
        {"qid": np.arange(person.size, dtype=np.int64), "person": person, "ts": ts}
    )
    joined = queries.join(contacts, on="person", how="inner").filter(
        (pl.col("cts") <= pl.col("ts")) & (pl.col("cts") > pl.col("ts") - EXPOSURE_WINDOW_S)
    )
    if joined.height == 0:
        return pl.DataFrame(
            schema={"qid": pl.Int64, **dict.fromkeys(EXPOSURE_FEATURES, pl.Float64)}
        )
    level = numbers.asof(joined["number"].to_numpy(), joined["ts"].to_numpy())
    breadth = (
        reach.asof(joined["number"].to_numpy(), joined["ts"].to_numpy())
        if reach is not None
        else np.zeros(joined.height)
    )
    joined = joined.with_columns(
        reach=pl.Series(np.log1p(breadth)),
        level=pl.Series(level),
        flagged=pl.Series(level >= flag_level).cast(pl.Float64),
        suspect=pl.Series(level >= SUSPECT_LEVEL).cast(pl.Float64),
    )
    agg = joined.group_by("qid").agg(
        (pl.col("talk") * pl.col("flagged")).sum().alias("exp_flag_talk"),
        pl.col("flagged").sum().alias("exp_flag_n"),
        (pl.col("flagged") * pl.col("outgoing")).sum().alias("exp_flag_outgoing_n"),
        (pl.col("flagged") * pl.col("local")).sum().alias("exp_flag_local_n"),
        _since(pl.col("flagged")).alias("exp_flag_recent_s"),
        _since(pl.col("suspect")).alias("exp_suspect_recent_s"),
        (pl.col("talk") * pl.col("suspect")).sum().alias("exp_suspect_talk"),
        pl.col("suspect").sum().alias("exp_suspect_n"),
        # A ring sprays texts; a ring working a victim talks: how much of it was only texts.
        (pl.col("text") * pl.col("suspect")).sum().alias("exp_suspect_texts"),
        # Rings work a victim from several lines; a sprayed number comes alone.
        pl.col("number")
        .filter(pl.col("suspect") > 0)
        .n_unique()
        .cast(pl.Float64)
        .alias("exp_suspect_numbers"),
        # Only suspects count, as the contacts list holds every number that is a suspect at
        # any time: a lower level here would depend on the future.
        (pl.col("level") * pl.col("suspect")).max().alias("exp_max"),
        pl.col("reach").filter(pl.col("flagged") > 0).min().fill_null(0.0).alias("exp_flag_reach"),
    )
    # A sprayed number touches a person once; a ring working a victim comes back.
    most = (
        joined.filter(pl.col("suspect") > 0)
        .group_by("qid", "number")
        .len()
        .group_by("qid")
        .agg(pl.col("len").max().cast(pl.Float64).alias("exp_suspect_most"))
    )
    agg = agg.join(most, on="qid", how="left").with_columns(
        pl.col("exp_suspect_most").fill_null(0.0)
    )
    return agg


def _since(mask: pl.Expr) -> pl.Expr:
    """Seconds from the latest contact matching `mask` to the query (the window if none)."""
    age = (pl.col("ts") - pl.col("cts")).cast(pl.Float64)
    return age.filter(mask > 0).min().fill_null(float(EXPOSURE_WINDOW_S))


@dataclass(frozen=True)
class CoExposure:
    """Per engaged contact (number, person, ts), from a first pass's scores: was the person
    in touch with another suspect number in the 72 h before (`any`), and did they talk with
    one for at least ENGAGED_S (`talked`). Rings work a victim from several numbers, which
    ties a fresh ring number to its known siblings; but a ring that sprays a city touches
    nearly everyone once, and only a victim stays on the line with it."""

    any: FloatArray
    talked: FloatArray


def co_exposed(
    contacts: pl.DataFrame,
    numbers: Suspicion,
    number: Int64Array,
    person: Int64Array,
    ts: Int64Array,
) -> CoExposure:
    """`CoExposure` of each engaged contact (number, person, ts)."""
    out = CoExposure(np.zeros(number.size), np.zeros(number.size))
    if number.size == 0 or contacts.height == 0:
        return out
    queries = pl.DataFrame(
        {
            "qid": np.arange(number.size, dtype=np.int64),
            "person": person,
            "ts": ts,
            "own": number,
        }
    )
    joined = queries.join(contacts.select("person", "number", "cts", "talk"), on="person").filter(
        (pl.col("cts") <= pl.col("ts"))
        & (pl.col("cts") > pl.col("ts") - EXPOSURE_WINDOW_S)
        & (pl.col("number") != pl.col("own"))
    )
    if joined.height == 0:
        return out
    suspect = numbers.asof(joined["number"].to_numpy(), joined["ts"].to_numpy()) >= SUSPECT_LEVEL
    qid = joined["qid"].to_numpy()
    out.any[qid[suspect]] = 1.0
    out.talked[qid[suspect & (joined["talk"].to_numpy() >= ENGAGED_S)]] = 1.0
    return out

"""The detection engine: from a coded city to flags and warnings, in causal stages.

Stages run in dependency order, each a pure function of the inputs and the earlier stages'
time-stamped scores (always read "as of" the moment being judged):
numbers (two passes, the second sees whether the people a number engaged were also worked by
other suspect numbers) -> numbers tied to flagged ones by the phishing domain they text ->
exposure of persons -> accounts (ACCOUNT_PASSES passes, each sees money arriving from
accounts the pass before found suspect) -> numbers whose callees then paid flagged accounts ->
persons -> warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.account_features import UPSTREAM_FEATURES, AccountFlows, into_tills
from fanzha.detect.campaign_links import SHARED_DOMAIN_REASON, campaign_domains, campaign_links
from fanzha.detect.city import City
from fanzha.detect.exposure import (
    SUSPECT_LEVEL,
    CoExposure,
    Suspicion,
    co_exposed,
    exposure_at,
    suspect_contacts,
)
from fanzha.detect.followups import Followups, followups, new_payees
from fanzha.detect.money_trail import MONEY_TRAIL_REASON, money_trail
from fanzha.detect.named_accounts import NAMED_BY_VICTIMS_REASON, named_by_victims
from fanzha.detect.number_features import (
    PairFacts,
    number_features,
    pair_facts,
    with_co_exposure,
)
from fanzha.detect.person_features import person_features
from fanzha.detect.reasons import (
    ACCOUNT_REASONS,
    NUMBER_REASONS,
    PERSON_REASONS,
    first_crossing,
    reason_codes,
)
from fanzha.detect.scoring_model import DetectModel, StageModel
from fanzha.detect.site_trail import site_trail
from fanzha.detect.warning_policy import TierPolicy, select_warnings
from fanzha.detect.windows import BoolArray, FloatArray, Int64Array

Progress = Callable[[str], None]
#: Account passes: victims' payees, then each hop the money takes after them. Chains of two
#: or three relays before the cash-out account are common; five passes reach a cash-out
#: four hops from the victim, and later passes cost little (AccountFlows).
ACCOUNT_PASSES = 5


@dataclass(frozen=True)
class Decisions:
    """What a replay writes (typed frames of the output tables)."""

    warnings: pl.DataFrame
    flagged_numbers: pl.DataFrame
    flagged_accounts: pl.DataFrame


@dataclass
class StageFrames:
    """What decisions need of the scored stages: the rows where each number was first
    published and each account first flagged (features kept for the reasons) and every
    scored person moment. The bulk of number and account rows is let go as soon as their
    time-stamped scores are taken."""

    number_published: pl.DataFrame
    number_links: pl.DataFrame
    number_trail: pl.DataFrame
    account_flags: pl.DataFrame
    named_accounts: pl.DataFrame
    persons: pl.DataFrame


def scored_by(frame: pl.DataFrame, stage: StageModel) -> pl.DataFrame:
    return frame.with_columns(score=pl.Series(stage.predict(frame), dtype=pl.Float64))


def suspicion_of(frame: pl.DataFrame, *, revised: bool = False) -> Suspicion:
    return Suspicion(
        frame["key"].to_numpy(), frame["ts"].to_numpy(), frame["score"].to_numpy(), revised
    )


def sender_exposure(
    city: City, contacts: pl.DataFrame, numbers: Suspicion, flag_level: float
) -> FloatArray:
    """Per transfer: talk seconds plus contacts of the paying person with suspect numbers."""
    t = city.transfers
    payer = city.holders(t.src)
    rows = np.flatnonzero(payer >= 0)
    exposure = exposure_at(contacts, numbers, flag_level, payer[rows], t.ts[rows])
    out = np.zeros(t.ts.size)
    out[rows] = exposure["exp_suspect_talk"] + exposure["exp_suspect_n"]
    return out


@dataclass(frozen=True)
class Basics:
    """Per-event facts every stage shares: strangers, new payees, callees' follow-ups, and
    which transfers paid a till (both trails leave those out)."""

    pairs: PairFacts
    new_payees: Int64Array
    follow: Followups
    tills: BoolArray


def basics_of(city: City) -> Basics:
    pairs = pair_facts(city)
    payees = new_payees(city)
    return Basics(pairs, payees, followups(city, pairs.new, payees), into_tills(city, payees))


@dataclass(frozen=True)
class Exposure:
    """Suspect contacts of local persons, and each transfer's payer exposure."""

    contacts: pl.DataFrame
    per_transfer: FloatArray


def co_exposure(city: City, basics: Basics, numbers_first: pl.DataFrame) -> CoExposure:
    """Per engaged contact: was the person also in touch with other suspects (first pass)."""
    level = suspicion_of(numbers_first)
    f = basics.follow
    return co_exposed(
        suspect_contacts(city, level), level, f.engaged_key, f.engaged_person, f.engaged_ts
    )


def with_campaign_links(
    city: City, numbers: pl.DataFrame, number_flags: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The numbers' scored rows (key, ts, score, new_7d) with the rows of numbers tied to
    the flagged ones (`flags` of those rows) by a campaign domain added, and those tie rows
    alone."""
    scored = numbers.select("key", "ts", "score", "new_7d")
    linked = campaign_links(city, number_flags, scored)
    return pl.concat([scored, linked]).sort("key", "ts", "score"), linked


def suspect_rows(numbers: pl.DataFrame) -> pl.DataFrame:
    """The scored rows of the numbers that are a suspect at some time. The stages after the
    numbers read a number's suspicion only against SUSPECT_LEVEL and the flag level above
    it, so the other numbers (nearly all of them: residents') answer as if never scored, and
    their rows need not be held through the account stage."""
    key = numbers["key"].to_numpy()
    ever = suspicion_of(numbers).ever_at_least(SUSPECT_LEVEL, int(key.max(initial=-1)) + 1)
    return numbers.filter(pl.Series(ever[key]))


def exposure_stage(city: City, numbers: pl.DataFrame, number_threshold: float) -> Exposure:
    """For the account stage, a payer's contacts count with the worst their numbers were ever
    judged by then: money sent after such contact is what mules receive."""
    level = suspicion_of(numbers)
    contacts = suspect_contacts(city, level)
    return Exposure(contacts, sender_exposure(city, contacts, level, number_threshold))


@dataclass(frozen=True)
class TrailedNumbers:
    """The numbers' scored rows with those of the numbers the money trail found, those rows
    alone, and the suspect contacts of persons with the trail's numbers among them."""

    rows: pl.DataFrame
    trail: pl.DataFrame
    contacts: pl.DataFrame


def money_trail_stage(
    city: City,
    basics: Basics,
    numbers: pl.DataFrame,
    account_flags: pl.DataFrame,
    contacts: pl.DataFrame,
) -> TrailedNumbers:
    """`numbers` (key, ts, score, new_7d), `account_flags` and the suspect `contacts` the
    account stage used, with the numbers whose callees paid flagged accounts added."""
    trail = money_trail(city, basics.pairs.new, account_flags, basics.tills)
    if trail.height == 0:
        return TrailedNumbers(numbers, trail, contacts)
    rows = pl.concat([numbers.select(trail.columns), trail]).sort("key", "ts", "score")
    return TrailedNumbers(rows, trail, suspect_contacts(city, suspicion_of(rows)))


def person_stage(
    city: City,
    *,
    basics: Basics,
    numbers: pl.DataFrame,
    accounts: pl.DataFrame,
    account_flags: pl.DataFrame,
    contacts: pl.DataFrame,
    number_threshold: float,
    account_threshold: float,
) -> pl.DataFrame:
    flagged = flags(numbers, number_threshold)
    number_flags = flagged.select(pl.col("key").alias("number"), "ts")
    return person_features(
        city,
        pairs=basics.pairs,
        # A person is judged by what is believed of their contacts now: a number cleared by
        # later evidence (a new SIM whose friends start calling it) stops counting against
        # them, though its flag, an event already sent, stands.
        numbers=suspicion_of(numbers, revised=True),
        reach=Suspicion(
            numbers["key"].to_numpy(), numbers["ts"].to_numpy(), numbers["new_7d"].to_numpy()
        ),
        number_flag_level=number_threshold,
        accounts=suspicion_of(accounts),
        account_flag_level=account_threshold,
        contacts=contacts,
        number_flags=number_flags,
        campaign=campaign_domains(city, flagged),
        sites=site_trail(city, account_flags, basics.tills),
        new_payees=basics.new_payees,
    )


def account_passes(city: City, per_transfer: FloatArray, stage: StageModel) -> pl.DataFrame:
    """Scored account rows of the last of ACCOUNT_PASSES passes. Each pass sees money arriving
    from accounts the pass before found suspect, so a mule chain is found hop by hop: the
    first-level account from its victims, the next from the first, and so on."""
    flows = AccountFlows(city, per_transfer)
    frame = flows.rows(None)
    score = stage.predict(frame)
    for _ in range(ACCOUNT_PASSES - 1):
        before = PassScores(frame, score)
        del frame  # one pass's rows at a time: they are the stage's bulk
        frame = flows.rows(before.suspicion())
        score = before.rescored(frame, stage)
    return frame.with_columns(score=pl.Series(score, dtype=pl.Float64))


def upstream_evidence(frame: pl.DataFrame) -> FloatArray:
    """Per account row, the features a pass derives from the pass before (one column each)."""
    evidence: FloatArray = frame.select(UPSTREAM_FEATURES).to_numpy()
    return evidence


class PassScores:
    """What the next account pass needs of one: each row's score and the upstream evidence it
    was scored on, in row order. Rows judged again on the same evidence keep their score, so
    only rows near newly suspect accounts are scored again. `frame` is a pass's rows
    (`AccountFlows.rows`) and `score` theirs, in the frame's order."""

    def __init__(self, frame: pl.DataFrame, score: FloatArray) -> None:
        row = frame["row"].to_numpy()
        order = np.argsort(row, kind="stable")
        self.row = row[order]
        self.evidence = upstream_evidence(frame)[order]
        self.score = score[order]
        self.key = frame["key"].to_numpy()[order]
        self.ts = frame["ts"].to_numpy()[order]

    def suspicion(self) -> Suspicion:
        return Suspicion(self.key, self.ts, self.score)

    def rescored(self, frame: pl.DataFrame, stage: StageModel) -> FloatArray:
        row = frame["row"].to_numpy()
        score = np.zeros(row.size)
        same = np.zeros(row.size, dtype=bool)
        if self.row.size:
            at = np.clip(np.searchsorted(self.row, row), 0, self.row.size - 1)
            same = (self.row[at] == row) & (self.evidence[at] == upstream_evidence(frame)).all(1)
            score[same] = self.score[at[same]]
        fresh = ~same
        if fresh.any():
            score[fresh] = stage.predict(frame.filter(pl.Series(fresh)))
        return score


def evaluate(city: City, model: DetectModel, progress: Progress) -> StageFrames:
    """Compute and score every stage's rows."""
    progress("numbers")
    basics = basics_of(city)
    moments = number_features(city, basics.pairs, basics.follow)
    co = co_exposure(city, basics, scored_by(moments, model.number).select("key", "ts", "score"))
    numbers = scored_by(with_co_exposure(city, moments, basics.follow, co), model.number)
    del moments
    number_flags = flags(numbers, model.number.threshold)
    number_published = flags(numbers, model.number_publish)
    numbers, number_links = with_campaign_links(city, numbers, number_flags)
    numbers = suspect_rows(numbers)
    progress("exposure")
    exposure = exposure_stage(city, numbers, model.number.threshold)
    progress("accounts")
    accounts = account_passes(city, exposure.per_transfer, model.account)
    account_flags = flags(accounts, model.account.threshold)
    accounts = accounts.select("key", "ts", "score")
    trailed = money_trail_stage(city, basics, numbers, account_flags, exposure.contacts)
    del exposure, numbers
    progress("persons")
    persons = person_stage(
        city,
        basics=basics,
        numbers=trailed.rows,
        accounts=accounts,
        account_flags=account_flags,
        contacts=trailed.contacts,
        number_threshold=model.number.threshold,
        account_threshold=model.account.threshold,
    )
    return StageFrames(
        number_published,
        number_links,
        trailed.trail,
        account_flags,
        named_by_victims(city, basics.new_payees),
        scored_by(persons, model.person),
    )


def flags(scored: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """The first row at which each entity's score reached the threshold; between rows of the
    same second and score, the first in candidate order (the `row` column of account rows,
    whose frame is not in that order; else the frame's own)."""
    rows = first_crossing(
        scored["key"].to_numpy(),
        scored["ts"].to_numpy(),
        scored["score"].to_numpy(),
        threshold,
        scored["row"].to_numpy() if "row" in scored.columns else None,
    )
    return scored[rows]


def _explained(stage: StageModel, rows: pl.DataFrame, names: dict[str, str]) -> list[str]:
    """The reason codes of each of the stage's scored rows."""
    if rows.height == 0:
        return []
    values = rows.select(stage.features).to_numpy()
    return reason_codes(stage.contributions(rows), values, stage.features, names)


def _flag_table(
    first: pl.DataFrame,
    stage: StageModel,
    names: dict[str, str],
    vocabulary: pl.Series,
    id_column: str,
) -> pl.DataFrame:
    """The output table of the rows where each entity was first flagged (`flags`)."""
    reasons = _explained(stage, first, names)
    return pl.DataFrame(
        {
            id_column: vocabulary.gather(first["key"].to_numpy()),
            "ts": first["ts"],
            "score": first["score"],
            "reasons": pl.Series(reasons, dtype=pl.String),
        }
    ).sort("ts", id_column)


def _tie_table(
    ties: pl.DataFrame, reason: str, vocabulary: pl.Series, id_column: str = "number"
) -> pl.DataFrame:
    """Flags found by a rule (key, ts, score), all for the one reason."""
    return pl.DataFrame(
        {
            id_column: vocabulary.gather(ties["key"].to_numpy()),
            "ts": ties["ts"],
            "score": ties["score"],
            "reasons": pl.Series([reason] * ties.height, dtype=pl.String),
        }
    )


def decide(city: City, model: DetectModel, frames: StageFrames) -> Decisions:
    """Turn scored rows into the output tables."""
    persons = frames.persons
    policy = TierPolicy(model.person.threshold, model.tier2, model.tier1)
    candidates = persons.filter(pl.col("score") >= policy.threshold)
    amount = (
        np.expm1(candidates["row_amount"].to_numpy()) * candidates["row_is_transfer"].to_numpy()
    )
    tier = policy.tiers(candidates["score"].to_numpy(), amount)
    sent = select_warnings(
        candidates["key"].to_numpy(),
        candidates["ts"].to_numpy(),
        tier,
        candidates["score"].to_numpy(),
    )
    chosen = candidates[sent]
    reasons = _explained(model.person, chosen, PERSON_REASONS)
    warnings = (
        pl.DataFrame(
            {
                "ts": chosen["ts"],
                "person_id": city.persons.gather(chosen["key"].to_numpy()),
                "tier": pl.Series(tier[sent]).cast(pl.String),
                "score": chosen["score"],
                "reasons": pl.Series(reasons, dtype=pl.String),
            }
        )
        .sort("ts", "person_id", "tier")
        .with_columns(
            warning_id=pl.format("W{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(8))
        )
    )
    return Decisions(
        warnings=warnings,
        flagged_numbers=pl.concat(
            [
                _flag_table(
                    frames.number_published, model.number, NUMBER_REASONS, city.numbers, "number"
                ),
                _tie_table(frames.number_links, SHARED_DOMAIN_REASON, city.numbers),
                _tie_table(frames.number_trail, MONEY_TRAIL_REASON, city.numbers),
            ]
        )
        # A number tied to a campaign or a money trail before its own behaviour reached the
        # publish level is listed once, then.
        .sort("ts", "number", maintain_order=True)
        .unique("number", keep="first", maintain_order=True),
        flagged_accounts=pl.concat(
            [
                _flag_table(
                    frames.account_flags,
                    model.account,
                    ACCOUNT_REASONS,
                    city.accounts,
                    "account_id",
                ),
                _tie_table(
                    frames.named_accounts, NAMED_BY_VICTIMS_REASON, city.accounts, "account_id"
                ),
            ]
        )
        # An account the model flagged first keeps its flag and reasons.
        .sort("ts", "account_id", maintain_order=True)
        .unique("account_id", keep="first", maintain_order=True),
    )


def run_engine(city: City, model: DetectModel, progress: Progress) -> Decisions:
    return decide(city, model, evaluate(city, model, progress))

"""`fanzha train`: fit the number, account and person models on labelled cities.

Each stage is fitted city-fold by city-fold: every city is scored by a model that never saw
it, and those out-of-fold scores both feed the next stage (so it learns to trust upstream
suspicion only as much as it deserves on unseen cities) and choose the decision thresholds.
The shipped models are then fitted on all cities. Every fit is a bag of boosters with
different seeds (BAG). Fixed seeds, one thread, deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np
import numpy.typing as npt
import polars as pl

from fanzha.detect.account_features import ACCOUNT_FEATURES, AccountFlows
from fanzha.detect.city import City, load_city, without_registry_dates
from fanzha.detect.engine import (
    ACCOUNT_PASSES,
    Basics,
    Exposure,
    TrailedNumbers,
    basics_of,
    co_exposure,
    exposure_stage,
    flags,
    money_trail_stage,
    person_stage,
    suspicion_of,
    with_campaign_links,
)
from fanzha.detect.exposure import Suspicion
from fanzha.detect.number_features import NUMBER_FEATURES, number_features, with_co_exposure
from fanzha.detect.outcome_labels import OutcomeRows
from fanzha.detect.person_features import PERSON_FEATURES
from fanzha.detect.scoring_model import DetectModel, StageModel
from fanzha.detect.windows import BoolArray, FloatArray, Int64Array
from fanzha.io.dataset import Dataset

SEED = 20260301
#: Boosters per fit, seeds SEED, SEED + 1, ...: models trained with one booster on the same
#: cities and another seed flagged two to four times as many innocents at their thresholds.
BAG = 3
#: Entity precision the account and person thresholds aim for on out-of-fold cities: above
#: the 99% goal, as unseen cities differ more from the training ones than the folds do
#: from each other.
TARGET_PRECISION = 0.995
#: The level from which a number weighs as a fraud caller on the people it reaches aims
#: lower. Out of fold its innocents come from fold models weaker than the shipped one: at a
#: cut of 0.93 the forty-one-city candidate's folds flagged 2.5 innocent numbers per city of
#: our simulator, the nineteenth revision's 51-city model 1.1 per unseen city of it. Aimed at
#: 98 % out of fold, a ring's victims are warned earlier once its lines are known
#: (docs/benchmarks.md, "The twenty-first revision"). Lines are published from the
#: TARGET_PRECISION level (DetectModel.number_publish).
NUMBER_TARGET_PRECISION = 0.98
MAX_NEGATIVES_PER_POSITIVE = 30
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 12,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.9,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "seed": SEED,
    "verbose": -1,
}
ROUNDS = 80
#: Each training city is read with a share of each kind's registry dates left out (numbers'
#: activation, accounts' opening), drawn per city and kind: the format lets carriers and banks
#: leave them empty, some feeds give none for whole kinds (virtual or overseas numbers), and
#: the models must not depend on an age a city does not report.
DATE_GAP_SHARES = (0.0, 0.0, 0.1, 0.5, 1.0)
#: The person model decides at the very top of its scale (99% precision), where more rounds
#: still separate grooming from look-alikes on out-of-fold cities.
PERSON_ROUNDS = 200

#: Person moments with a trace of a ring (a suspect contact, a campaign's link, a listed value,
#: a suspect payee) are the look-alikes the person model must tell from victims: all of them are
#: kept for training, so its threshold does not hinge on which ones a random draw kept. Only
#: moments without any trace are sampled.
SUSPICION_TRACES = (
    "exp_suspect_n",
    "campaign_links_72h",
    "trail_sites_72h",
    "listed_contacts_72h",
    "listed_link_texts_72h",
    "listed_domain_visits_72h",
    "listed_apps_72h",
    "payee_suspect_amount_72h",
    "payee_bad_amount_72h",
)


@dataclass
class LabelledCity:
    name: str
    city: City
    basics: Basics
    fraud_numbers: BoolArray  # per number code
    mules: BoolArray  # per account code
    target_contact: FloatArray  # per person code: first_contact_ts, inf for non-targets


def _mask(vocabulary: pl.Series, truth: pl.Series) -> BoolArray:
    return vocabulary.is_in(truth.implode()).to_numpy()


def date_gaps(kind: Int64Array, rng: np.random.Generator) -> BoolArray:
    """Per entity of the given kinds (-1 unknown): is its registry date left out."""
    share = rng.choice(DATE_GAP_SHARES, size=int(kind.max(initial=0)) + 2)
    gaps: BoolArray = rng.random(kind.size) < share[kind]
    return gaps


def load_labelled(path: Path, gap_seed: int | None = None) -> LabelledCity:
    """A labelled city; with `gap_seed`, read with registry dates left out (DATE_GAP_SHARES)."""
    data = Dataset(path)
    city = load_city(data)
    if gap_seed is not None:
        rng = np.random.default_rng([SEED, gap_seed])
        city = without_registry_dates(
            city,
            numbers=date_gaps(city.number_kind, rng),
            accounts=date_gaps(city.account_kind, rng),
        )
    targets = data.label("targets")
    contact = np.full(city.persons.len(), np.inf)
    codes = np.searchsorted(city.persons.to_numpy(), targets["person_id"].to_numpy())
    contact[codes] = targets["first_contact_ts"].to_numpy()
    return LabelledCity(
        name=str(path),
        city=city,
        basics=basics_of(city),
        fraud_numbers=_mask(city.numbers, data.label("numbers")["number"]),
        mules=_mask(city.accounts, data.label("accounts")["account_id"]),
        target_contact=contact,
    )


def _sample(y: BoolArray, rng: np.random.Generator, always: BoolArray) -> npt.NDArray[np.int64]:
    """Every positive and every `always` row, and at most a cap of the other negatives."""
    kept = np.flatnonzero(y | always)
    others = np.flatnonzero(~y & ~always)
    cap = max(MAX_NEGATIVES_PER_POSITIVE * max(int(y.sum()), 1), 50_000)
    if others.size > cap:
        others = np.sort(rng.choice(others, cap, replace=False))
    return np.sort(np.concatenate((kept, others))).astype(np.int64)


def _fit(
    frames: list[pl.DataFrame],
    ys: list[BoolArray],
    features: tuple[str, ...],
    rounds: int = ROUNDS,
    traces: tuple[str, ...] = (),
) -> tuple[lgb.Booster, ...]:
    """A bag of BAG boosters, each on each frame's positives and a sample of its negatives
    drawn with its own seed; negatives with any of the `traces` features nonzero are all
    kept."""
    return tuple(
        _fit_one(frames, ys, features, rounds=rounds, traces=traces, seed=SEED + k)
        for k in range(BAG)
    )


def _fit_one(
    frames: list[pl.DataFrame],
    ys: list[BoolArray],
    features: tuple[str, ...],
    *,
    rounds: int,
    traces: tuple[str, ...],
    seed: int,
) -> lgb.Booster:
    rng = np.random.default_rng(seed)
    xs, ts = [], []
    for frame, y in zip(frames, ys, strict=True):
        always = np.zeros(y.size, dtype=bool)
        for name in traces:
            always |= frame[name].to_numpy() != 0
        rows = _sample(y, rng, always)
        xs.append(frame[rows].select(features).to_numpy().astype(np.float64))
        ts.append(y[rows])
    data = lgb.Dataset(
        np.concatenate(xs),
        np.concatenate(ts).astype(np.float64),
        feature_name=list(features),
        free_raw_data=True,
    )
    xs.clear()  # the one matrix the Dataset holds is enough
    return lgb.train({**PARAMS, "seed": seed}, data, num_boost_round=rounds)


def _predict(
    boosters: tuple[lgb.Booster, ...], frame: pl.DataFrame, features: tuple[str, ...]
) -> FloatArray:
    return StageModel(features, boosters, threshold=1.0).predict(frame)


def _out_of_fold(
    frames: list[pl.DataFrame],
    ys: list[BoolArray],
    features: tuple[str, ...],
    rounds: int = ROUNDS,
    traces: tuple[str, ...] = (),
) -> list[pl.DataFrame]:
    """Each city scored by a model fitted on the cities of the other folds (one fit per fold,
    not per city: the cities of a fold share the same training set)."""
    folds = min(len(frames), 4)
    boosters = []
    for fold in range(folds):
        others = [j for j in range(len(frames)) if j % folds != fold]
        boosters.append(
            _fit([frames[j] for j in others], [ys[j] for j in others], features, rounds, traces)
        )
    return [
        frame.with_columns(score=pl.Series(_predict(boosters[i % folds], frame, features)))
        for i, frame in enumerate(frames)
    ]


def _entity_threshold(
    scored: list[pl.DataFrame], truth: list[BoolArray], target: float = TARGET_PRECISION
) -> tuple[float, dict[str, float]]:
    """Lowest score at which entity-level precision (max score per entity) still reaches the
    target on out-of-fold cities, and the precision and recall it gives there."""
    tops, labels = [], []
    total_true = 0
    for frame, is_bad in zip(scored, truth, strict=True):
        top = frame.group_by("key").agg(pl.col("score").max())
        tops.append(top["score"].to_numpy())
        labels.append(is_bad[top["key"].to_numpy()])
        total_true += int(is_bad.sum())
    score = np.concatenate(tops)
    label = np.concatenate(labels)
    order = np.argsort(-score, kind="stable")
    ranked = score[order]
    hits = np.cumsum(label[order])
    precision = hits / np.arange(1, order.size + 1)
    # Every entity scoring at least the threshold is flagged: a cut may only fall after the
    # last of a run of equal scores (boosters give whole groups the same score).
    last_of_tie = np.r_[ranked[1:] < ranked[:-1], True]
    ok = np.flatnonzero((precision >= target) & last_of_tie)
    if ok.size == 0:
        return 1.0, {"precision": 0.0, "recall": 0.0}
    k = int(ok[-1])
    threshold = float(ranked[k])
    return threshold, {
        "precision": float(precision[k]),
        "recall": float(hits[k] / max(total_true, 1)),
    }


@dataclass
class _Fitted:
    """One stage's shipped bag of boosters, its threshold, and its out-of-fold fit there."""

    boosters: tuple[lgb.Booster, ...]
    threshold: float
    fit: dict[str, float]


@dataclass
class _FittedNumbers(_Fitted):
    """The number stage also has the level from which it publishes a line, and its fit."""

    publish: float
    publish_fit: dict[str, float]


def _number_stage(cities: list[LabelledCity]) -> tuple[_FittedNumbers, list[pl.DataFrame]]:
    """Two passes as the engine runs them; returns the out-of-fold rows with campaign ties."""
    n1 = [number_features(c.city, c.basics.pairs, c.basics.follow) for c in cities]
    ys = [c.fraud_numbers[f["key"].to_numpy()] for c, f in zip(cities, n1, strict=True)]
    n1_oof = _out_of_fold(n1, ys, NUMBER_FEATURES)
    frames = [
        with_co_exposure(c.city, f, c.basics.follow, co_exposure(c.city, c.basics, o))
        for c, f, o in zip(cities, n1, n1_oof, strict=True)
    ]
    del n1, n1_oof
    oof = _out_of_fold(frames, ys, NUMBER_FEATURES)
    truth = [c.fraud_numbers for c in cities]
    threshold, fit = _entity_threshold(oof, truth, NUMBER_TARGET_PRECISION)
    publish, publish_fit = _entity_threshold(oof, truth, TARGET_PRECISION)
    fitted = _FittedNumbers(_fit(frames, ys, NUMBER_FEATURES), threshold, fit, publish, publish_fit)
    linked = [
        with_campaign_links(c.city, f, flags(f, threshold))[0]
        for c, f in zip(cities, oof, strict=True)
    ]
    return fitted, linked


def _account_stage(
    cities: list[LabelledCity], exposures: list[Exposure]
) -> tuple[_Fitted, list[pl.DataFrame]]:
    """Pass by pass as the engine runs them: each sees the suspicion the pass before found
    out of fold; the shipped bag is the one fitted on the last pass."""
    flows = [AccountFlows(c.city, e.per_transfer) for c, e in zip(cities, exposures, strict=True)]
    upstream: list[Suspicion | None] = [None] * len(cities)
    frames: list[pl.DataFrame] = []
    oof: list[pl.DataFrame] = []
    for _ in range(ACCOUNT_PASSES):
        # One pass's rows at a time, as in the replay: they are the stage's bulk.
        frames.clear()
        oof.clear()
        # In candidate-row order, which the negative subsampling draws from (the replay's
        # passes keep the bulk of their rows first, unsorted, to save a copy).
        frames = [f.rows(u).sort("row") for f, u in zip(flows, upstream, strict=True)]
        ys = [c.mules[f["key"].to_numpy()] for c, f in zip(cities, frames, strict=True)]
        oof = _out_of_fold(frames, ys, ACCOUNT_FEATURES)
        upstream = [suspicion_of(f) for f in oof]
    threshold, fit = _entity_threshold(oof, [c.mules for c in cities])
    return _Fitted(_fit(frames, ys, ACCOUNT_FEATURES), threshold, fit), oof


def _person_stage(
    cities: list[LabelledCity],
    *,
    numbers: list[TrailedNumbers],
    accounts: list[pl.DataFrame],
    account_flags: list[pl.DataFrame],
    thresholds: tuple[float, float],
    outcomes: OutcomeRows,
) -> _Fitted:
    """Fitted on the out-of-fold number and account rows, and their stages' thresholds."""
    frames, ys = [], []
    for c, n, a, af in zip(cities, numbers, accounts, account_flags, strict=True):
        f = person_stage(
            c.city,
            basics=c.basics,
            numbers=n.rows,
            accounts=a,
            account_flags=af,
            contacts=n.contacts,
            number_threshold=thresholds[0],
            account_threshold=thresholds[1],
        )
        contact = c.target_contact[f["key"].to_numpy()]
        ts = f["ts"].to_numpy()
        is_target = np.isfinite(contact)
        # A target's moments before the scam began are neither fraud nor clean: left out.
        keep = ~is_target | (ts >= contact)
        frames.append(f.filter(pl.Series(keep)))
        ys.append((is_target & (ts >= contact))[keep])
    oof = _out_of_fold(frames, ys, PERSON_FEATURES, PERSON_ROUNDS, SUSPICION_TRACES)
    truth = [np.isfinite(c.target_contact) for c in cities]
    threshold, fit = _entity_threshold(oof, truth)
    boosters = _fit(
        [*frames, *outcomes.frames],
        [*ys, *outcomes.labels],
        PERSON_FEATURES,
        PERSON_ROUNDS,
        SUSPICION_TRACES,
    )
    return _Fitted(boosters, threshold, fit)


def train(
    datasets: list[Path],
    out: Path,
    progress: Callable[[str], None] = lambda _: None,
    outcomes: OutcomeRows | None = None,
) -> DetectModel:
    """Fit a DetectModel on labelled DATASETS (at least two) and save it to OUT. `outcomes`
    (person moments labelled by recorded warning outcomes) join the final person fit."""
    if len(datasets) < 2:
        raise ValueError("train needs at least two labelled datasets (out-of-fold thresholds)")
    cities = []
    for i, path in enumerate(datasets):
        progress(f"reading {path}")
        cities.append(load_labelled(path, gap_seed=i))

    progress("numbers")
    number, numbers = _number_stage(cities)
    progress("accounts")
    exposures = [
        exposure_stage(c.city, f, number.threshold) for c, f in zip(cities, numbers, strict=True)
    ]
    account, accounts = _account_stage(cities, exposures)
    # The later stages read only when accounts were flagged and how suspect they were over
    # time, as the replay keeps them: the features go, and with them most of the stage's memory.
    account_flags = [flags(a, account.threshold).select("key", "ts") for a in accounts]
    accounts = [a.select("key", "ts", "score") for a in accounts]
    trailed = [
        money_trail_stage(c.city, c.basics, n, af, e.contacts)
        for c, n, af, e in zip(cities, numbers, account_flags, exposures, strict=True)
    ]
    del numbers, exposures
    progress("persons")
    person = _person_stage(
        cities,
        numbers=trailed,
        accounts=accounts,
        account_flags=account_flags,
        thresholds=(number.threshold, account.threshold),
        outcomes=outcomes or OutcomeRows(),
    )
    p_thr = person.threshold

    model = DetectModel(
        number=StageModel(NUMBER_FEATURES, number.boosters, number.threshold),
        account=StageModel(ACCOUNT_FEATURES, account.boosters, account.threshold),
        person=StageModel(PERSON_FEATURES, person.boosters, p_thr),
        tier2=p_thr + (1.0 - p_thr) * 0.5,
        tier1=p_thr + (1.0 - p_thr) * 0.9,
        number_publish=number.publish,
        notes={
            "datasets": [Path(d).name for d in datasets],
            "out_of_fold": {
                "number": number.fit,
                "number_published": number.publish_fit,
                "account": account.fit,
                "person": person.fit,
            },
            "rounds": {"number": ROUNDS, "account": ROUNDS, "person": PERSON_ROUNDS},
            "bag": BAG,
            "params": PARAMS,
        },
    )
    model.save(out)
    return model

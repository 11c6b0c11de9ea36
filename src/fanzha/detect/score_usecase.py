"""`fanzha score`: a replay's outputs against the labels, exactly as DATASET.md defines it.

- Warning precision: share of warned persons who are targets. Recall: share of targets warned.
  Pre-loss recall: share of targets with a loss whose first warning came strictly before
  first_loss_ts (a warning in the same second cannot have stopped the payment).
- Number and account flags: precision and recall against labels/numbers and labels/accounts.
- Interception (where the replay wrote stop_requests.csv): fanzha.trace.interception, the
  format's rule of victim money held over victim losses, and innocent holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import TABLES
from fanzha.io.table_reader import read_table
from fanzha.trace.interception import InterceptionScore, score_interception


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True)
class TypologyScore:
    scam_type: str
    targets: int
    warned: Ratio
    losers: int
    warned_before_loss: Ratio


@dataclass(frozen=True)
class Score:
    warning_precision: Ratio
    warning_recall: Ratio
    pre_loss_recall: Ratio
    number_precision: Ratio
    number_recall: Ratio
    account_precision: Ratio
    account_recall: Ratio
    warnings_by_tier: dict[str, int]
    typologies: list[TypologyScore] = field(default_factory=list)
    account_recall_by_role: dict[str, Ratio] = field(default_factory=dict)
    interception: InterceptionScore | None = None  # where the replay wrote stop requests

    def headline(self) -> dict[str, float]:
        stops = self.interception
        money = (
            {}
            if stops is None
            else {
                "interception": stops.interception,
                "innocent_hold_share": stops.innocent_share,
            }
        )
        return money | {
            "warning_precision": self.warning_precision.value,
            "warning_recall": self.warning_recall.value,
            "pre_loss_recall": self.pre_loss_recall.value,
            "number_precision": self.number_precision.value,
            "number_recall": self.number_recall.value,
            "account_precision": self.account_precision.value,
            "account_recall": self.account_recall.value,
        }

    def to_json(self) -> dict[str, object]:
        raw = asdict(self)
        raw["headline"] = self.headline()
        return raw


def read_output(out: Path, name: str) -> pl.DataFrame:
    spec = TABLES[name]
    if not (out / spec.file).exists():
        raise DatasetError([Problem(spec.file, 0, "", f"missing in {out}: replay writes it")])
    return read_table(out, spec)


def _precision_recall(flagged: pl.Series, truth: pl.Series) -> tuple[Ratio, Ratio]:
    flagged_set = flagged.unique()
    hits = int(flagged_set.is_in(truth.implode()).sum())
    return Ratio(hits, flagged_set.len()), Ratio(hits, truth.n_unique())


def score_outputs(dataset: Path, out: Path) -> Score:
    """Score the outputs in OUT against DATASET's labels/."""
    data = Dataset(dataset)
    if not data.has_labels():
        raise DatasetError([Problem("labels/", 0, "", f"{dataset} has no labels to score with")])
    targets = data.label("targets")
    warnings = read_output(out, "warnings")
    numbers = read_output(out, "flagged_numbers")
    accounts = read_output(out, "flagged_accounts")
    mules = data.label("accounts")

    first_warning = warnings.group_by("person_id").agg(pl.col("ts").min().alias("warned_ts"))
    joined = targets.join(first_warning, on="person_id", how="left").with_columns(
        warned=pl.col("warned_ts").is_not_null(),
        lost=pl.col("first_loss_ts").is_not_null(),
        before=(pl.col("warned_ts") < pl.col("first_loss_ts")).fill_null(False),
    )
    warned_targets = int(first_warning["person_id"].is_in(targets["person_id"].implode()).sum())
    number_p, number_r = _precision_recall(numbers["number"], data.label("numbers")["number"])
    account_p, account_r = _precision_recall(accounts["account_id"], mules["account_id"])
    by_type = (
        joined.group_by("scam_type")
        .agg(
            pl.len().alias("targets"),
            pl.col("warned").sum().alias("warned"),
            pl.col("lost").sum().alias("losers"),
            (pl.col("before") & pl.col("lost")).sum().alias("before"),
        )
        .sort("scam_type")
    )
    flagged_mules = mules.with_columns(
        flagged=pl.col("account_id").is_in(accounts["account_id"].implode())
    )
    by_role = flagged_mules.group_by("role").agg(pl.col("flagged").sum(), pl.len()).sort("role")
    losers = int(joined["lost"].sum())
    interception = None
    if (out / TABLES["stop_requests"].file).exists():
        interception = score_interception(
            data.table("transfers"),
            data.label("losses")["event_id"],
            read_output(out, "stop_requests"),
            mules["account_id"],
        )
    tiers = warnings["tier"].value_counts().sort("tier")
    return Score(
        warning_precision=Ratio(warned_targets, first_warning.height),
        warning_recall=Ratio(warned_targets, targets.height),
        pre_loss_recall=Ratio(int((joined["before"] & joined["lost"]).sum()), losers),
        number_precision=number_p,
        number_recall=number_r,
        account_precision=account_p,
        account_recall=account_r,
        warnings_by_tier={str(k): int(v) for k, v in tiers.iter_rows()},
        typologies=[
            TypologyScore(
                scam_type=str(row["scam_type"]),
                targets=int(row["targets"]),
                warned=Ratio(int(row["warned"]), int(row["targets"])),
                losers=int(row["losers"]),
                warned_before_loss=Ratio(int(row["before"]), int(row["losers"])),
            )
            for row in by_type.iter_rows(named=True)
        ],
        account_recall_by_role={
            str(role): Ratio(int(hit), int(total)) for role, hit, total in by_role.iter_rows()
        },
        interception=interception,
    )

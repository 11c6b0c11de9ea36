"""Interception of the replay planner against the blacklist-only reference, on labelled
cities, per scam typology: the figures of docs/tracing.md.

Per typology, only the losses of that typology's victims count as victim money (money of other
victims is treated as any other money) and only the requests of their reports are counted.
The planner's requests are planned here without account flags, or are the ones a replay wrote
(`replay`: its output directory, with the engine's flags).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.io.schema import TABLES
from fanzha.io.table_reader import read_table
from fanzha.stoppay.replay_planner import (
    PlannerSettings,
    plan_reference_stop_requests,
    plan_stop_requests,
)
from fanzha.trace.interception import score_interception


def compare_planners(
    city: Path, settings: PlannerSettings, replay: Path | None = None
) -> list[dict[str, object]]:
    """One row per (typology, planner): losses, held, interception, requests, innocent holds."""
    data = Dataset(city)
    transfers, reports, accounts = (data.table(t) for t in ("transfers", "reports", "accounts"))
    targets = data.label("targets").select("person_id", "scam_type")
    mules = data.label("accounts")["account_id"]
    holder = accounts.select(pl.col("account_id").alias("from_account"), "holder_person_id")
    losses = (
        transfers.filter(pl.col("event_id").is_in(data.label("losses")["event_id"].implode()))
        .join(holder, on="from_account", how="left")
        .join(targets, left_on="holder_person_id", right_on="person_id", how="left")
        .with_columns(pl.col("scam_type").fill_null("unknown"))
    )
    report_type = reports.join(targets, on="person_id", how="left").select(
        "report_id", pl.col("scam_type").fill_null("not a target")
    )
    traced = (
        plan_stop_requests(transfers, reports, accounts, settings=settings)
        if replay is None
        else read_table(replay, TABLES["stop_requests"])
    )
    plans = {
        "trace" if replay is None else "replay": traced,
        "reference": plan_reference_stop_requests(reports, accounts),
    }
    rows: list[dict[str, object]] = []
    for typology in ["all", *sorted(losses["scam_type"].unique().to_list())]:
        chosen = losses if typology == "all" else losses.filter(pl.col("scam_type") == typology)
        case_ids = report_type.filter(
            pl.lit(typology == "all") | (pl.col("scam_type") == typology)
        )["report_id"]
        for name, plan in plans.items():
            score = score_interception(transfers, chosen["event_id"], plan, mules)
            own = plan.filter(pl.col("report_id").is_in(case_ids.implode()))
            innocent = own.filter(~pl.col("account_id").is_in(mules.implode()))
            rows.append(
                {
                    "city": city.name,
                    "typology": typology,
                    "planner": name,
                    "loss ¥": f"{score.victim_loss_fen / 100:,.0f}",
                    "held ¥": f"{score.held_fen / 100:,.0f}",
                    "held %": round(100 * score.interception, 2),
                    "requests": own.height,
                    "innocent": innocent.height,
                    "innocent %": round(100 * innocent.height / max(own.height, 1), 2),
                }
            )
    return rows

"""`fanzha investigate holders|hubs|cashout DATASET`: the views the centre asks for, over the
traces of every report: who holds many of the cards the money passed through (断卡), which
accounts most victims' money passes through, and where and how it is cashed out."""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.trace.fund_flow import flow_edges
from fanzha.trace.ledger_index import NO_ACCOUNT, build_index
from fanzha.trace.report_payments import report_payments
from fanzha.trace.tracer import TraceOptions, Tracer, TraceSeed


def report_flows(dataset: Dataset, options: TraceOptions) -> pl.DataFrame:
    """Every report's traced flows: report_id, event_id, ts, from_account, to_account, tainted,
    hop, channel, end. Reports with no payment in the ledger add nothing."""
    transfers, accounts = dataset.table("transfers"), dataset.table("accounts")
    reports = dataset.table("reports")
    index = build_index(transfers, accounts)
    paid = report_payments(transfers, reports, accounts)
    own = accounts.select(
        "holder_person_id", pl.Series("code", index.codes(accounts["account_id"]))
    )
    parts: list[pl.DataFrame] = []
    for (report_id,), seeds in paid.partition_by("report_id", as_dict=True).items():
        person = reports.filter(pl.col("report_id") == report_id)["person_id"].item()
        victim = own.filter(pl.col("holder_person_id") == person)["code"].to_numpy()
        tracer = Tracer(
            index, options, returned_to=frozenset(victim[victim != NO_ACCOUNT].tolist())
        )
        trace = tracer.run(
            TraceSeed(seeds["row"].to_numpy().astype(np.int64), seeds["amount"].to_numpy())
        )
        parts.append(
            flow_edges(index, trace.flows).drop("amount").with_columns(report_id=pl.lit(report_id))
        )
    if not parts:
        return (
            flow_edges(index, _EMPTY_FLOWS)
            .drop("amount")
            .with_columns(report_id=pl.lit("", pl.String))
        )
    return pl.concat(parts).sort("report_id", "ts", "event_id")


_EMPTY_FLOWS = pl.DataFrame(
    schema={
        "row": pl.Int64,
        "ts": pl.Int64,
        "src": pl.Int32,
        "dst": pl.Int32,
        "amount": pl.Int64,
        "tainted": pl.Int64,
        "hop": pl.Int64,
        "end": pl.String,
    }
)


def _reached(flows: pl.DataFrame) -> pl.DataFrame:
    """Accounts that received traced money, per report (money back with the victim left out)."""
    return flows.filter(
        pl.col("to_account").is_not_null() & (pl.col("end").fill_null("") != "victim")
    )


def _holder_districts(dataset: Dataset) -> pl.DataFrame:
    """holder_person_id, district of every local person, to join on an account's holder."""
    return dataset.table("persons").select(
        pl.col("person_id").alias("holder_person_id"), "district"
    )


def hubs_view(dataset: Dataset, flows: pl.DataFrame) -> pl.DataFrame:
    """Accounts ranked by how many reports' money passed through them."""
    accounts = dataset.table("accounts")
    return (
        _reached(flows)
        .group_by(pl.col("to_account").alias("account_id"))
        .agg(
            pl.col("report_id").n_unique().alias("reports"),
            pl.col("tainted").sum().alias("traced_fen"),
            pl.col("hop").min().alias("min_hop"),
            pl.col("ts").min().alias("first_ts"),
        )
        .join(
            accounts.select("account_id", "kind", "bank", "holder_person_id"),
            on="account_id",
            how="left",
        )
        .sort(["reports", "traced_fen", "account_id"], descending=[True, True, False])
    )


def holders_view(dataset: Dataset, flows: pl.DataFrame) -> pl.DataFrame:
    """Local people whose cards carried victims' money, ranked by the number of such cards."""
    accounts = dataset.table("accounts")
    held = accounts.group_by("holder_person_id").agg(pl.len().alias("accounts_held"))
    return (
        _reached(flows)
        .join(
            accounts.select("account_id", "holder_person_id", "bank"),
            left_on="to_account",
            right_on="account_id",
        )
        .filter(pl.col("holder_person_id").is_not_null())
        .group_by("holder_person_id")
        .agg(
            pl.col("to_account").n_unique().alias("cards_used"),
            pl.col("report_id").n_unique().alias("reports"),
            pl.col("tainted").sum().alias("traced_fen"),
            pl.col("bank").unique().sort().str.join(";").alias("banks"),
        )
        .join(held, on="holder_person_id", how="left")
        .join(_holder_districts(dataset), on="holder_person_id", how="left")
        .sort(
            ["cards_used", "reports", "traced_fen", "holder_person_id"],
            descending=[True, True, True, False],
        )
    )


def cashout_view(dataset: Dataset, flows: pl.DataFrame) -> pl.DataFrame:
    """Where traced money left the banks: by channel, the cash-out account's bank and the
    holder's district (outside = held outside the area)."""
    accounts = dataset.table("accounts")
    return (
        flows.filter(pl.col("end") == "cashout")
        .join(
            accounts.select("account_id", "bank", "holder_person_id"),
            left_on="from_account",
            right_on="account_id",
            how="left",
        )
        .join(_holder_districts(dataset), on="holder_person_id", how="left")
        .with_columns(pl.col("district").fill_null("outside"))
        .group_by("channel", "bank", "district")
        .agg(
            pl.len().alias("transfers"),
            pl.col("report_id").n_unique().alias("reports"),
            pl.col("from_account").n_unique().alias("accounts"),
            pl.col("tainted").sum().alias("traced_fen"),
        )
        .sort(["traced_fen", "channel", "bank", "district"], descending=[True, False, False, False])
    )

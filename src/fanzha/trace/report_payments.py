"""The money a report is about: the reporter's own transfers to the accounts the report names,
and the ones the report's claim says it left out.

These transfers seed a case's trace. Only payments in the `lookback_s` before the report count,
so a request at report time depends on nothing after it.
"""

from __future__ import annotations

import polars as pl

LOOKBACK_S = 30 * 86_400

_PAYMENT_COLUMNS = ("report_id", "report_ts", "row", "ts", "to_account", "amount")


def report_payments(
    transfers: pl.DataFrame,
    reports: pl.DataFrame,
    accounts: pl.DataFrame,
    lookback_s: int = LOOKBACK_S,
) -> pl.DataFrame:
    """report_id, report_ts, row (transfer row), ts, to_account, amount; sorted by report, row."""
    named = (
        reports.select("report_id", "paid_to")
        .explode("paid_to")
        .rename({"paid_to": "to_account"})
        .unique(["report_id", "to_account"], maintain_order=True)
    )
    return (
        _victim_payments(transfers, reports, accounts, lookback_s)
        .join(named, on=["report_id", "to_account"])
        .select(_PAYMENT_COLUMNS)
        .sort("report_id", "row")
    )


def unnamed_payments(
    transfers: pl.DataFrame,
    reports: pl.DataFrame,
    accounts: pl.DataFrame,
    lookback_s: int = LOOKBACK_S,
) -> pl.DataFrame:
    """The reporter's other payments in the lookback, where the claim exceeds what the ledger
    shows paid to the named accounts: victims often name one card of several they paid.

    Columns as `report_payments` plus `unexplained` (claim minus the named payments, fen).
    Only payments to someone else's account, not to an account the report names; whether one
    was part of the fraud is for the planner to judge from how the payee moves money.
    """
    named = (
        reports.select("report_id", "paid_to")
        .explode("paid_to")
        .rename({"paid_to": "to_account"})
        .drop_nulls()
        .with_columns(pl.lit(True).alias("is_named"))
        .unique(["report_id", "to_account"])
    )
    own = accounts.select(pl.col("account_id").alias("to_account"), "holder_person_id")
    paid = _victim_payments(transfers, reports, accounts, lookback_s).join(
        named, on=["report_id", "to_account"], how="left"
    )
    shown = (
        paid.filter(pl.col("is_named").is_not_null())
        .group_by("report_id")
        .agg(pl.col("amount").sum().alias("named_paid"))
    )
    unexplained = (
        reports.select("report_id", "person_id", "claimed_amount")
        .join(shown, on="report_id", how="left")
        .select(
            "report_id",
            "person_id",
            (pl.col("claimed_amount") - pl.col("named_paid").fill_null(0)).alias("unexplained"),
        )
        .filter(pl.col("unexplained") > 0)
    )
    return (
        paid.filter(pl.col("is_named").is_null() & pl.col("to_account").is_not_null())
        .join(unexplained, on="report_id")
        .join(own, on="to_account", how="left")
        .filter(
            pl.col("holder_person_id").is_null()
            | (pl.col("holder_person_id") != pl.col("person_id"))
        )
        .select(*_PAYMENT_COLUMNS, "unexplained")
        .sort("report_id", "row")
    )


def _victim_payments(
    transfers: pl.DataFrame, reports: pl.DataFrame, accounts: pl.DataFrame, lookback_s: int
) -> pl.DataFrame:
    """Every transfer out of a reporter's own accounts in the lookback before the report."""
    own = accounts.select(
        pl.col("holder_person_id").alias("person_id"), pl.col("account_id").alias("from_account")
    ).drop_nulls()
    paid = transfers.with_row_index("row").select(
        pl.col("row").cast(pl.Int64), "ts", "from_account", "to_account", "amount"
    )
    return (
        reports.select("report_id", pl.col("ts").alias("report_ts"), "person_id")
        .join(own, on="person_id")
        .join(paid, on="from_account")
        .filter(
            (pl.col("ts") <= pl.col("report_ts"))
            & (pl.col("ts") > pl.col("report_ts") - lookback_s)
        )
    )

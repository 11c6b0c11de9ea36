"""The money a report is about: the reporter's own transfers to the accounts the report names.

These transfers seed a case's trace. Only payments in the `lookback_s` before the report count,
so a request at report time depends on nothing after it.
"""

from __future__ import annotations

import polars as pl

LOOKBACK_S = 30 * 86_400


def report_payments(
    transfers: pl.DataFrame,
    reports: pl.DataFrame,
    accounts: pl.DataFrame,
    lookback_s: int = LOOKBACK_S,
) -> pl.DataFrame:
    """report_id, report_ts, row (transfer row), ts, to_account, amount; sorted by report, row."""
    named = (
        reports.select("report_id", pl.col("ts").alias("report_ts"), "person_id", "paid_to")
        .explode("paid_to")
        .rename({"paid_to": "to_account"})
        .unique(["report_id", "to_account"], maintain_order=True)
    )
    own = accounts.select(
        pl.col("holder_person_id").alias("person_id"), pl.col("account_id").alias("from_account")
    ).drop_nulls()
    paid = transfers.with_row_index("row").select(
        pl.col("row").cast(pl.Int64), "ts", "from_account", "to_account", "amount"
    )
    return (
        named.join(own, on="person_id")
        .join(paid, on=["from_account", "to_account"])
        .filter(
            (pl.col("ts") <= pl.col("report_ts"))
            & (pl.col("ts") > pl.col("report_ts") - lookback_s)
        )
        .select("report_id", "report_ts", "row", "ts", "to_account", "amount")
        .sort("report_id", "row")
    )

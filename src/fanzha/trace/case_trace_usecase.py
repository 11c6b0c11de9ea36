"""`fanzha trace DATASET --report ID`: where did this victim's money go.

Seeds are the reporter's own transfers to the accounts the report names; the trace follows
them through the whole ledger (or up to the report, `at_report`), with no holds: the
investigator sees what actually happened.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.trace.fund_flow import FundFlowGraph, build_graph
from fanzha.trace.ledger_index import NO_ACCOUNT, build_index
from fanzha.trace.report_payments import report_payments
from fanzha.trace.tracer import TraceOptions, Tracer, TraceSeed


class CaseTraceError(ValueError):
    """The report cannot be traced (unknown report, or no payment in the ledger)."""


def trace_case(
    dataset: Dataset, report_id: str, options: TraceOptions, at_report: bool = False
) -> FundFlowGraph:
    reports = dataset.table("reports")
    report = reports.filter(pl.col("report_id") == report_id)
    if report.height == 0:
        raise CaseTraceError(f"reports.csv: no report with report_id {report_id!r}")
    row = report.row(0, named=True)
    transfers, accounts = dataset.table("transfers"), dataset.table("accounts")
    paid = report_payments(transfers, report, accounts)
    if paid.height == 0:
        raise CaseTraceError(
            f"report {report_id}: transfers.csv shows no payment from the accounts of "
            f"{row['person_id']} to {';'.join(row['paid_to'])} in the 30 days before the report"
        )
    if at_report:
        options = replace(options, until=int(row["ts"]))
    index = build_index(transfers, accounts)
    own = index.codes(accounts.filter(pl.col("holder_person_id") == row["person_id"])["account_id"])
    tracer = Tracer(index, options, returned_to=frozenset(own[own != NO_ACCOUNT].tolist()))
    seed = TraceSeed(
        paid["row"].to_numpy().astype(np.int64), paid["amount"].to_numpy().astype(np.int64)
    )
    trace = tracer.run(seed)
    return build_graph(
        index=index,
        trace=trace,
        accounts=accounts,
        report=row,
        options=options,
        paid_fen=int(paid["amount"].sum()),
    )

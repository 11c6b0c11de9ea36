"""A case's fund-flow graph from the stored records: where the victim's money went up to now.

The same trace as `fanzha trace DATASET --report ID` (`trace.case_trace_usecase`), fed with
the stored ledger instead of a dataset directory: seeds are the victim's own payments to the
accounts the report names, the victim's own accounts end a path, no holds are applied.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from sqlalchemy.orm import Session

from fanzha.store.case_usecase import get_case
from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.ledger_frames import stored_frame
from fanzha.trace.fund_flow import FundFlowGraph, build_graph
from fanzha.trace.ledger_index import NO_ACCOUNT, build_index
from fanzha.trace.report_payments import report_payments
from fanzha.trace.tracer import TraceOptions, Tracer, TraceSeed


def case_flow(session: Session, case_id: str, now: int) -> FundFlowGraph | None:
    """The graph, or None while the ledger shows no payment of the victim to a named account."""
    case = get_case(session, case_id)
    reports, transfers = DATASET_TABLES["reports"], DATASET_TABLES["transfers"]
    report = stored_frame(session, "reports", reports.c.report_id == case.report_id)
    ledger = stored_frame(session, "transfers", transfers.c.ts <= now)
    accounts = stored_frame(session, "accounts")
    paid = report_payments(ledger, report, accounts)
    if paid.height == 0:
        return None
    index = build_index(ledger, accounts)
    own = index.codes(accounts.filter(pl.col("holder_person_id") == case.person_id)["account_id"])
    options = TraceOptions()
    tracer = Tracer(index, options, returned_to=frozenset(own[own != NO_ACCOUNT].tolist()))
    seed = TraceSeed(
        paid["row"].to_numpy().astype(np.int64), paid["amount"].to_numpy().astype(np.int64)
    )
    return build_graph(
        index=index,
        trace=tracer.run(seed),
        accounts=accounts,
        report=report.row(0, named=True),
        options=options,
        paid_fen=int(paid["amount"].sum()),
    )

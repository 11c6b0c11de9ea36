"""Interception scoring exactly as DATASET.md states it ("How outputs are scored").

Victim money enters with the transfers in labels/losses.csv and leaves an account before any
other money (victim-first). A stop request takes effect 120 s after its ts; from then on its
account sends nothing and holds the victim money it has or later receives, up to the amount
requested (several requests on one account add up; the earliest sets the effective time).
Innocent holds are requests on accounts not in labels/accounts.csv.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.trace.attribution import Attribution
from fanzha.trace.ledger_index import NO_ACCOUNT, build_index
from fanzha.trace.tracer import TraceOptions, Tracer, TraceSeed

HOLD_DELAY_S = 120


@dataclass(frozen=True)
class InterceptionScore:
    victim_loss_fen: int
    held_fen: int
    interception: float  # held / losses
    requests: int
    innocent_holds: int
    innocent_hold_fen: int
    held_accounts: int  # accounts holding some victim money

    @property
    def innocent_share(self) -> float:
        """Innocent holds per request (the target is under 1%)."""
        return self.innocent_holds / self.requests if self.requests else 0.0


def score_interception(
    transfers: pl.DataFrame,
    loss_event_ids: pl.Series,
    stop_requests: pl.DataFrame,
    mule_accounts: pl.Series,
) -> InterceptionScore:
    """Follow the victim money through the typed transfers with the requested holds in force."""
    index = build_index(transfers)
    losses = transfers.with_row_index("row").filter(
        pl.col("event_id").is_in(loss_event_ids.implode())
    )
    rows = losses["row"].to_numpy().astype(np.int64)
    amounts = losses["amount"].to_numpy().astype(np.int64)
    per_account = stop_requests.group_by("account_id").agg(
        (pl.col("ts").min() + HOLD_DELAY_S).alias("effective"), pl.col("amount").sum()
    )
    codes = index.codes(per_account["account_id"])
    known = codes != NO_ACCOUNT
    holds = dict(
        zip(
            codes[known].tolist(),
            per_account["effective"].to_numpy()[known].tolist(),
            strict=True,
        )
    )
    options = TraceOptions(
        attribution=Attribution.VICTIM_FIRST,
        max_hops=None,
        dust_fen=0,
        stop_at_cashout=False,
        stop_at_merchants=False,
    )
    trace = Tracer(index, options, holds=holds).run(TraceSeed(rows, amounts))
    caps = pl.DataFrame(
        {"account": codes[known], "cap": per_account["amount"].to_numpy()[known]},
        schema={"account": pl.Int32, "cap": pl.Int64},
    )
    held = trace.accounts.join(caps, on="account").select(
        pl.min_horizontal("remaining", "cap").alias("held")
    )["held"]
    innocent = stop_requests.filter(~pl.col("account_id").is_in(mule_accounts.implode()))
    loss_fen = int(amounts.sum())
    held_fen = int(held.sum())
    return InterceptionScore(
        victim_loss_fen=loss_fen,
        held_fen=held_fen,
        interception=held_fen / loss_fen if loss_fen else 0.0,
        requests=stop_requests.height,
        innocent_holds=innocent.height,
        innocent_hold_fen=int(innocent["amount"].sum()),
        held_accounts=int((held > 0).sum()),
    )

"""A stop request the planner decided on, before it is numbered and written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedRequest:
    ts: int
    report_id: str
    account: int  # ledger index code
    amount: int  # fen
    hop: int

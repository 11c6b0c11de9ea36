"""One report's stop requests, given the holds the other reports asked for.

Hop 1: the named accounts once they show what mules do, and the payees the report left out
where the claim points to them; then the chase, hop by hop, from each once it is credible.
See `fanzha.stoppay.replay_planner` for the rules and docs/tracing.md for why.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.stoppay.planned import PlannedRequest
from fanzha.trace.attribution import Attribution
from fanzha.trace.interception import HOLD_DELAY_S
from fanzha.trace.ledger_index import NO_ACCOUNT, LedgerIndex
from fanzha.trace.tracer import Trace, TraceOptions, Tracer, TraceSeed

#: A claim is a victim's own figure: payees found for it may exceed it by this fraction (1/20).
_CLAIM_SLACK = 20
#: ... and each must account for at least this part of what the claim leaves unexplained, which
#: itself must be at least this part of the claim (1/10).
_MATERIAL_PART = 10
_NO_PAYMENTS = pl.DataFrame(
    schema={"row": pl.Int64, "code": pl.Int64, "amount": pl.Int64, "ts": pl.Int64}
)


@dataclass(frozen=True)
class PlannerSettings:
    """Knobs of the chase; defaults are the ones docs/tracing.md measures."""

    attribution: Attribution = Attribution.FIFO
    max_hops: int = 6
    dust_fen: int = 1_000  # traced amounts under 10 yuan are not chased or requested
    pass_through_s: int = 30 * 60  # a named account passing the money on this fast is a mule
    prompt_forward_s: int = 5 * 60  # ... or sending any money on this soon after the payment


def split_claim(total: int, parts: int) -> list[int]:
    """`total` fen in `parts` near-equal whole-fen shares, the larger ones first."""
    if parts == 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


@dataclass(frozen=True)
class Chase:
    """What one report's planning is given: the ledger, the settings, the other reports' holds
    (its own are added as it plans), the flags and the coded reports."""

    index: LedgerIndex
    settings: PlannerSettings
    holds: dict[int, int]  # account code -> effective ts of its earliest hold
    widen: dict[int, int]  # flagged account code -> flag ts
    own: dict[str, frozenset[int]]  # person -> their account codes
    named: dict[str, list[int]]  # report -> codes of the accounts it names, in its order


class CasePlanner:
    """The requests of one report, given the holds the other reports asked for."""

    def __init__(self, chase: Chase, report: dict[str, object]) -> None:
        index = chase.index
        self.index = index
        self.settings = chase.settings
        self.holds = chase.holds
        self.widen = chase.widen
        self.victim_accounts = chase.own.get(str(report["person_id"]), frozenset())
        self.report_id = str(report["report_id"])
        self.report_ts = int(str(report["ts"]))
        self.named = chase.named.get(self.report_id, [])
        self.claimed = int(str(report["claimed_amount"]))
        self.touched: set[int] = set()  # accounts whose holds this planning looked at
        self.requested: dict[int, int] = {}
        self.out: list[PlannedRequest] = []

    def plan(self, paid: pl.DataFrame | None, others: pl.DataFrame | None) -> list[PlannedRequest]:
        """Requests for the named accounts and for the left-out payees the claim points to,
        then the chase from each once it is credible."""
        codes, rows, amounts = self._payments(paid)
        other_codes, other_rows, other_amounts = self._payments(others)
        moved = self._first_moves(self._trace(TraceSeed(rows, amounts)))
        for code, ts in self._prompt_forwards(codes, rows).items():
            moved[code] = min(ts, moved.get(code, ts))
        unexplained = 0 if others is None or others.is_empty() else int(others["unexplained"][0])
        if unexplained < self.claimed // _MATERIAL_PART:
            unexplained = 0  # a claim a little above the payments seen is rounding, not a card
        relayed = self._relays(other_codes, other_rows)
        found = self._left_out(other_codes, other_amounts, relayed, unexplained)
        chosen = np.isin(other_codes, np.fromiter(found, np.int64, len(found)))
        codes = np.concatenate((codes, other_codes[chosen]))
        rows = np.concatenate((rows, other_rows[chosen]))
        amounts = np.concatenate((amounts, other_amounts[chosen]))
        paid_by: dict[int, int] = {}
        for code, amount in zip(codes.tolist(), amounts.tolist(), strict=True):
            paid_by[code] = paid_by.get(code, 0) + amount
        shares = dict(zip(self.named, split_claim(self.claimed, len(self.named)), strict=True))
        credible: dict[int, int] = {}
        for code in [*self.named, *found]:
            at = found.get(code) if code in found else self._credible_at(code, moved)
            if at is not None:
                credible[code] = at
        # Hop 1 and the chase from an account once it is credible, in time order: nothing
        # asked for at one moment depends on what is asked for later.
        for start in sorted(set(credible.values())):
            for code, at in credible.items():
                if at == start:
                    self._request(at, code, max(paid_by.get(code, 0), shares.get(code, 0)), 1)
            ready = np.array([credible.get(c, start + 1) <= start for c in codes.tolist()], bool)
            seed = TraceSeed(rows[ready], amounts[ready])
            while found_next := self._next_requests(self._trace(seed), start):
                for request in found_next:
                    self._request(request.ts, request.account, request.amount, request.hop)
        return self.out

    def _payments(self, frame: pl.DataFrame | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Receiver codes, transfer rows and amounts of a report's payments."""
        frame = frame if frame is not None else _NO_PAYMENTS
        codes = frame["code"].to_numpy().astype(np.int64)
        rows = frame["row"].to_numpy().astype(np.int64)
        return codes, rows, frame["amount"].to_numpy().astype(np.int64)

    def _left_out(
        self, codes: np.ndarray, amounts: np.ndarray, relayed: dict[int, int], unexplained: int
    ) -> dict[int, int]:
        """Payees the report did not name, taken as part of the fraud (account -> when): those
        that relay money to another account as mules do (or are flagged, or stopped for
        another report), while what they were paid fits in the claim's unexplained part.
        Taken in the order their evidence appears, so the choice at a moment depends on
        nothing later. A payee paid more than what is left of the claim is not, nor one paid
        too little to be part of it (under a tenth of the unexplained part)."""
        paid: dict[int, int] = {}
        for code, amount in zip(codes.tolist(), amounts.tolist(), strict=True):
            if code != NO_ACCOUNT and code not in self.named:
                paid[code] = paid.get(code, 0) + amount
        material = unexplained // _MATERIAL_PART
        candidates = sorted(
            (at, code)
            for code, amount in paid.items()
            if amount >= material and (at := self._credible_at(code, relayed)) is not None
        )
        budget = unexplained + unexplained // _CLAIM_SLACK
        found: dict[int, int] = {}
        for at, code in candidates:
            if paid[code] <= budget:
                found[code] = at
                budget -= paid[code]
        return found

    def _trace(self, seed: TraceSeed) -> Trace:
        options = TraceOptions(
            attribution=self.settings.attribution,
            max_hops=self.settings.max_hops,
            dust_fen=self.settings.dust_fen,
            pass_through_s=self.settings.pass_through_s,
        )
        tracer = Tracer(
            self.index,
            options,
            holds=self.holds,
            widen=self.widen,
            returned_to=self.victim_accounts,
        )
        trace = tracer.run(seed)
        self.touched.update(trace.accounts["account"].to_list())
        return trace

    @staticmethod
    def _first_moves(trace: Trace) -> dict[int, int]:
        """When each account first passed traced money on quickly (any amount, anywhere)."""
        moves = trace.accounts.select("account", "passed_on_ts").drop_nulls()
        return dict(moves.iter_rows())

    def _sent_after(self, code: int, row: int) -> np.ndarray:
        """Ledger rows of the account's outgoing transfers after the transfer at `row`."""
        sent = self.index.outgoing(code)
        return sent[np.searchsorted(sent, row, side="right") :]

    def _relays(self, codes: np.ndarray, rows: np.ndarray) -> dict[int, int]:
        """Payees that sent money on to another account within `pass_through_s` of being paid:
        the ts of that transfer. Taking the cash out is not relaying (people withdraw what
        they are paid); a named account gets more credit than a payee the victim left out."""
        ts = self.index.ts
        found: dict[int, int] = {}
        for code, row in zip(codes.tolist(), rows.tolist(), strict=True):
            if code == NO_ACCOUNT:
                continue
            after = self._sent_after(code, row)
            after = after[
                : np.searchsorted(ts[after], ts[row] + self.settings.pass_through_s, "right")
            ]
            after = after[~self.index.leaves_banks(after)]
            if after.size:
                found[code] = min(int(ts[after[0]]), found.get(code, int(ts[after[0]])))
        return found

    def _prompt_forwards(self, codes: np.ndarray, rows: np.ndarray) -> dict[int, int]:
        """Named accounts that sent money on (whichever money) within `prompt_forward_s` of
        the victim's payment: the ts of that transfer. Mules forward in minutes even where
        attribution says the outflow was older money."""
        ts = self.index.ts
        found: dict[int, int] = {}
        for code, row in zip(codes.tolist(), rows.tolist(), strict=True):
            if code == NO_ACCOUNT:
                continue
            after = self._sent_after(code, row)
            if after.size and ts[after[0]] - ts[row] <= self.settings.prompt_forward_s:
                found[code] = min(int(ts[after[0]]), found.get(code, int(ts[after[0]])))
        return found

    def _credible_at(self, account: int, moved: dict[int, int]) -> int | None:
        """When a named account is worth a hold: once the victim's money is seen passed on
        within `pass_through_s` of arriving (mules forward in minutes), it is flagged as a mule
        or another report already had it stopped; never before the report. An account that
        keeps the money or spends it slowly (a dispute with a seller, say) gets no hold."""
        self.touched.add(account)
        stopped = self.holds.get(account)
        evidence = [
            t
            for t in (
                moved.get(account),
                self.widen.get(account),
                None if stopped is None else stopped - HOLD_DELAY_S,
            )
            if t is not None
        ]
        return max(self.report_ts, min(evidence)) if evidence else None

    def _request(self, ts: int, account: int, amount: int, hop: int) -> None:
        if amount <= 0:
            return
        self.out.append(PlannedRequest(ts, self.report_id, account, amount, hop))
        self.requested[account] = self.requested.get(account, 0) + amount
        self.holds[account] = min(ts + HOLD_DELAY_S, self.holds.get(account, ts + HOLD_DELAY_S))

    def _next_requests(self, trace: Trace, start: int) -> list[PlannedRequest]:
        """Requests the trace reveals that no hold yet covers: the earliest, and all others
        revealed before that one takes effect (later holds cannot change them)."""
        arrivals = (
            trace.flows.filter(
                (pl.col("dst") != NO_ACCOUNT)
                # A left-out payee is taken only from its evidence on: before that the chase
                # asks it for what reaches it, like any account (what it asks is counted).
                & ~pl.col("dst").is_in(self.named)
                & (pl.col("end").is_null() | pl.col("end").is_in(["hop_cap"]))
            )
            .with_columns(pl.max_horizontal("ts", pl.lit(start)).alias("at"))
            .group_by("dst", "at")
            .agg(pl.col("tainted").sum(), pl.col("hop").min())
            .sort("dst", "at")
            .with_columns(pl.col("tainted").cum_sum().over("dst").alias("received"))
        )
        candidates: list[PlannedRequest] = []
        for dst, at, received, hop in arrivals.select("dst", "at", "received", "hop").iter_rows():
            missing = int(received) - self.requested.get(int(dst), 0)
            if missing >= self.settings.dust_fen:
                candidates.append(
                    PlannedRequest(int(at), self.report_id, int(dst), missing, int(hop))
                )
        if not candidates:
            return []
        first: dict[int, PlannedRequest] = {}
        for request in sorted(candidates, key=lambda r: (r.ts, r.account)):
            first.setdefault(request.account, request)
        earliest = min(r.ts for r in first.values())
        return [r for r in first.values() if r.ts < earliest + HOLD_DELAY_S]

"""Stop requests of the replay: hold what the victim paid, then chase the money.

For each report, in report order: hop 1 requests for the accounts the victim names, for the
larger of what the ledger shows the victim paid each and an equal share of the claim. A named
account is held once it has shown what mules do: it passed the victim's money on within
`pass_through_s` of receiving it (快进快出), sent any money on within `prompt_forward_s` of the
payment, is a flagged mule, or another report had it stopped; at report time if that was
before, else at the ts of that evidence. An account that keeps the money or spends it slowly
(a dispute with a seller, say) gets no hold, and its money is not chased. From each held
named account, from its hold time on, the victim's payments are traced with every hold
requested so far in force (a hold refuses its account's outflows from 120 s after the
request). Where traced money reached an account that has no request for it yet, a request
follows at the ts of the transfer that revealed it (never before the chase started), for the
traced amount; the trace is rerun with the new holds, until no money moves on. Cash-outs end
a path; payments to merchants count as goods bought and payments back to an earlier payer as
refunds (often another victim's "rebate"), neither is chased; dust is ignored, hops are
capped; flagged mule accounts are followed past those limits from their flag time, but
nothing is held without a report.

Causal: a request at T depends on transfers, reports, flags and requests at or before T.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.io.fields import typed_schema
from fanzha.io.schema import TABLES
from fanzha.trace.attribution import Attribution
from fanzha.trace.interception import HOLD_DELAY_S
from fanzha.trace.ledger_index import NO_ACCOUNT, LedgerIndex, build_index
from fanzha.trace.report_payments import report_payments
from fanzha.trace.tracer import Trace, TraceOptions, Tracer, TraceSeed

REQUEST_COLUMNS = TABLES["stop_requests"].column_names
#: A planned request before `_numbered` gives it its id.
_PLANNED = {
    name: dtype
    for name, dtype in typed_schema(TABLES["stop_requests"]).items()
    if name != "request_id"
}
_NO_PAYMENTS = pl.DataFrame(
    schema={"row": pl.Int64, "to_account": pl.String, "amount": pl.Int64, "ts": pl.Int64}
)


@dataclass(frozen=True)
class PlannerSettings:
    """Knobs of the chase; defaults are the ones docs/tracing.md measures."""

    attribution: Attribution = Attribution.FIFO
    max_hops: int = 6
    dust_fen: int = 1_000  # traced amounts under 10 yuan are not chased or requested
    pass_through_s: int = 30 * 60  # a named account passing the money on this fast is a mule
    prompt_forward_s: int = 5 * 60  # ... or sending any money on this soon after the payment


@dataclass(frozen=True)
class _Request:
    ts: int
    report_id: str
    account: int
    amount: int
    hop: int


def plan_stop_requests(
    transfers: pl.DataFrame,
    reports: pl.DataFrame,
    accounts: pl.DataFrame,
    flagged_accounts: pl.DataFrame | None = None,
    settings: PlannerSettings | None = None,
) -> pl.DataFrame:
    """Stop requests (TABLES["stop_requests"] columns, amount in fen) sorted by ts."""
    settings = settings or PlannerSettings()
    index = build_index(transfers, accounts)
    widen: dict[int, int] = {}
    if flagged_accounts is not None and flagged_accounts.height:
        codes = index.codes(flagged_accounts["account_id"])
        for code, ts in zip(codes.tolist(), flagged_accounts["ts"].to_list(), strict=True):
            if code != NO_ACCOUNT:
                widen[code] = min(int(ts), widen.get(code, int(ts)))
    holders = accounts.select(
        "holder_person_id", pl.Series("code", index.codes(accounts["account_id"]))
    ).drop_nulls()
    own: dict[str, frozenset[int]] = {
        str(person): frozenset(group["code"].to_list())
        for (person,), group in holders.group_by("holder_person_id")
    }
    payments = report_payments(transfers, reports, accounts)
    by_report = payments.partition_by("report_id", as_dict=True)
    holds: dict[int, int] = {}
    requests: list[_Request] = []
    for report in reports.sort("ts", "report_id", maintain_order=True).iter_rows(named=True):
        paid = by_report.get((report["report_id"],))
        chase = _Chase(index, settings, holds, widen, own)
        planner = _CasePlanner(chase, report)
        requests.extend(planner.plan(paid))
    return _as_table(index, requests)


def plan_reference_stop_requests(reports: pl.DataFrame, accounts: pl.DataFrame) -> pl.DataFrame:
    """Blacklist-only reference: at report time, hold the claimed amount, split equally (to the
    fen) over the accounts the report names; nothing is traced."""
    known = set(accounts["account_id"].to_list())
    rows: list[tuple[int, str, str, int, int]] = []
    for report in reports.iter_rows(named=True):
        named = list(dict.fromkeys(a for a in report["paid_to"] if a in known))
        shares = _split(int(report["claimed_amount"]), len(named))
        rows.extend(
            (report["ts"], report["report_id"], account, share, 1)
            for account, share in zip(named, shares, strict=True)
            if share > 0
        )
    frame = pl.DataFrame(
        rows,
        schema=_PLANNED,
        orient="row",
    )
    return _numbered(frame)


def _split(total: int, parts: int) -> list[int]:
    """`total` fen in `parts` near-equal whole-fen shares, the larger ones first."""
    if parts == 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


@dataclass(frozen=True)
class _Chase:
    """What every report's planning shares: the ledger, the settings, the holds so far."""

    index: LedgerIndex
    settings: PlannerSettings
    holds: dict[int, int]  # account code -> effective ts of its earliest hold
    widen: dict[int, int]  # flagged account code -> flag ts
    own: dict[str, frozenset[int]]  # person -> their account codes


class _CasePlanner:
    """The requests of one report, given the holds of the reports planned before it."""

    def __init__(self, chase: _Chase, report: dict[str, object]) -> None:
        index = chase.index
        self.index = index
        self.settings = chase.settings
        self.holds = chase.holds
        self.widen = chase.widen
        self.victim_accounts = chase.own.get(str(report["person_id"]), frozenset())
        self.report_id = str(report["report_id"])
        self.report_ts = int(str(report["ts"]))
        paid_to = report["paid_to"]
        assert isinstance(paid_to, list)
        self.named = [c for c in dict.fromkeys(index.codes(pl.Series(paid_to)).tolist()) if c >= 0]
        self.claimed = int(str(report["claimed_amount"]))
        self.requested: dict[int, int] = {}
        self.out: list[_Request] = []

    def plan(self, paid: pl.DataFrame | None) -> list[_Request]:
        paid = paid if paid is not None else _NO_PAYMENTS
        codes = self.index.codes(paid["to_account"])
        rows = paid["row"].to_numpy().astype(np.int64)
        amounts = paid["amount"].to_numpy().astype(np.int64)
        paid_by: dict[int, int] = {}
        for code, amount in zip(codes.tolist(), amounts.tolist(), strict=True):
            paid_by[code] = paid_by.get(code, 0) + amount
        shares = dict(zip(self.named, _split(self.claimed, len(self.named)), strict=True))
        moved = self._first_moves(self._trace(TraceSeed(rows, amounts)))
        for code, ts in self._prompt_forwards(codes, rows).items():
            moved[code] = min(ts, moved.get(code, ts))
        credible: dict[int, int] = {}
        for code in self.named:
            at = self._credible_at(code, moved)
            if at is not None:
                credible[code] = at
                self._request(at, code, max(paid_by.get(code, 0), shares[code]), 1)
        # The chase starts from an account once it is credible: requests never come before.
        for start in sorted(set(credible.values())):
            ready = np.array([credible.get(c, start + 1) <= start for c in codes.tolist()], bool)
            seed = TraceSeed(rows[ready], amounts[ready])
            while found := self._next_requests(self._trace(seed), start):
                for request in found:
                    self._request(request.ts, request.account, request.amount, request.hop)
        return self.out

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
        return tracer.run(seed)

    @staticmethod
    def _first_moves(trace: Trace) -> dict[int, int]:
        """When each account first passed traced money on quickly (any amount, anywhere)."""
        moves = trace.accounts.select("account", "passed_on_ts").drop_nulls()
        return dict(moves.iter_rows())

    def _prompt_forwards(self, codes: np.ndarray, rows: np.ndarray) -> dict[int, int]:
        """Named accounts that sent money on (whichever money) within `prompt_forward_s` of
        the victim's payment: the ts of that transfer. Mules forward in minutes even where
        attribution says the outflow was older money."""
        ts = self.index.ts
        found: dict[int, int] = {}
        for code, row in zip(codes.tolist(), rows.tolist(), strict=True):
            if code == NO_ACCOUNT:
                continue
            sent = self.index.outgoing(code)
            after = sent[np.searchsorted(sent, row, side="right") :]
            if after.size and ts[after[0]] - ts[row] <= self.settings.prompt_forward_s:
                found[code] = min(int(ts[after[0]]), found.get(code, int(ts[after[0]])))
        return found

    def _credible_at(self, account: int, moved: dict[int, int]) -> int | None:
        """When a named account is worth a hold: once the victim's money is seen passed on
        within `pass_through_s` of arriving (mules forward in minutes), it is flagged as a mule
        or another report already had it stopped; never before the report. An account that
        keeps the money or spends it slowly (a dispute with a seller, say) gets no hold."""
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
        self.out.append(_Request(ts, self.report_id, account, amount, hop))
        self.requested[account] = self.requested.get(account, 0) + amount
        self.holds[account] = min(ts + HOLD_DELAY_S, self.holds.get(account, ts + HOLD_DELAY_S))

    def _next_requests(self, trace: Trace, start: int) -> list[_Request]:
        """Requests the trace reveals that no hold yet covers: the earliest, and all others
        revealed before that one takes effect (later holds cannot change them)."""
        arrivals = (
            trace.flows.filter(
                (pl.col("dst") != NO_ACCOUNT)
                & ~pl.col("dst").is_in(self.named)
                & (pl.col("end").is_null() | pl.col("end").is_in(["hop_cap"]))
            )
            .with_columns(pl.max_horizontal("ts", pl.lit(start)).alias("at"))
            .group_by("dst", "at")
            .agg(pl.col("tainted").sum(), pl.col("hop").min())
            .sort("dst", "at")
            .with_columns(pl.col("tainted").cum_sum().over("dst").alias("received"))
        )
        candidates: list[_Request] = []
        for dst, at, received, hop in arrivals.select("dst", "at", "received", "hop").iter_rows():
            missing = int(received) - self.requested.get(int(dst), 0)
            if missing >= self.settings.dust_fen:
                candidates.append(_Request(int(at), self.report_id, int(dst), missing, int(hop)))
        if not candidates:
            return []
        first: dict[int, _Request] = {}
        for request in sorted(candidates, key=lambda r: (r.ts, r.account)):
            first.setdefault(request.account, request)
        earliest = min(r.ts for r in first.values())
        return [r for r in first.values() if r.ts < earliest + HOLD_DELAY_S]


def _as_table(index: LedgerIndex, requests: list[_Request]) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "ts": [r.ts for r in requests],
            "report_id": [r.report_id for r in requests],
            "account_id": index.account_ids.gather([r.account for r in requests]),
            "amount": [r.amount for r in requests],
            "hop": [r.hop for r in requests],
        },
        schema=_PLANNED,
    )
    return _numbered(frame)


def _numbered(frame: pl.DataFrame) -> pl.DataFrame:
    """Sort by ts (then report, hop, account) and number S0000001... in that order."""
    ordered = frame.sort("ts", "report_id", "hop", "account_id", maintain_order=True)
    ids = pl.int_range(1, ordered.height + 1, eager=True).cast(pl.String).str.zfill(7)
    return ordered.with_columns(("S" + ids).alias("request_id")).select(REQUEST_COLUMNS)

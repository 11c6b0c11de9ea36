"""Stop requests of the replay: hold what the victim paid, then chase the money.

For each report: hop 1 requests for the accounts the victim names, for the larger of what the
ledger shows the victim paid each and an equal share of the claim. A named account is held once
it has shown what mules do: it passed the victim's money on within `pass_through_s` of
receiving it (快进快出), sent any money on within `prompt_forward_s` of the payment, is a
flagged mule, or another report had it stopped; at report time if that was before, else at the
ts of that evidence. An account that keeps the money or spends it slowly (a dispute with a
seller, say) gets no hold, and its money is not chased. Where the claim exceeds what the named
accounts were paid, the reporter's other payees that relay money on as mules do are taken as
hop 1 too, as far as the claim explains them. From each held hop-1 account, from its hold time
on, the victim's payments are traced with every hold in force (a hold refuses its account's
outflows from 120 s after the request). Where traced money reached an account that has no
request for it yet, a request follows at the ts of the transfer that revealed it (never before
the chase started), for the traced amount; the trace is rerun with the new holds, until no
money moves on. Cash-outs end a path; payments to merchants count as goods bought and payments
back to an earlier payer as refunds (often another victim's "rebate"), neither is chased; dust
is ignored, hops are capped; flagged mule accounts are followed past those limits from their
flag time, but nothing is held without a report.

All reports are planned together in event time: each sees every other report's holds, and is
planned again while a hold it looked at changes (a fixed point, usually after two rounds).
Laundering money that reaches an account after its hold took effect is then asked for by
receive-only top-ups (`fanzha.stoppay.receive_only`).

Causal: a request at T depends on transfers, reports, flags and requests at or before T.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from fanzha.io.fields import typed_schema
from fanzha.io.schema import TABLES
from fanzha.stoppay.case_planner import CasePlanner, Chase, PlannerSettings, split_claim
from fanzha.stoppay.planned import PlannedRequest
from fanzha.stoppay.receive_only import top_ups
from fanzha.trace.interception import HOLD_DELAY_S
from fanzha.trace.ledger_index import NO_ACCOUNT, LedgerIndex, build_index
from fanzha.trace.report_payments import report_payments, unnamed_payments

#: The planner's interface; `PlannerSettings` (its knobs) lives with the per-report planner.
__all__ = [
    "REQUEST_COLUMNS",
    "PlannerSettings",
    "plan_reference_stop_requests",
    "plan_stop_requests",
]

REQUEST_COLUMNS = TABLES["stop_requests"].column_names
#: A planned request before `_numbered` gives it its id.
_PLANNED = {
    name: dtype
    for name, dtype in typed_schema(TABLES["stop_requests"]).items()
    if name != "request_id"
}
#: Rounds of planning every report against the others' holds before giving up on a fixed point.
_MAX_ROUNDS = 8


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
    # Ids become codes once here: each lookup builds a hash table of every account id.
    reporters = accounts.filter(pl.col("holder_person_id").is_in(reports["person_id"].implode()))
    holders = (
        reporters.select(
            "holder_person_id", pl.Series("code", index.codes(reporters["account_id"]))
        )
        .group_by("holder_person_id")
        .agg("code")
    )
    own = {str(person): frozenset(codes) for person, codes in holders.iter_rows()}
    named_ids = reports.select("report_id", "paid_to").explode("paid_to")
    named_ids = named_ids.with_columns(pl.Series("code", index.codes(named_ids["paid_to"])))
    named = {
        str(report_id): [c for c in dict.fromkeys(codes) if c != NO_ACCOUNT]
        for report_id, codes in named_ids.group_by("report_id", maintain_order=True)
        .agg("code")
        .iter_rows()
    }

    def coded(payments: pl.DataFrame) -> dict[tuple[object, ...], pl.DataFrame]:
        code = pl.Series("code", index.codes(payments["to_account"]), dtype=pl.Int64)
        return payments.with_columns(code).partition_by("report_id", as_dict=True)

    by_report = coded(report_payments(transfers, reports, accounts))
    left_out = coded(unnamed_payments(transfers, reports, accounts))
    in_order = list(reports.sort("ts", "report_id", maintain_order=True).iter_rows(named=True))
    plans: dict[str, _CasePlan] = {}
    for _ in range(_MAX_ROUNDS):
        replanned = False
        for report in in_order:
            key = (report["report_id"],)
            holds = _holds_of_others(plans, report["report_id"])
            done = plans.get(report["report_id"])
            if done is not None and all(holds.get(a) == done.seen[a] for a in done.seen):
                continue  # no hold it looked at changed: the same requests again
            chase = Chase(index, settings, dict(holds), widen, own, named)
            planner = CasePlanner(chase, report)
            planned = planner.plan(by_report.get(key), left_out.get(key))
            seen = {account: holds.get(account) for account in planner.touched}
            plans[report["report_id"]] = _CasePlan.of(planned, seen)
            replanned = True
        if not replanned:
            break
    requests = [r for plan in plans.values() for r in plan.requests]
    requests.extend(top_ups(index, requests, widen, settings.pass_through_s))
    return _as_table(index, requests)


def plan_reference_stop_requests(reports: pl.DataFrame, accounts: pl.DataFrame) -> pl.DataFrame:
    """Blacklist-only reference: at report time, hold the claimed amount, split equally (to the
    fen) over the accounts the report names; nothing is traced."""
    known = set(accounts["account_id"].to_list())
    rows: list[tuple[int, str, str, int, int]] = []
    for report in reports.iter_rows(named=True):
        named = list(dict.fromkeys(a for a in report["paid_to"] if a in known))
        shares = split_claim(int(report["claimed_amount"]), len(named))
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


@dataclass(frozen=True)
class _CasePlan:
    """One report's requests and the other reports' holds its planning looked at."""

    requests: list[PlannedRequest]
    seen: dict[int, int | None]  # account code -> effective ts of its hold then (None: none)
    holds: dict[int, int]  # account code -> effective ts of this report's earliest hold on it

    @classmethod
    def of(cls, requests: list[PlannedRequest], seen: dict[int, int | None]) -> _CasePlan:
        holds: dict[int, int] = {}
        for r in requests:
            holds[r.account] = min(r.ts + HOLD_DELAY_S, holds.get(r.account, r.ts + HOLD_DELAY_S))
        return cls(requests, seen, holds)


def _holds_of_others(plans: dict[str, _CasePlan], report_id: str) -> dict[int, int]:
    """The earliest effective hold on each account among the other reports' requests."""
    holds: dict[int, int] = {}
    for other, plan in plans.items():
        if other != report_id:
            for account, effective in plan.holds.items():
                holds[account] = min(effective, holds.get(account, effective))
    return holds


def _as_table(index: LedgerIndex, requests: list[PlannedRequest]) -> pl.DataFrame:
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

"""Time-respecting, amount-limited traces: where did given money go, hop by hop.

The trace is a worklist over accounts. An account is (re)computed from its whole event
history in the index with the chosen attribution rule, so clean inflows before and between
tainted ones count; the taint of its outflows seeds the receivers. Taint only grows when an
account is recomputed and a transfer's taint depends only on earlier transfers, so merges
and cycles converge. A hold refuses the held account's outflows from its effective time on.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fanzha.trace.attribution import Attribution, attribute
from fanzha.trace.ledger_index import MERCHANT, NO_ACCOUNT, LedgerIndex


@dataclass(frozen=True)
class TraceOptions:
    """How far and how to follow money. `until`: only transfers with ts <= until exist."""

    attribution: Attribution = Attribution.FIFO
    max_hops: int | None = 6
    dust_fen: int = 10_000  # 100 yuan: smaller tainted amounts are not chased
    stop_at_cashout: bool = True  # ATM/counter/crypto or leaving the banks ends a path
    stop_at_merchants: bool = True  # money paid to a merchant bought goods: not chased further
    stop_at_refunds: bool = True  # money paid back to an earlier payer: a refund or a rebate
    pass_through_s: int = 30 * 60  # "fast in, fast out" (快进快出): passed on within this
    until: int | None = None


@dataclass(frozen=True)
class TraceSeed:
    """Tainted money entering the trace: `tainted` fen of transfer `row` (hop 1 receiver)."""

    rows: np.ndarray  # int64 transfer rows
    tainted: np.ndarray  # int64 fen, at most the transfer's amount


@dataclass(frozen=True)
class Trace:
    """Result. `flows`: one row per transfer that carried traced money (dust left out):
    row, ts, src, dst (codes), amount, tainted, hop (of the receiver), end (why the path stops
    there: cashout, victim (back to its owner), refund (to an earlier payer), merchant, hop_cap;
    null where it is followed).
    `accounts`: every account that received traced money: account, hop, first_ts, first_out_ts
    (when traced money first left it, dust included; null if never), passed_on_ts (the first
    time it left within `pass_through_s` of arriving; null if never), tainted_in, tainted_out,
    remaining (traced money still there at the end), followed."""

    flows: pl.DataFrame
    accounts: pl.DataFrame


@dataclass
class _State:
    tainted_in: dict[int, dict[int, int]] = field(default_factory=dict)
    hop: dict[int, int] = field(default_factory=dict)
    out_rows: dict[int, np.ndarray] = field(default_factory=dict)
    out_taint: dict[int, np.ndarray] = field(default_factory=dict)
    remaining: dict[int, int] = field(default_factory=dict)
    seeded: dict[int, int] = field(default_factory=dict)  # row -> seed taint, a floor
    queued: dict[int, int] = field(default_factory=dict)
    heap: list[tuple[int, int]] = field(default_factory=list)

    def receive(self, account: int, row: int, tainted: int, hop: int) -> None:
        lots = self.tainted_in.setdefault(account, {})
        tainted = max(tainted, self.seeded.get(row, 0))
        changed = lots.get(row) != tainted or hop < self.hop.get(account, hop + 1)
        if not changed:
            return
        lots[row] = tainted
        self.hop[account] = min(hop, self.hop.get(account, hop))
        if row < self.queued.get(account, row + 1):
            self.queued[account] = row
            heapq.heappush(self.heap, (row, account))


class Tracer:
    """Runs traces over one index; `holds` maps account code -> ts from which it sends nothing,
    `widen` maps account code -> ts from which it is followed past the hop cap and merchant stop
    (flagged mule accounts); money reaching a `returned_to` account (the victim's own) is back
    with its owner and not followed."""

    def __init__(
        self,
        index: LedgerIndex,
        options: TraceOptions | None = None,
        holds: Mapping[int, int] | None = None,
        widen: Mapping[int, int] | None = None,
        returned_to: frozenset[int] = frozenset(),
    ) -> None:
        self.index = index
        self.options = options or TraceOptions()
        self.holds = holds or {}
        self.widen = widen or {}
        self.returned_to = returned_to
        until = self.options.until
        self.limit = (
            index.transfers
            if until is None
            else int(np.searchsorted(index.ts, until, side="right"))
        )

    def run(self, seed: TraceSeed) -> Trace:
        state = _State()
        for row, tainted in zip(seed.rows.tolist(), seed.tainted.tolist(), strict=True):
            receiver = int(self.index.dst[row])
            if row < self.limit and receiver != NO_ACCOUNT and tainted > 0:
                state.seeded[row] = state.seeded.get(row, 0) + tainted
                state.receive(receiver, row, state.seeded[row], 1)
        while state.heap:
            row, account = heapq.heappop(state.heap)
            if state.queued.get(account) != row:
                continue
            del state.queued[account]
            self._process(state, account)
        return self._result(state, seed)

    def _events(self, account: int) -> tuple[np.ndarray, np.ndarray]:
        """The account's transfer rows in event order and whether each is an outflow."""
        index = self.index
        sent = index.outgoing(account)
        sent = sent[: np.searchsorted(sent, self.limit)]
        held_from = self.holds.get(account)
        if held_from is not None:
            sent = sent[index.ts[sent] < held_from]
        got = index.incoming(account)
        got = got[: np.searchsorted(got, self.limit)]
        keys = np.concatenate((sent * 2, got * 2 + 1))  # a self-transfer leaves before it arrives
        keys.sort()
        return keys >> 1, (keys & 1) == 0

    def _always_followed(self, account: int, hop: int) -> bool:
        """Within the hop cap and not a merchant (money paid to a merchant bought goods)."""
        opts = self.options
        within = opts.max_hops is None or hop <= opts.max_hops
        merchant = opts.stop_at_merchants and self.index.account_kind[account] == MERCHANT
        return within and not merchant and account not in self.returned_to

    def _followed(self, account: int, ts: np.ndarray, hop: int) -> np.ndarray:
        """Whether the account's outflows at `ts` are followed to their receivers."""
        followed = np.full(ts.size, self._always_followed(account, hop))
        flagged_from = self.widen.get(account)
        return followed if flagged_from is None else followed | (ts >= flagged_from)

    def _refunds(self, account: int, rows: np.ndarray) -> np.ndarray:
        """Outflows to an account that paid this one before: a refund, or a scam's "rebate"
        to another victim; the receiver is a customer or a victim, not the next mule."""
        index = self.index
        got = index.incoming(account)
        payers = index.src[got]
        known = payers != NO_ACCOUNT
        unique, first = np.unique(payers[known], return_index=True)
        if unique.size == 0:
            return np.zeros(rows.size, bool)
        first_rows = got[known][first]
        receivers = index.dst[rows]
        pos = np.minimum(np.searchsorted(unique, receivers), unique.size - 1)
        refund: np.ndarray = (unique[pos] == receivers) & (first_rows[pos] < rows)
        return refund

    def _process(self, state: _State, account: int) -> None:
        index = self.index
        rows, is_out = self._events(account)
        amounts = index.amount[rows]
        inflow = np.where(is_out, 0, amounts)
        outflow = np.where(is_out, amounts, 0)
        tainted_in = np.zeros(rows.size, np.int64)
        lots = state.tainted_in[account]
        lot_rows = np.fromiter(lots.keys(), np.int64, len(lots))
        in_positions = np.flatnonzero(~is_out)
        where = in_positions[np.searchsorted(rows[in_positions], lot_rows)]
        tainted_in[where] = np.fromiter(lots.values(), np.int64, len(lots))
        tainted_out, remaining = attribute(self.options.attribution, inflow, outflow, tainted_in)
        carrying = np.flatnonzero(tainted_out)
        out_rows, out_taint = rows[carrying], tainted_out[carrying]
        state.out_rows[account], state.out_taint[account] = out_rows, out_taint
        state.remaining[account] = remaining
        hop = state.hop[account]
        chased = (out_taint >= self.options.dust_fen) & (index.dst[out_rows] != NO_ACCOUNT)
        if self.options.stop_at_cashout:
            chased &= ~index.leaves_banks(out_rows)
        chased &= self._followed(account, index.ts[out_rows], hop)
        if self.options.stop_at_refunds:
            chased &= ~self._refunds(account, out_rows)
        for row, tainted in zip(out_rows[chased].tolist(), out_taint[chased].tolist(), strict=True):
            state.receive(int(index.dst[row]), row, tainted, hop + 1)

    def _passed_on(self, state: _State, account: int) -> int | None:
        """First time traced money left the account within `pass_through_s` of the latest
        traced arrival before it: what a mule does, and what a shop or a saver does not."""
        out_rows = state.out_rows[account]
        if out_rows.size == 0:
            return None
        ts = self.index.ts
        lots = np.array(sorted(state.tainted_in[account]), np.int64)
        latest = lots[np.searchsorted(lots, out_rows) - 1]
        quick = ts[out_rows] - ts[latest] <= self.options.pass_through_s
        return int(ts[out_rows[quick][0]]) if quick.any() else None

    def _result(self, state: _State, seed: TraceSeed) -> Trace:
        index, opts = self.index, self.options
        accounts = np.fromiter(state.tainted_in.keys(), np.int64, len(state.tainted_in))
        hops = np.array([state.hop[a] for a in accounts.tolist()], np.int64)
        parts_rows: list[np.ndarray] = []
        parts_taint: list[np.ndarray] = []
        parts_hop: list[np.ndarray] = []
        parts_refund: list[np.ndarray] = []
        keep = (seed.rows < self.limit) & (index.dst[seed.rows] != NO_ACCOUNT) & (seed.tainted > 0)
        parts_rows.append(seed.rows[keep])
        parts_taint.append(seed.tainted[keep])
        parts_hop.append(np.ones(int(keep.sum()), np.int64))
        parts_refund.append(np.zeros(int(keep.sum()), bool))
        for account, hop in zip(accounts.tolist(), hops.tolist(), strict=True):
            rows, taint = state.out_rows[account], state.out_taint[account]
            shown = (taint >= opts.dust_fen) & self._followed(account, index.ts[rows], hop)
            parts_rows.append(rows[shown])
            parts_taint.append(taint[shown])
            parts_hop.append(np.full(int(shown.sum()), hop + 1, np.int64))
            refunds = self._refunds(account, rows[shown])
            parts_refund.append(refunds if opts.stop_at_refunds else np.zeros_like(refunds))
        rows = np.concatenate(parts_rows)
        order = np.argsort(rows, kind="stable")
        rows = rows[order]
        flow_hop = np.concatenate(parts_hop)[order]
        refunds = np.concatenate(parts_refund)[order]
        receivers = index.dst[rows]
        hop_of = dict(zip(accounts.tolist(), hops.tolist(), strict=True))
        receiver_hop = np.array([hop_of.get(int(d), 0) for d in receivers.tolist()], np.int64)
        cap = opts.max_hops if opts.max_hops is not None else np.iinfo(np.int64).max
        never = np.iinfo(np.int64).max
        flagged_from = np.array([self.widen.get(int(d), never) for d in receivers.tolist()])
        widened = index.ts[rows] >= flagged_from
        merchant = opts.stop_at_merchants & (index.account_kind[receivers] == MERCHANT)
        returned = np.isin(receivers, np.fromiter(self.returned_to, np.int32))
        end = np.select(
            [
                index.leaves_banks(rows),
                returned,
                refunds,
                merchant & ~widened,
                (receiver_hop > cap) & ~widened,
            ],
            ["cashout", "victim", "refund", "merchant", "hop_cap"],
            "",
        )
        flows = pl.DataFrame(
            {
                "row": rows,
                "ts": index.ts[rows],
                "src": index.src[rows],
                "dst": receivers,
                "amount": index.amount[rows],
                "tainted": np.concatenate(parts_taint)[order],
                "hop": flow_hop,
                "end": end,
            }
        ).with_columns(pl.col("end").replace("", None))
        first_ts = [index.ts[min(state.tainted_in[a])] for a in accounts.tolist()]
        first_out = [
            int(index.ts[state.out_rows[a][0]]) if state.out_rows[a].size else None
            for a in accounts.tolist()
        ]
        passed_on = [self._passed_on(state, a) for a in accounts.tolist()]
        tainted_in = [sum(state.tainted_in[a].values()) for a in accounts.tolist()]
        tainted_out = [int(state.out_taint[a].sum()) for a in accounts.tolist()]
        followed = [
            self._always_followed(a, h) or a in self.widen
            for a, h in zip(accounts.tolist(), hops.tolist(), strict=True)
        ]
        summary = pl.DataFrame(
            {
                "account": accounts.astype(np.int32),
                "hop": hops,
                "first_ts": np.array(first_ts, np.int64),
                "first_out_ts": pl.Series(first_out, dtype=pl.Int64),
                "passed_on_ts": pl.Series(passed_on, dtype=pl.Int64),
                "tainted_in": np.array(tainted_in, np.int64),
                "tainted_out": np.array(tainted_out, np.int64),
                "remaining": np.array([state.remaining[a] for a in accounts.tolist()], np.int64),
                "followed": np.array(followed, bool),
            },
            schema_overrides={"followed": pl.Boolean},
        ).sort("first_ts", "account")
        return Trace(flows=flows, accounts=summary)

"""Traces over hand-built ledgers: splits, merges, cycles, shops, holds, hop caps, dust."""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.trace.attribution import Attribution
from fanzha.trace.ledger_index import LedgerIndex, build_index
from fanzha.trace.tracer import Trace, TraceOptions, Tracer, TraceSeed
from tests.trace.ledger_factory import BASE_TS, accounts, transfers

KINDS = dict.fromkeys(("V", "M1", "M2", "M3", "M4", "X"), "personal") | {"SHOP": "merchant"}


def run(
    rows: list[tuple[int, str | None, str | None, float, str]],
    seed_rows: list[int],
    seed_yuan: list[float] | None = None,
    options: TraceOptions | None = None,
    holds: dict[str, int] | None = None,
) -> tuple[LedgerIndex, Trace]:
    index = build_index(transfers(rows), accounts(KINDS))
    amounts = index.amount[seed_rows] if seed_yuan is None else [round(y * 100) for y in seed_yuan]
    seed = TraceSeed(np.array(seed_rows, np.int64), np.array(amounts, np.int64))
    hold_codes = {index.code(a): BASE_TS + 60 * m for a, m in (holds or {}).items()}
    options = options or TraceOptions(dust_fen=1)
    return index, Tracer(index, options, holds=hold_codes).run(seed)


def by_account(index: LedgerIndex, trace: Trace) -> dict[str, tuple[int, int, int]]:
    """account id -> (hop, tainted_in yuan, remaining yuan)."""
    return {
        str(index.account_ids[r["account"]]): (
            r["hop"],
            r["tainted_in"] // 100,
            r["remaining"] // 100,
        )
        for r in trace.accounts.iter_rows(named=True)
    }


def flow_yuan(index: LedgerIndex, trace: Trace) -> dict[str, int]:
    """event id -> tainted yuan."""
    return {
        str(index.event_ids[r]): t // 100
        for r, t in zip(trace.flows["row"].to_list(), trace.flows["tainted"].to_list(), strict=True)
    }


def test_split_with_clean_money_ahead_fifo() -> None:
    index, trace = run(
        [
            (0, None, "M1", 500, "counter"),  # T1 clean money already in M1
            (1, "V", "M1", 1000, "mobile"),  # T2 victim pays
            (2, "M1", "M2", 600, "mobile"),  # T3: 500 clean + 100 tainted
            (3, "M1", "M3", 900, "mobile"),  # T4: 900 tainted
            (4, "M2", None, 600, "atm"),  # T5: M2 cashes out (its 100 tainted)
        ],
        seed_rows=[1],
    )
    assert flow_yuan(index, trace) == {"T2": 1000, "T3": 100, "T4": 900, "T5": 100}
    assert by_account(index, trace) == {
        "M1": (1, 1000, 0),
        "M2": (2, 100, 0),
        "M3": (2, 900, 900),
    }
    ends = dict(zip(trace.flows["row"].to_list(), trace.flows["end"].to_list(), strict=True))
    assert ends[4] == "cashout"


def test_merge_takes_the_shortest_hop_and_sums_the_taint() -> None:
    index, trace = run(
        [
            (0, "V", "M1", 1000, "mobile"),  # T1
            (1, "M1", "M2", 400, "mobile"),  # T2
            (2, "M1", "M3", 600, "mobile"),  # T3
            (3, "M3", "M2", 600, "mobile"),  # T4: merge into M2 (hop 2 and 3)
            (4, "M2", "M4", 1000, "mobile"),  # T5
        ],
        seed_rows=[0],
    )
    assert by_account(index, trace) == {
        "M1": (1, 1000, 0),
        "M2": (2, 1000, 0),
        "M3": (2, 600, 0),
        "M4": (3, 1000, 1000),
    }


def test_cycle_converges_and_follows_time() -> None:
    index, trace = run(
        [
            (0, "V", "M1", 1000, "mobile"),  # T1
            (1, "M1", "M2", 1000, "mobile"),  # T2
            (2, "M2", "M3", 1000, "mobile"),  # T3
            (3, "M3", "M1", 700, "mobile"),  # T4: back round to M1
            (4, "M1", "M4", 700, "mobile"),  # T5
            (5, "M3", "M4", 300, "mobile"),  # T6
        ],
        seed_rows=[0],
    )
    assert flow_yuan(index, trace) == {
        "T1": 1000,
        "T2": 1000,
        "T3": 1000,
        "T4": 700,
        "T5": 700,
        "T6": 300,
    }
    assert by_account(index, trace)["M4"] == (2, 1000, 1000)
    assert by_account(index, trace)["M1"] == (1, 1700, 0)


def test_payment_back_to_an_earlier_payer_is_a_refund_not_chased() -> None:
    ledger = [
        (0, "X", "M1", 300, "mobile"),  # T1: another victim pays the mule first
        (1, "V", "M1", 1000, "mobile"),  # T2
        (2, "M1", "X", 450, "mobile"),  # T3: "rebate" back to X
        (3, "X", "M4", 450, "mobile"),  # T4: X spends it: not the ring's money any more
        (4, "M1", "M2", 850, "mobile"),  # T5
    ]
    index, trace = run(ledger, seed_rows=[1])
    assert flow_yuan(index, trace) == {"T2": 1000, "T3": 150, "T5": 850}
    ends = dict(zip(trace.flows["row"].to_list(), trace.flows["end"].to_list(), strict=True))
    assert ends[2] == "refund"
    assert "X" not in by_account(index, trace)
    chase_all = TraceOptions(dust_fen=1, stop_at_refunds=False)
    index, trace = run(ledger, seed_rows=[1], options=chase_all)
    assert by_account(index, trace)["M4"] == (3, 150, 150)


def test_money_does_not_travel_back_in_time() -> None:
    # M1 paid M2 before the victim's money arrived: that transfer carries none of it.
    index, trace = run(
        [
            (0, None, "M1", 800, "counter"),
            (1, "M1", "M2", 800, "mobile"),  # T2 before the loss
            (2, "V", "M1", 1000, "mobile"),  # T3
        ],
        seed_rows=[2],
    )
    assert flow_yuan(index, trace) == {"T3": 1000}
    assert by_account(index, trace) == {"M1": (1, 1000, 1000)}


def shop_ledger() -> list[tuple[int, str | None, str | None, float, str]]:
    rows: list[tuple[int, str | None, str | None, float, str]] = [
        (i, None, "SHOP", 100, "mobile") for i in range(50)
    ]  # 5,000 clean takings, T1..T50
    rows += [
        (60, "V", "M1", 2000, "mobile"),  # T51
        (61, "M1", "SHOP", 300, "mobile"),  # T52: one tainted payment among many
        (62, "M1", "M2", 1700, "mobile"),  # T53
        (70, "SHOP", "X", 5000, "online"),  # T54: the shop pays its supplier its older takings
    ]
    return rows


def test_shop_is_asked_only_for_the_traced_amount_under_fifo() -> None:
    index, trace = run(shop_ledger(), seed_rows=[50])
    accounts_seen = by_account(index, trace)
    assert accounts_seen["SHOP"] == (2, 300, 300)  # still there: takings left first
    assert "X" not in accounts_seen  # merchants are not chased into suppliers
    assert accounts_seen["M2"] == (2, 1700, 1700)


def test_shop_that_passed_the_money_on_holds_nothing() -> None:
    rows = [*shop_ledger(), (80, "SHOP", "X", 300, "online")]  # T55: the tainted 300 leaves
    index, trace = run(rows, seed_rows=[50])
    assert by_account(index, trace)["SHOP"] == (2, 300, 0)
    proportional = TraceOptions(attribution=Attribution.PROPORTIONAL, dust_fen=1)
    index, trace = run(shop_ledger(), seed_rows=[50], options=proportional)
    # 5,300 in, 300 tainted; 5,000 of 5,300 leave -> floor(300*5000/5300) = 283 tainted out.
    assert by_account(index, trace)["SHOP"] == (2, 300, 16)


def test_hold_refuses_later_outflows_and_keeps_money_arriving_after_it() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (1, "M1", "M2", 1000, "mobile"),  # T2
        (3, "V", "M2", 500, "mobile"),  # T3 arrives after M2's hold takes effect
        (4, "M2", "M3", 1500, "mobile"),  # T4 refused
    ]
    index, trace = run(ledger, seed_rows=[0, 2], holds={"M2": 2})
    assert flow_yuan(index, trace) == {"T1": 1000, "T2": 1000, "T3": 500}
    assert by_account(index, trace)["M2"] == (1, 1500, 1500)
    index, trace = run(ledger, seed_rows=[0, 2])
    assert by_account(index, trace)["M3"] == (2, 1500, 1500)


def test_hop_cap_dust_and_until() -> None:
    ledger = [
        (0, "V", "M1", 1000, "mobile"),  # T1
        (1, "M1", "M2", 999, "mobile"),  # T2
        (1, "M1", "X", 1, "mobile"),  # T3: dust
        (2, "M2", "M3", 999, "mobile"),  # T4
        (3, "M3", "M4", 999, "mobile"),  # T5: beyond two hops
    ]
    capped = TraceOptions(max_hops=2, dust_fen=200)
    index, trace = run(ledger, seed_rows=[0], options=capped)
    assert flow_yuan(index, trace) == {"T1": 1000, "T2": 999, "T4": 999}
    ends = dict(zip(trace.flows["row"].to_list(), trace.flows["end"].to_list(), strict=True))
    assert ends[3] == "hop_cap"
    assert "M4" not in by_account(index, trace)
    early = TraceOptions(dust_fen=1, until=BASE_TS + 60)
    index, trace = run(ledger, seed_rows=[0], options=early)
    assert set(flow_yuan(index, trace)) == {"T1", "T2", "T3"}


def test_flows_table_types() -> None:
    _, trace = run([(0, "V", "M1", 10, "mobile")], seed_rows=[0])
    assert trace.flows.schema["tainted"] == pl.Int64
    assert trace.accounts.schema["remaining"] == pl.Int64

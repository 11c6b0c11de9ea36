"""The trace benchmark runs end to end on a tiny ledger and reports what it measured."""

from __future__ import annotations

from fanzha.bench.trace_bench import run


def test_bench_trace_tiny() -> None:
    (row,) = run(rows=20_000, accounts=2_000, traces=20, hops=6, repeat=1)
    assert row["transfers"] == "20,000"
    assert row["traces"] == 20
    assert isinstance(row["trace median ms (cap 6 hops)"], float)
    assert 0 < int(str(row["accounts reached (median)"])) < 2_000
    assert float(str(row["build s (CSR only)"])) < 5

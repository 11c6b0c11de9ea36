"""The ledger index: codes, CSR order, ids missing from accounts.csv, bad order."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from fanzha.trace.ledger_index import NO_ACCOUNT, build_index, encode
from tests.trace.ledger_factory import accounts, transfers


def test_csr_lists_each_accounts_transfers_in_event_order() -> None:
    ledger = transfers(
        [
            (0, "A", "B", 1, "mobile"),
            (0, "B", "A", 2, "mobile"),
            (1, "A", None, 3, "atm"),
            (2, None, "A", 4, "counter"),
            (3, "A", "B", 5, "online"),
        ]
    )
    index = build_index(ledger, accounts({"A": "personal", "B": "merchant"}))
    a, b = index.code("A"), index.code("B")
    assert index.outgoing(a).tolist() == [0, 2, 4]
    assert index.incoming(a).tolist() == [1, 3]
    assert index.outgoing(b).tolist() == [1]
    assert index.incoming(b).tolist() == [0, 4]
    assert index.src[3] == NO_ACCOUNT and index.dst[2] == NO_ACCOUNT
    assert index.leaves_banks(np.array([0, 1, 2, 4])).tolist() == [False, False, True, False]
    assert index.account_kind[b] == 1  # merchant
    with pytest.raises(KeyError):
        index.code("Z")


def test_accounts_missing_from_accounts_csv_get_codes_after_the_listed_ones() -> None:
    ledger = transfers([(0, "C", "A", 1, "mobile"), (1, "A", "B", 1, "mobile")])
    index = build_index(ledger, accounts({"B": "merchant"}))
    assert index.account_ids.to_list() == ["B", "C", "A"]
    assert index.src.tolist() == [1, 2] and index.dst.tolist() == [2, 0]
    assert index.account_kind.tolist() == [1, 0, 0]  # unknown accounts count as personal
    assert index.codes(pl.Series(["B", None, "Q"])).tolist() == [0, NO_ACCOUNT, NO_ACCOUNT]


def test_encode_matches_an_exact_lookup_on_many_ids() -> None:
    rng = np.random.default_rng(1)
    ids = pl.Series([f"62{n:017d}" for n in rng.choice(10**9, 5_000, replace=False)])
    values = ids.gather(rng.integers(0, ids.len(), 20_000)).scatter([3, 7], [None, "unknown"])
    codes = encode(ids, values)
    expected = [ids.index_of(v) if v is not None else None for v in values.to_list()]
    assert codes.tolist() == [NO_ACCOUNT if e is None else e for e in expected]


def test_unsorted_transfers_are_refused() -> None:
    ledger = transfers([(5, "A", "B", 1, "mobile"), (1, "A", "B", 1, "mobile")])
    with pytest.raises(ValueError, match="sorted by ts"):
        build_index(ledger, accounts({"A": "personal", "B": "personal"}))

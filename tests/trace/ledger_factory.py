"""Hand-built ledgers: typed transfers and accounts tables from short literal rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

BASE_TS = 1_772_294_400  # 2026-03-01T00:00:00+08:00


def transfers(rows: Sequence[tuple[int, str | None, str | None, float, str]]) -> pl.DataFrame:
    """Rows of (minute, from, to, yuan, channel); event ids T1, T2... in the given order."""
    return pl.DataFrame(
        {
            "event_id": [f"T{i + 1}" for i in range(len(rows))],
            "ts": [BASE_TS + 60 * r[0] for r in rows],
            "from_account": [r[1] for r in rows],
            "to_account": [r[2] for r in rows],
            "amount": [round(r[3] * 100) for r in rows],
            "channel": [r[4] for r in rows],
        },
        schema={
            "event_id": pl.String,
            "ts": pl.Int64,
            "from_account": pl.String,
            "to_account": pl.String,
            "amount": pl.Int64,
            "channel": pl.String,
        },
    )


def accounts(kinds: dict[str, str], holders: dict[str, str] | None = None) -> pl.DataFrame:
    """Accounts table from {account_id: kind}; holders {account_id: person_id} where local."""
    holders = holders or {}
    ids = sorted(kinds)
    return pl.DataFrame(
        {
            "account_id": ids,
            "holder_person_id": [holders.get(a) for a in ids],
            "bank": ["ICBC"] * len(ids),
            "kind": [kinds[a] for a in ids],
            "opened_at": [None] * len(ids),
        },
        schema={
            "account_id": pl.String,
            "holder_person_id": pl.String,
            "bank": pl.String,
            "kind": pl.String,
            "opened_at": pl.Int64,
        },
    )


def reports(rows: list[tuple[str, int, str, list[str], float]]) -> pl.DataFrame:
    """Rows of (report_id, minute, person_id, paid_to, claimed yuan)."""
    return pl.DataFrame(
        {
            "report_id": [r[0] for r in rows],
            "ts": [BASE_TS + 60 * r[1] for r in rows],
            "person_id": [r[2] for r in rows],
            "paid_to": [r[3] for r in rows],
            "claimed_amount": [round(r[4] * 100) for r in rows],
        },
        schema={
            "report_id": pl.String,
            "ts": pl.Int64,
            "person_id": pl.String,
            "paid_to": pl.List(pl.String),
            "claimed_amount": pl.Int64,
        },
    )


def write_case_dataset(root: Path) -> Path:
    """A small dataset on disk: one victim (P1, account V) paying mule M1, which splits to M2
    (ATM cash-out) and M3 (still holding), plus a shop payment, a false report (R2) and a
    report the ledger shows no payment for (R3)."""
    from fanzha.io.schema import TABLES
    from fanzha.io.table_writer import write_table

    kinds = {"V": "personal", "M1": "personal", "M2": "personal", "M3": "personal"}
    kinds |= {"SHOP": "merchant", "W": "personal", "F": "personal"}
    holders = {"V": "P1", "M2": "P3", "M3": "P3", "W": "P2", "F": "P4"}
    ledger = transfers(
        [
            (0, "V", "M1", 5000, "mobile"),  # T1 loss
            (2, "M1", "M2", 2000, "mobile"),  # T2
            (3, "M1", "M3", 2500, "online"),  # T3
            (4, "M1", "SHOP", 500, "mobile"),  # T4 goods
            (5, "M2", None, 2000, "atm"),  # T5 cash-out
            (6, "W", "F", 300, "mobile"),  # T6 what a false report is about
        ]
    )
    persons = pl.DataFrame(
        {
            "person_id": ["P1", "P2", "P3", "P4"],
            "district": ["360102", "360111", "360113", "360102"],
            "birth_year": [1980, 1990, 1975, 1988],
            "sex": ["F", "M", "M", "F"],
        }
    )
    cases = reports(
        [
            ("R1", 30, "P1", ["M1"], 5000),
            ("R2", 40, "P2", ["F"], 300),
            ("R3", 50, "P4", ["M1"], 100),  # P4 never paid M1
        ]
    )
    labels = {
        "labels/targets": pl.DataFrame(
            {
                "person_id": ["P1"],
                "scam_type": ["rebate"],
                "first_contact_ts": [BASE_TS - 3600],
                "first_loss_ts": [BASE_TS],
                "loss_amount": [500_000],
            }
        ),
        "labels/accounts": pl.DataFrame(
            {"account_id": ["M1", "M2", "M3"], "role": ["mule_1", "mule_2", "mule_2"]}
        ),
        "labels/losses": pl.DataFrame({"event_id": ["T1"]}),
    }
    for name, frame in (
        *labels.items(),
        ("persons", persons),
        ("accounts", accounts(kinds, holders)),
        ("transfers", ledger),
        ("reports", cases),
    ):
        write_table(frame, root, TABLES[name])
    return root

"""The blacklist-only reference engine on a hand-built city whose answers are known."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.detect.replay_usecase import Mode, replay
from tests.detect.tiny_city import HOUR, START, TinyCity

FRAUD = "+855111111111"


def _city() -> TinyCity:
    people = [("P1", "360102", 1980, "M"), ("P2", "360103", 1990, "F"), ("P3", "360104", 1970, "F")]
    return TinyCity(
        persons=people,
        phones=[
            ("13900000001", "P1", "mobile", None),
            ("13900000002", "P2", "mobile", None),
            ("13900000003", "P3", "mobile", None),
            (FRAUD, None, "overseas", None),
        ],
        accounts=[
            ("6222000000000001", "P1", "ICBC", "personal", None),
            ("6222000000000003", "P3", "ICBC", "personal", None),
            ("6230000000000009", None, "CCB", "personal", None),
        ],
        calls=[
            ("C1", START + 9 * HOUR, FRAUD, "13900000002", 600),  # before listing: no warning
            ("C2", START + 11 * HOUR, FRAUD, "13900000001", 300),  # warns P1, tier 2
            ("C3", START + 12 * HOUR, "13900000001", FRAUD, 60),  # within 24 h, same tier: quiet
        ],
        transfers=[
            # P1 pays the listed account: tier 1 may follow tier 2 within 24 h.
            ("T1", START + 13 * HOUR, "6222000000000001", "6230000000000009", 500_000, "mobile"),
            ("T2", START + 20 * HOUR, "6222000000000003", "6230000000000009", 100_000, "mobile"),
        ],
        lists={
            "numbers": [(FRAUD, START + 10 * HOUR, "MIIT")],
            "accounts": [("6230000000000009", START + 12 * HOUR, "PBOC")],
        },
    )


def test_blacklist_warns_on_listed_contacts_and_flags_listed_values(tmp_path: Path) -> None:
    data = _city().write(tmp_path / "city")
    out = tmp_path / "out"
    summary = replay(data, out, mode=Mode.BLACKLIST)
    warnings = pl.read_csv(out / "warnings.csv", infer_schema=False)
    assert warnings.select("warning_id", "person_id", "tier", "reasons").rows() == [
        ("W00000001", "P1", "2", "CONTACT_LISTED_NUMBER"),
        ("W00000002", "P1", "1", "PAYEE_LISTED"),
        ("W00000003", "P3", "1", "PAYEE_LISTED"),
    ]
    assert warnings["ts"].to_list() == [
        "2026-03-01T11:00:00+08:00",
        "2026-03-01T13:00:00+08:00",
        "2026-03-01T20:00:00+08:00",
    ]
    numbers = pl.read_csv(out / "flagged_numbers.csv", infer_schema=False)
    assert numbers.rows() == [(FRAUD, "2026-03-01T10:00:00+08:00", "1.0000", "LISTED_NUMBER")]
    accounts = pl.read_csv(out / "flagged_accounts.csv", infer_schema=False)
    assert accounts["account_id"].to_list() == ["6230000000000009"]
    assert summary.warnings_by_tier == {"1": 2, "2": 1}

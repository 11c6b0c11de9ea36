"""Storing records: idempotent by key, typed as the readers type them, lists by value and time."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Table, func, select

from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError
from fanzha.store.database import Database
from fanzha.store.dataset_tables import DATASET_TABLES, list_entries
from fanzha.store.import_usecase import import_dataset
from fanzha.store.ingest_usecase import store_records
from tests.io.dataset_factory import write_dataset

T0 = 1_772_327_702  # 2026-03-01T09:15:02+08:00


def _transfers(ids: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "event_id": ids,
            "ts": [T0 + i for i in range(len(ids))],
            "from_account": ["A1"] * len(ids),
            "to_account": [None] * len(ids),
            "amount": [499_900 + i for i in range(len(ids))],
            "channel": ["mobile"] * len(ids),
        },
        schema_overrides={"to_account": pl.String},
    )


def _count(database: Database, table: Table) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_records_are_stored_once_by_event_id(database: Database) -> None:
    with database.session() as session:
        first = store_records(session, "transfers", _transfers(["T1", "T2", "T2"]))
    with database.session() as session:
        second = store_records(session, "transfers", _transfers(["T2", "T3"]))
    assert (first.stored, first.duplicates) == (2, 1)
    assert (second.stored, second.duplicates) == (1, 1)
    transfers = DATASET_TABLES["transfers"]
    with database.session() as session:
        rows = session.execute(
            select(transfers.c.event_id, transfers.c.amount, transfers.c.to_account).order_by(
                transfers.c.event_id
            )
        ).all()
    # The first version of T2 is kept: a resent batch changes nothing.
    assert [tuple(r) for r in rows] == [
        ("T1", 499_900, None),
        ("T2", 499_901, None),
        ("T3", 499_901, None),
    ]


def test_import_dataset_stores_every_table_and_is_idempotent(
    database: Database, tmp_path: Path
) -> None:
    root = write_dataset(tmp_path / "city")
    imported = {t.name: t for t in import_dataset(database, root)}
    assert imported["transfers"].stored == 3
    assert imported["persons"].stored == 2
    assert imported["lists/numbers"].stored == 1
    again = {t.name: t for t in import_dataset(database, root)}
    assert all(t.stored == 0 and t.duplicates == t.rows for t in again.values())

    reports = DATASET_TABLES["reports"]
    with database.session() as session:
        report = session.execute(select(reports)).one()
        listed = session.execute(select(list_entries.c.kind, list_entries.c.value)).all()
    expected = Dataset(root).table("reports").row(0, named=True)
    assert report.ts == expected["ts"]
    assert report.claimed_amount == 5_000_000
    assert report.paid_to == "6217000000000000001"
    assert [tuple(r) for r in listed] == [("numbers", "+855123456789")]


def test_bad_dataset_is_refused_whole_with_file_and_line(
    database: Database, tmp_path: Path
) -> None:
    broken = (
        "event_id,ts,from_account,to_account,amount,channel\n"
        "T1,2026-03-01T10:00:00+08:00,6222020200112233445,,49999.00,mobile\n"
        "T2,2026-03-01T10:03:00+08:00,6222020200112233445,,-5.00,mobile\n"
    )
    root = write_dataset(tmp_path / "city", {"transfers.csv": broken})
    with pytest.raises(DatasetError, match=r"transfers.csv:3 \[amount\]"):
        import_dataset(database, root)
    assert _count(database, DATASET_TABLES["persons"]) == 0


def test_ids_longer_than_the_store_holds_are_named_before_anything_is_stored(
    database: Database, tmp_path: Path
) -> None:
    long_id = "6" * 65
    transfers = (
        "event_id,ts,from_account,to_account,amount,channel\n"
        "T1,2026-03-01T10:00:00+08:00,6222020200112233445,,49999.00,mobile\n"
        f"T2,2026-03-01T10:03:00+08:00,{long_id},,5.00,mobile\n"
    )
    root = write_dataset(tmp_path / "city", {"transfers.csv": transfers})
    with pytest.raises(DatasetError, match=r"transfers.csv:3 \[from_account\]: longer than the 64"):
        import_dataset(database, root)
    assert _count(database, DATASET_TABLES["transfers"]) == 0

"""Import a dataset directory (format dataset/1) into the store, table by table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import TABLES
from fanzha.store.database import Database
from fanzha.store.dataset_tables import ID_CHARS, LIST_KINDS, STORED_NAMES, overlong
from fanzha.store.ingest_usecase import StoreResult, store_records

IMPORTED = (*STORED_NAMES, *(f"lists/{kind}" for kind in LIST_KINDS))


@dataclass(frozen=True)
class ImportedTable:
    name: str
    rows: int
    stored: int
    duplicates: int


def import_dataset(database: Database, root: Path) -> list[ImportedTable]:
    """Read every input table with full checks, then store it; labels/ are never read.

    Reading raises `DatasetError` naming file, line and column of every bad row before
    anything is stored, so a bad directory leaves the store untouched.
    """
    dataset = Dataset(root)
    frames = {name: dataset.table(name) for name in IMPORTED}
    too_long = [
        Problem(f"{name}.csv", row + 2, column, f"longer than the {ID_CHARS} characters stored")
        for name, frame in frames.items()
        for row, column in overlong(TABLES[name], frame)
    ]
    if too_long:
        raise DatasetError(too_long)
    imported: list[ImportedTable] = []
    with database.session() as session:
        for name, frame in frames.items():
            result: StoreResult = store_records(session, name, frame)
            imported.append(ImportedTable(name, frame.height, result.stored, result.duplicates))
    return imported

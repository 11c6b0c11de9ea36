"""A dataset directory: meta.json plus the tables, read on demand and kept typed."""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Protocol

import polars as pl

from fanzha.io.fields import TS_PATTERN
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import TABLES, Meta
from fanzha.io.table_reader import read_table

META_FILE = "meta.json"


def parse_meta(path: Path) -> tuple[Meta | None, list[Problem]]:
    """Read meta.json; return the problems instead of raising, for `validate`."""
    if not path.exists():
        return None, [Problem(META_FILE, 0, "", "file is missing")]
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem(META_FILE, getattr(exc, "lineno", 0), "", f"not valid JSON: {exc}")]
    if not isinstance(raw, dict):
        return None, [Problem(META_FILE, 1, "", "must be a JSON object")]
    problems: list[Problem] = []
    if raw.get("format") != "dataset/1":
        problems.append(Problem(META_FILE, 0, "format", 'must be "dataset/1"'))
    bounds: dict[str, int] = {}
    for key in ("start", "end"):
        value = raw.get(key)
        parsed = None
        if isinstance(value, str) and pl.Series([value]).str.contains(TS_PATTERN)[0]:
            text = value[:-1] + "+00:00" if value.endswith("Z") else value
            stamp = pl.Series([text]).str.to_datetime("%Y-%m-%dT%H:%M:%S%z", strict=False)
            parsed = stamp.dt.epoch("s").item()
        if parsed is None:
            problems.append(Problem(META_FILE, 0, key, f"not a timestamp: {value!r}"))
        else:
            bounds[key] = int(parsed)
    seed = raw.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        problems.append(Problem(META_FILE, 0, "seed", "must be an integer or null"))
    note = raw.get("note", "")
    if not isinstance(note, str):
        problems.append(Problem(META_FILE, 0, "note", "must be a string"))
    if problems:
        return None, problems
    known = {"format", "start", "end", "seed", "note"}
    extra = {k: v for k, v in raw.items() if k not in known}
    return Meta(bounds["start"], bounds["end"], seed, str(note), extra=extra), []


class TableSource(Protocol):
    """Where the engine reads its inputs: a dataset directory, or the service's stored window."""

    @property
    def meta(self) -> Meta: ...

    def table(self, name: str) -> pl.DataFrame: ...


class Dataset:
    """Typed access to a dataset directory. Tables are read once, on first use.

    `labels/` is read only through `label()`, which the engine never calls. With
    `keep_tables=False` every call reads the file again and nothing is kept: a reader that codes
    each table and lets it go then holds one table at a time.
    """

    def __init__(self, root: Path, keep_tables: bool = True) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise DatasetError([Problem(str(root), 0, "", "not a directory")])
        self.keep_tables = keep_tables
        self._tables: dict[str, pl.DataFrame] = {}

    @cached_property
    def meta(self) -> Meta:
        meta, problems = parse_meta(self.root / META_FILE)
        if meta is None:
            raise DatasetError(problems)
        return meta

    def table(self, name: str) -> pl.DataFrame:
        if name.startswith("labels/"):
            raise ValueError("labels are ground truth: use Dataset.label(), never in the engine")
        return self._read(name)

    def label(self, name: str) -> pl.DataFrame:
        return self._read(f"labels/{name}")

    def has_labels(self) -> bool:
        return (self.root / "labels").is_dir()

    def _read(self, name: str) -> pl.DataFrame:
        if name in self._tables:
            return self._tables[name]
        frame = read_table(self.root, TABLES[name])
        if self.keep_tables:
            self._tables[name] = frame
        return frame

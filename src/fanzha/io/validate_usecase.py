"""`fanzha validate`: check a dataset directory against the format and list every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from fanzha.io.dataset import META_FILE, parse_meta
from fanzha.io.problems import Problem
from fanzha.io.schema import INPUT_TABLES, LABEL_TABLES, FieldType, TableSpec
from fanzha.io.table_reader import KEPT_PROBLEMS, TableResult, read_checked


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, problems: list[Problem], total: int) -> None:
        room = max(0, KEPT_PROBLEMS - len(self.problems))
        self.problems.extend(problems[:room])
        self.problem_count += total


def validate_dataset(root: Path, on_table: Callable[[str], None] | None = None) -> ValidationReport:
    """Check meta.json, every input file, labels/ if present, and ids across files."""
    report = ValidationReport()
    _, meta_problems = parse_meta(root / META_FILE)
    report.add(meta_problems, len(meta_problems))
    specs = list(INPUT_TABLES)
    if (root / "labels").is_dir():
        specs += LABEL_TABLES
    results: dict[str, TableResult] = {}
    for spec in specs:
        if on_table is not None:
            on_table(spec.file)
        result = read_checked(root / spec.file, spec)
        results[spec.name] = result
        report.rows[spec.file] = result.frame.height
        report.add(result.problems, result.problem_count)
    for spec in specs:
        for problems, total in _reference_problems(spec, results):
            report.add(problems, total)
    report.problems.sort(key=lambda p: (p.file, p.line, p.column))
    return report


def _reference_problems(
    spec: TableSpec, results: dict[str, TableResult]
) -> list[tuple[list[Problem], int]]:
    """Ids used in `spec` that the table they refer to does not define."""
    out = []
    frame = results[spec.name].frame
    for column in spec.columns:
        if column.refers_to is None or frame.height == 0:
            continue
        table, key = column.refers_to.split(".")
        target = results.get(table)
        if target is None or (target.frame.height == 0 and target.problem_count):
            continue  # the missing table is reported already
        values = frame.select(
            pl.int_range(2, frame.height + 2).alias("line"), pl.col(column.name).alias("value")
        )
        if column.type is FieldType.ID_LIST:
            values = values.explode("value")
        unknown = values.filter(
            pl.col("value").is_not_null() & ~pl.col("value").is_in(target.frame[key].implode())
        )
        if unknown.height:
            problems = [
                Problem(
                    spec.file, line, column.name, f"unknown {key} {value!r} (not in {table}.csv)"
                )
                for line, value in unknown.head(KEPT_PROBLEMS).iter_rows()
            ]
            out.append((problems, unknown.height))
    return out

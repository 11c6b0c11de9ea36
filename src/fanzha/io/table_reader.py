"""Read one file of the format into a typed columnar table, or say exactly which rows are bad.

A reader never drops a row silently: it returns every row, or raises `DatasetError` with the
file, line, column and fault of each bad row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from fanzha.io.fields import parse_column
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import TableSpec

#: How many problems are kept in full; beyond it they are only counted.
KEPT_PROBLEMS = 1000


@dataclass
class TableResult:
    """A table as read: typed rows (bad fields null) and what is wrong with it."""

    spec: TableSpec
    frame: pl.DataFrame
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    def add(self, problems: list[Problem], total: int | None = None) -> None:
        room = max(0, KEPT_PROBLEMS - len(self.problems))
        self.problems.extend(problems[:room])
        self.problem_count += len(problems) if total is None else total


def read_raw(path: Path, spec: TableSpec) -> TableResult:
    """Read a CSV file as strings; malformed rows become problems, not exceptions."""
    empty = pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in spec.column_names})
    result = TableResult(spec, empty)
    if not path.exists():
        result.add([Problem(spec.file, 0, "", "file is missing")])
        return result
    try:
        with path.open("rb") as fh:
            header = fh.readline().decode("utf-8-sig").rstrip("\r\n").split(",")
    except UnicodeDecodeError:
        result.add([Problem(spec.file, 1, "", "header is not UTF-8")])
        return result
    header = [h.strip('"') for h in header]
    missing = [c for c in spec.column_names if c not in header]
    if missing:
        result.add([Problem(spec.file, 1, c, "column is missing") for c in missing])
        return result

    ragged: list[pacsv.InvalidRow] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        ragged.append(row)
        return "skip"  # reported below as a problem: the read as a whole then fails

    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header},
                include_columns=spec.column_names,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        result.add([Problem(spec.file, 0, "", f"cannot be read as UTF-8 CSV: {exc}")])
        return result
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    result.frame = frame
    result.add(_ragged_problems(path, spec, ragged))
    return result


def _ragged_problems(path: Path, spec: TableSpec, rows: list[pacsv.InvalidRow]) -> list[Problem]:
    """Rows with the wrong number of fields. The threaded parser does not know their line
    numbers, so they are found again by their text (rare: only files that are broken)."""
    if not rows:
        return []
    wanted = {row.text for row in rows if row.number is None}
    found: dict[str, list[int]] = {}
    if wanted:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for number, physical in enumerate(fh, start=1):
                text = physical.rstrip("\r\n")
                if text in wanted:
                    found.setdefault(text, []).append(number)
    problems = []
    for row in rows:
        line: int
        if row.number is not None:
            line = row.number
        else:
            candidates = found.get(row.text) or [0]
            line = candidates.pop(0) if len(candidates) > 1 else candidates[0]
        problems.append(
            Problem(
                spec.file,
                line,
                "",
                f"expected {row.expected_columns} fields, found {row.actual_columns}: "
                f"{row.text[:60]!r}",
            )
        )
    return sorted(problems)


def check_table(raw: TableResult) -> TableResult:
    """Type every column and check keys and order within the file."""
    spec = raw.spec
    frame = raw.frame
    result = TableResult(spec, frame, list(raw.problems), raw.problem_count)
    if raw.problem_count and frame.height == 0:
        return result
    typed: dict[str, pl.Series] = {}
    errors: list[pl.DataFrame] = []
    lines = pl.int_range(2, frame.height + 2, eager=True, dtype=pl.Int64)
    for column in spec.columns:
        parsed = parse_column(frame[column.name], column)
        typed[column.name] = parsed.values
        errors.append(_errors_frame(lines, parsed.error, column.name))
    if spec.key is not None:
        duplicate = ~frame[spec.key].is_first_distinct() & (frame[spec.key] != "")
        errors.append(_errors_frame(lines, _flag(duplicate, f"duplicate {spec.key}"), spec.key))
    if spec.order_by is not None:
        ts = typed[spec.order_by]
        running_max = ts.cum_max().shift(1)
        earlier = (ts < running_max).fill_null(False)
        message = f"out of time order: earlier than a row above (sorted by {spec.order_by})"
        errors.append(_errors_frame(lines, _flag(earlier, message), spec.order_by))
    _collect(result, errors)
    result.frame = pl.DataFrame(typed)
    return result


def _flag(mask: pl.Series, message: str) -> pl.Series:
    return pl.select(pl.when(mask).then(pl.lit(message)).otherwise(None)).to_series()


def _errors_frame(lines: pl.Series, error: pl.Series, column: str) -> pl.DataFrame:
    frame = pl.DataFrame({"line": lines, "message": error})
    return frame.filter(pl.col("message").is_not_null()).with_columns(column=pl.lit(column))


def _collect(result: TableResult, errors: list[pl.DataFrame]) -> None:
    if not errors:
        return
    found = pl.concat(errors).sort("line", "column", maintain_order=True)
    total = found.height
    if total == 0:
        return
    kept = found.head(KEPT_PROBLEMS)
    result.add(
        [
            Problem(result.spec.file, line, column, message)
            for line, column, message in kept.select("line", "column", "message").iter_rows()
        ],
        total,
    )


def read_table(root: Path, spec: TableSpec) -> pl.DataFrame:
    """Read a table with types, or raise `DatasetError` naming every bad row."""
    path = root / spec.file
    result = check_table(read_raw(path, spec))
    if result.problem_count:
        raise DatasetError(result.problems)
    return result.frame

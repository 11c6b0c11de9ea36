"""Read one file of the format into a typed columnar table, or say exactly which rows are bad.

A reader never drops a row silently: it returns every row, or raises `DatasetError` with the
file, line, column and fault of each bad row. The text is read and checked one block at a time,
so only the typed table, never the whole file as strings, is held in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from fanzha.io.fields import parse_column, typed_schema
from fanzha.io.problems import DatasetError, Problem
from fanzha.io.schema import TableSpec

#: How many problems are kept in full; beyond it they are only counted.
KEPT_PROBLEMS = 1000
#: Bytes of CSV text parsed and checked at a time.
BLOCK_BYTES = 1 << 24


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


def read_checked(path: Path, spec: TableSpec, block_bytes: int = BLOCK_BYTES) -> TableResult:
    """Read a CSV file with types; malformed rows and bad fields become problems, not
    exceptions."""
    result = TableResult(spec, pl.DataFrame(schema=typed_schema(spec)))
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

    check = _TableCheck(spec)
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=True, block_size=block_bytes),
            parse_options=pacsv.ParseOptions(invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header},
                include_columns=spec.column_names,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        for batch in reader:
            check.add(pl.DataFrame(batch))
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        result.add([Problem(spec.file, 0, "", f"cannot be read as UTF-8 CSV: {exc}")])
        return result
    finally:
        pa.default_memory_pool().release_unused()  # the blocks of text, back to the system
    result.add(_ragged_problems(path, spec, ragged))
    check.finish(result)
    return result


class _TableCheck:
    """Types the blocks of one file as they come and checks them, keys and time order across
    blocks included; keeps the typed blocks and at most KEPT_PROBLEMS problems per block."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.blocks: list[pl.DataFrame] = []
        self.errors: list[pl.DataFrame] = []
        self.error_count = 0
        self.rows = 0
        self.latest: int | None = None  # the largest order_by value so far

    def add(self, raw: pl.DataFrame) -> None:
        first_line = self.rows + 2  # the header is line 1
        lines = pl.int_range(first_line, first_line + raw.height, eager=True, dtype=pl.Int64)
        typed: dict[str, pl.Series] = {}
        errors: list[pl.DataFrame] = []
        for column in self.spec.columns:
            parsed = parse_column(raw[column.name], column)
            typed[column.name] = parsed.values
            errors.append(_errors_frame(lines, parsed.error, column.name))
        if self.spec.order_by is not None:
            order = self._time_order(typed[self.spec.order_by])
            errors.append(_errors_frame(lines, order, self.spec.order_by))
        self._keep(errors)
        self.blocks.append(pl.DataFrame(typed))
        self.rows += raw.height

    def _time_order(self, ts: pl.Series) -> pl.Series:
        """Rows earlier than a row above them, in this block or an earlier one."""
        above = ts.cum_max().forward_fill().shift(1)
        if self.latest is not None:
            above = above.fill_null(self.latest).clip(lower_bound=self.latest)
        block_latest = ts.max()
        if block_latest is not None:
            latest = int(block_latest)  # type: ignore[arg-type]
            self.latest = latest if self.latest is None else max(self.latest, latest)
        earlier = (ts < above).fill_null(False)
        message = f"out of time order: earlier than a row above (sorted by {self.spec.order_by})"
        return _flag(earlier, message)

    def _keep(self, errors: list[pl.DataFrame]) -> None:
        found = pl.concat(errors).sort("line", "column", maintain_order=True)
        self.error_count += found.height
        if found.height:
            self.errors.append(found.head(KEPT_PROBLEMS))

    def finish(self, result: TableResult) -> None:
        """Put the typed table and every problem found into `result`."""
        spec = self.spec
        if self.blocks:
            result.frame = pl.concat(self.blocks, rechunk=False)
        self.blocks = []
        if spec.key is not None and result.frame.height:
            key = result.frame[spec.key]
            duplicate = key.is_not_null() & ~key.is_first_distinct()
            lines = pl.int_range(2, key.len() + 2, eager=True, dtype=pl.Int64)
            self._keep([_errors_frame(lines, _flag(duplicate, f"duplicate {spec.key}"), spec.key)])
        if not self.errors:
            return
        kept = pl.concat(self.errors).sort("line", "column", maintain_order=True)
        result.add(
            [
                Problem(spec.file, line, column, message)
                for line, column, message in kept.head(KEPT_PROBLEMS)
                .select("line", "column", "message")
                .iter_rows()
            ],
            self.error_count,
        )


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


def _flag(mask: pl.Series, message: str) -> pl.Series:
    return pl.select(pl.when(mask).then(pl.lit(message)).otherwise(None)).to_series()


def _errors_frame(lines: pl.Series, error: pl.Series, column: str) -> pl.DataFrame:
    frame = pl.DataFrame({"line": lines, "message": error})
    return frame.filter(pl.col("message").is_not_null()).with_columns(column=pl.lit(column))


def read_table(root: Path, spec: TableSpec) -> pl.DataFrame:
    """Read a table with types, or raise `DatasetError` naming every bad row."""
    result = read_checked(root / spec.file, spec)
    if result.problem_count:
        raise DatasetError(result.problems)
    return result.frame

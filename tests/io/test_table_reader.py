"""The reader checks a file block by block: what spans blocks (keys, time order, line numbers)
is still found, and the typed table does not keep the text it was read from."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from fanzha.io.dataset import Dataset
from fanzha.io.schema import TABLES
from fanzha.io.table_reader import KEPT_PROBLEMS, read_checked
from tests.io.dataset_factory import write_dataset

SPEC = TABLES["calls"]
SMALL_BLOCK = 512  # a few rows a block


def _calls(rows: int) -> list[str]:
    return [
        f"C{i:06d},2026-03-01T{9 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}+08:00,"
        f"139{i:08d},13800000000,{i % 90}"
        for i in range(rows)
    ]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("event_id,ts,caller,callee,duration_s\n" + "\n".join(lines) + "\n")
    return path


def test_blocks_give_the_same_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "calls.csv", _calls(400))
    whole = read_checked(path, SPEC)
    blocks = read_checked(path, SPEC, block_bytes=SMALL_BLOCK)
    assert blocks.frame.n_chunks() > 1
    assert blocks.problem_count == whole.problem_count == 0
    assert blocks.frame.equals(whole.frame)
    assert blocks.frame.schema == whole.frame.schema


def test_faults_across_blocks_are_found_with_their_lines(tmp_path: Path) -> None:
    lines = _calls(400)
    lines[300] = lines[5]  # duplicate id, and earlier than line 301's neighbours
    lines[350] = lines[350].replace(",13800000000,", ",138000000x0,")
    lines[370] = "C999999,2026-03-01T09:00:00+08:00"  # too few fields
    path = _write(tmp_path / "calls.csv", lines)
    result = read_checked(path, SPEC, block_bytes=SMALL_BLOCK)
    found = [(p.line, p.column, p.message.split(":")[0]) for p in result.problems]
    assert found == [
        (372, "", "expected 5 fields, found 2"),
        (302, "event_id", "duplicate event_id"),
        (302, "ts", "out of time order"),
        (352, "callee", "not a phone number (11 digits, + and country code, or a short code)"),
    ]


def test_problems_are_counted_beyond_those_kept(tmp_path: Path) -> None:
    lines = [line.rsplit(",", 1)[0] + ",long" for line in _calls(KEPT_PROBLEMS + 300)]
    result = read_checked(_write(tmp_path / "calls.csv", lines), SPEC, block_bytes=4096)
    assert result.problem_count == KEPT_PROBLEMS + 300
    assert len(result.problems) == KEPT_PROBLEMS
    assert [p.line for p in result.problems] == list(range(2, KEPT_PROBLEMS + 2))


def test_typed_table_does_not_hold_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "calls.csv", _calls(3000))
    before = pa.total_allocated_bytes()
    frame = read_checked(path, SPEC, block_bytes=16_384).frame
    assert frame.height == 3000
    assert pa.total_allocated_bytes() == before


@pytest.mark.parametrize("keep", [True, False])
def test_dataset_keeps_tables_only_when_asked(tmp_path: Path, keep: bool) -> None:
    root = write_dataset(tmp_path)
    data = Dataset(root, keep_tables=keep)
    first = data.table("persons")
    (root / "persons.csv").write_text("person_id,district,birth_year,sex\nP9,360102,1980,M\n")
    again = data.table("persons")
    assert again.equals(first) is keep

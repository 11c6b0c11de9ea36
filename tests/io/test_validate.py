"""`validate` and the readers find every kind of bad input and name file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanzha.io.dataset import Dataset
from fanzha.io.problems import DatasetError
from fanzha.io.validate_usecase import validate_dataset
from tests.io.dataset_factory import FILES, write_dataset


def _replace_line(name: str, line: int, text: str) -> dict[str, str | None]:
    lines = FILES[name].splitlines()
    lines[line - 1] = text
    return {name: "\n".join(lines) + "\n"}


def test_valid_dataset_has_no_problems(tmp_path: Path) -> None:
    report = validate_dataset(write_dataset(tmp_path))
    assert report.ok, [str(p) for p in report.problems]
    assert report.rows["transfers.csv"] == 3
    assert report.rows["lists/numbers.csv"] == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"calls.csv": None}, "calls.csv: file is missing"),
        (
            {"calls.csv": "event_id,ts,caller,duration_s\n"},
            "calls.csv:1 [callee]: column is missing",
        ),
        (
            _replace_line("calls.csv", 2, "C1,2026-03-01 09:15:02,+855123456789,13907911234,5"),
            "calls.csv:2 [ts]: not a timestamp",
        ),
        (
            _replace_line(
                "calls.csv", 2, "C1,2026-02-30T09:15:02+08:00,+855123456789,13907911234,5"
            ),
            "calls.csv:2 [ts]: impossible date or time",
        ),
        (
            _replace_line("calls.csv", 3, "C2,2026-03-01T09:40:00+08:00,1380791222x,13907911234,0"),
            "calls.csv:3 [caller]: not a phone number",
        ),
        (
            _replace_line("transfers.csv", 2, "T1,2026-03-01T10:00:00+08:00,,,0.00,mobile"),
            "transfers.csv:2 [amount]: amount must be greater than 0",
        ),
        (
            _replace_line("transfers.csv", 2, "T1,2026-03-01T10:00:00+08:00,,,-5.00,mobile"),
            "transfers.csv:2 [amount]: not an amount",
        ),
        (
            _replace_line("transfers.csv", 2, "T1,2026-03-01T10:00:00+08:00,,,49999.5,mobile"),
            "transfers.csv:2 [amount]: not an amount",
        ),
        (
            _replace_line("transfers.csv", 4, "T3,2026-03-01T10:05:00+08:00,,,1.00,pigeon"),
            "transfers.csv:4 [channel]: not one of mobile",
        ),
        (
            _replace_line("transfers.csv", 3, "T1,2026-03-01T10:03:00+08:00,,,1.00,atm"),
            "transfers.csv:3 [event_id]: duplicate event_id",
        ),
        (
            _replace_line("transfers.csv", 4, "T3,2026-03-01T09:05:00+08:00,,,1.00,atm"),
            "transfers.csv:4 [ts]: out of time order",
        ),
        (
            _replace_line(
                "reports.csv", 2, "R1,2026-03-01T12:00:00+08:00,P9,6217000000000000001,5.00"
            ),
            "reports.csv:2 [person_id]: unknown person_id 'P9'",
        ),
        (
            _replace_line(
                "reports.csv", 2, "R1,2026-03-01T12:00:00+08:00,P1,6217000000000000001;999,5.00"
            ),
            "reports.csv:2 [paid_to]: unknown account_id '999'",
        ),
        (
            _replace_line("calls.csv", 3, "C2,2026-03-01T09:40:00+08:00,13800000000,13907911234,0"),
            "calls.csv:3 [caller]: unknown number '13800000000'",
        ),
        (
            _replace_line("persons.csv", 3, "P2,360111,1991,X"),
            "persons.csv:3 [sex]: not one of M, F",
        ),
        (
            _replace_line("persons.csv", 3, "P2,,1991,F"),
            "persons.csv:3 [district]: missing value",
        ),
        (
            _replace_line("calls.csv", 3, "C2,2026-03-01T09:40:00+08:00,13807912222"),
            "calls.csv:3: expected 5 fields, found 3",
        ),
        (
            _replace_line("net.csv", 2, "N1,2026-03-01T09:20:00+08:00,13907911234,app_install,"),
            "net.csv:2 [target]: missing value",
        ),
    ],
)
def test_each_kind_of_bad_input_is_named(
    tmp_path: Path, overrides: dict[str, str | None], expected: str
) -> None:
    report = validate_dataset(write_dataset(tmp_path, overrides))
    assert not report.ok
    messages = [str(p) for p in report.problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_bad_rows_do_not_hide_the_rest(tmp_path: Path) -> None:
    """Every bad row is reported, not just the first, and good files still count their rows."""
    bad = FILES["transfers.csv"].replace("49999.00", "x").replace("12.50", "0.00")
    report = validate_dataset(write_dataset(tmp_path, {"transfers.csv": bad}))
    lines = sorted(p.line for p in report.problems if p.file == "transfers.csv")
    assert lines == [2, 4]
    assert report.rows["calls.csv"] == 2


def test_extra_columns_are_accepted(tmp_path: Path) -> None:
    text = FILES["persons.csv"].replace("sex\n", "sex,occupation\n").replace(",M\n", ",M,teacher\n")
    text = text.replace(",F\n", ",F,nurse\n")
    report = validate_dataset(write_dataset(tmp_path, {"persons.csv": text}))
    assert report.ok, [str(p) for p in report.problems]


def test_columns_looked_up_by_name_not_position(tmp_path: Path) -> None:
    text = "sex,person_id,birth_year,district\nM,P1,1980,360102\nF,P2,1991,360111\n"
    root = write_dataset(tmp_path, {"persons.csv": text})
    assert validate_dataset(root).ok
    persons = Dataset(root).table("persons")
    assert persons.columns == ["person_id", "district", "birth_year", "sex"]
    assert persons["district"].to_list() == ["360102", "360111"]


def test_bad_meta_is_reported(tmp_path: Path) -> None:
    root = write_dataset(tmp_path)
    (root / "meta.json").write_text('{"format": "dataset/1", "start": "yesterday"}')
    messages = [str(p) for p in validate_dataset(root).problems]
    assert any(m.startswith("meta.json [start]: not a timestamp") for m in messages)
    assert any(m.startswith("meta.json [end]") for m in messages)


def test_reader_raises_with_every_bad_row(tmp_path: Path) -> None:
    bad = FILES["calls.csv"].replace("1260", "long").replace(",0\n", ",zero\n")
    root = write_dataset(tmp_path, {"calls.csv": bad})
    with pytest.raises(DatasetError) as error:
        Dataset(root).table("calls")
    assert [(p.line, p.column) for p in error.value.problems] == [
        (2, "duration_s"),
        (3, "duration_s"),
    ]
    assert "calls.csv:2 [duration_s]" in str(error.value)


def test_reader_types(tmp_path: Path) -> None:
    data = Dataset(write_dataset(tmp_path))
    transfers = data.table("transfers")
    assert transfers["amount"].to_list() == [4_999_900, 1_900_000, 1_250]
    # 2026-03-01T10:00:00+08:00 is 02:00 UTC.
    assert transfers["ts"][0] == 1_772_330_400
    assert transfers["from_account"][2] is None
    assert data.table("reports")["paid_to"].to_list() == [["6217000000000000001"]]
    assert data.meta.start == 1_772_294_400


def test_engine_cannot_read_labels(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="labels"):
        Dataset(write_dataset(tmp_path)).table("labels/targets")

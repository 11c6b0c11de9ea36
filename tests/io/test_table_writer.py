"""Writers produce the format, and what they write reads back to the same typed values."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from fanzha.io.fields import typed_schema
from fanzha.io.schema import OUTPUT_TABLES, TABLES
from fanzha.io.table_reader import read_table
from fanzha.io.table_writer import write_table

TS_2026 = st.integers(min_value=1_767_225_600, max_value=1_798_761_599)
FEN = st.integers(min_value=1, max_value=10**12)
IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-_", min_size=1, max_size=20)


@settings(max_examples=30, deadline=None)
@given(
    rows=st.lists(
        st.tuples(IDS, TS_2026, IDS, IDS, FEN, st.integers(min_value=1, max_value=6)),
        min_size=0,
        max_size=20,
        unique_by=lambda r: r[0],
    )
)
def test_stop_requests_round_trip(tmp_path_factory: object, rows: list[tuple[object, ...]]) -> None:
    root = Path(str(tmp_path_factory.mktemp("out")))  # type: ignore[attr-defined]
    spec = TABLES["stop_requests"]
    rows = sorted(rows, key=lambda r: r[1])  # type: ignore[arg-type, return-value]
    frame = pl.DataFrame(rows, schema=typed_schema(spec), orient="row")
    write_table(frame, root, spec)
    assert read_table(root, spec).equals(frame)


def test_warnings_written_as_the_format_says(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "warning_id": ["W1", "W2"],
            "ts": [1_772_330_400, 1_772_330_460],
            "person_id": ["P1", "P2"],
            "tier": ["1", "3"],
            "score": [0.98765, 0.1],
            "reasons": ["CALL_OVERSEAS_LONG;APP_SCREEN_SHARE", "LINK_SMS"],
        }
    )
    path = write_table(frame, tmp_path, TABLES["warnings"])
    assert path.read_text().splitlines() == [
        "warning_id,ts,person_id,tier,score,reasons",
        "W1,2026-03-01T10:00:00+08:00,P1,1,0.9877,CALL_OVERSEAS_LONG;APP_SCREEN_SHARE",
        "W2,2026-03-01T10:01:00+08:00,P2,3,0.1000,LINK_SMS",
    ]
    back = read_table(tmp_path, TABLES["warnings"])
    assert back["score"].to_list() == [0.9877, 0.1]


def test_amounts_keep_every_fen(tmp_path: Path) -> None:
    amounts = [1, 10, 99, 100, 101, 1_999_999, 123_456_789_012]
    frame = pl.DataFrame(
        {
            "request_id": [f"S{i}" for i in range(len(amounts))],
            "ts": [1_772_330_400] * len(amounts),
            "report_id": ["R1"] * len(amounts),
            "account_id": ["A"] * len(amounts),
            "amount": amounts,
            "hop": [1] * len(amounts),
        }
    )
    path = write_table(frame, tmp_path, TABLES["stop_requests"])
    written = [line.split(",")[4] for line in path.read_text().splitlines()[1:]]
    assert written == ["0.01", "0.10", "0.99", "1.00", "1.01", "19999.99", "1234567890.12"]
    assert read_table(tmp_path, TABLES["stop_requests"])["amount"].to_list() == amounts


def test_every_output_table_writes_its_header_when_empty(tmp_path: Path) -> None:
    for spec in OUTPUT_TABLES:
        empty = pl.DataFrame(schema=typed_schema(spec))
        write_table(empty, tmp_path, spec)
        assert (tmp_path / spec.file).read_text() == ",".join(spec.column_names) + "\n"
        back = read_table(tmp_path, spec)
        assert back.height == 0
        assert dict(back.schema) == typed_schema(spec)


def test_writer_refuses_a_frame_missing_a_column(tmp_path: Path) -> None:
    frame = pl.DataFrame({"number": ["13907911234"], "ts": [1]})
    try:
        write_table(frame, tmp_path, TABLES["flagged_numbers"])
    except ValueError as error:
        assert "score" in str(error) and "flagged_numbers.csv" in str(error)
    else:
        raise AssertionError("expected ValueError")

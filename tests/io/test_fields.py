"""Field parsing agrees with a plain-Python reading of the format, on generated values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from fanzha.io.fields import parse_column
from fanzha.io.schema import Column, FieldType


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    offset_min=st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15),
)
def test_timestamps_with_any_offset(moment: datetime, offset_min: int) -> None:
    zone = timezone(timedelta(minutes=offset_min))
    aware = moment.replace(microsecond=0, tzinfo=zone)
    text = aware.isoformat()
    parsed = parse_column(pl.Series([text]), Column("ts", FieldType.TS))
    assert parsed.error[0] is None
    assert parsed.values[0] == int(aware.astimezone(UTC).timestamp())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=16))
def test_amount_parse_never_accepts_what_the_format_forbids(text: str) -> None:
    parsed = parse_column(pl.Series([text]), Column("amount", FieldType.AMOUNT))
    whole, dot, frac = text.partition(".")
    valid = (
        dot == "."
        and whole.isascii()
        and whole.isdigit()
        and frac.isascii()
        and frac.isdigit()
        and len(frac) == 2
        and int(whole + frac) > 0
    )
    if valid:
        assert parsed.values[0] == int(whole) * 100 + int(frac)
        assert parsed.error[0] is None
    else:
        assert parsed.values[0] is None
        assert parsed.error[0] is not None


def test_optional_empty_is_null_without_error() -> None:
    parsed = parse_column(pl.Series(["", "95588"]), Column("n", FieldType.NUMBER, required=False))
    assert parsed.values.to_list() == [None, "95588"]
    assert parsed.error.to_list() == [None, None]


def test_numbers() -> None:
    values = ["13907911234", "+855123456789", "95588", "079188886666", "1390791123a", "+0855", ""]
    parsed = parse_column(pl.Series(values), Column("n", FieldType.NUMBER))
    assert [e is None for e in parsed.error.to_list()] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_timestamp_edges() -> None:
    texts = [
        "2026-03-01T10:00:00Z",
        "2026-03-01T10:00:00-00:30",
        "2026-02-30T10:00:00+08:00",  # no such day
        "2026-03-01T10:00:00+24:00",  # no such offset
        "2026-03-01T24:00:01+08:00",
    ]
    parsed = parse_column(pl.Series(texts), Column("ts", FieldType.TS))
    assert parsed.values.to_list() == [1_772_359_200, 1_772_361_000, None, None, None]
    assert [e is None or e.split(":")[0] for e in parsed.error.to_list()] == [
        True,
        True,
        "impossible date or time",
        "impossible date or time",
        "impossible date or time",
    ]

"""Parsing and formatting of the format's value types, vectorised over polars Series.

In memory a timestamp is int64 seconds since the Unix epoch (UTC) and an amount is int64
fen, so no float ever holds money.
"""

from __future__ import annotations

import polars as pl

from fanzha.io.schema import Column, FieldType, TableSpec

#: The city's offset from UTC: China Standard Time, +08:00. fanzha writes timestamps in it and
#: reads local hours (night-time activity, days) in it.
CITY_UTC_OFFSET_S = 8 * 3600

TS_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)$"
NUMBER_PATTERN = r"^(?:\+[1-9]\d{5,14}|\d{3,15})$"
AMOUNT_PATTERN = r"^\d{1,13}\.\d{2}$"
ID_PATTERN = r"^[^,;\s]+$"
ID_LIST_PATTERN = r"^[^,;\s]+(?:;[^,;\s]+)*$"
INT_PATTERN = r"^-?\d{1,18}$"
SCORE_PATTERN = r"^(?:0|1)(?:\.\d+)?$"

#: The regular expression each patterned type must match (ENUM and TEXT have none).
PATTERNS = {
    FieldType.TS: TS_PATTERN,
    FieldType.NUMBER: NUMBER_PATTERN,
    FieldType.AMOUNT: AMOUNT_PATTERN,
    FieldType.ID: ID_PATTERN,
    FieldType.ID_LIST: ID_LIST_PATTERN,
    FieldType.INT: INT_PATTERN,
    FieldType.SCORE: SCORE_PATTERN,
}

#: What a value of each patterned type must look like, for error messages ("not " + form).
FORMS = {
    FieldType.TS: "a timestamp like 2026-03-01T09:15:02+08:00",
    FieldType.NUMBER: "a phone number (11 digits, + and country code, or a short code)",
    FieldType.AMOUNT: "an amount in yuan with exactly 2 decimals, e.g. 4999.00",
    FieldType.ID: "an id (no commas, semicolons or spaces)",
    FieldType.ID_LIST: "a ;-separated list of ids",
    FieldType.INT: "a whole number",
    FieldType.SCORE: "a score between 0 and 1",
}


_LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"
#: Seconds east of UTC of each offset a timestamp may end with.
_UTC_OFFSETS = {"Z": 0} | {
    f"{sign}{hours:02d}:{minutes:02d}": (1 if sign == "+" else -1) * (hours * 3600 + minutes * 60)
    for sign in "+-"
    for hours in range(24)
    for minutes in range(60)
}

#: The in-memory type of each value type; everything not listed is a string.
_DTYPES: dict[FieldType, pl.DataType] = {
    FieldType.TS: pl.Int64(),
    FieldType.AMOUNT: pl.Int64(),
    FieldType.INT: pl.Int64(),
    FieldType.SCORE: pl.Float64(),
    FieldType.ID_LIST: pl.List(pl.String),
}


def typed_schema(spec: TableSpec) -> dict[str, pl.DataType]:
    """The column types a reader returns for `spec`, and a writer expects."""
    return {c.name: _DTYPES.get(c.type, pl.String()) for c in spec.columns}


class ParsedColumn:
    """A parsed column: typed `values` (null where empty or bad) and a per-row error message."""

    def __init__(self, values: pl.Series, error: pl.Series) -> None:
        self.values = values
        self.error = error  # Utf8, null where the row is fine


def parse_column(raw: pl.Series, column: Column) -> ParsedColumn:
    """Parse one column of strings; empty means no value."""
    ftype = column.type
    text = pl.col("raw")
    if ftype is FieldType.ENUM:
        bad_form = ~text.is_in(list(column.values))
        message = "not one of " + ", ".join(column.values)
    elif ftype is FieldType.TEXT:
        bad_form = pl.lit(False)
        message = ""
    else:
        bad_form = ~text.str.contains(PATTERNS[ftype])
        message = "not " + FORMS[ftype]

    frame = pl.DataFrame({"raw": raw.cast(pl.String).fill_null("")}).with_columns(
        empty=text == "",
    )
    frame = frame.with_columns(bad=bad_form & ~pl.col("empty"))
    frame = frame.with_columns(
        value=pl.when(pl.col("empty") | pl.col("bad")).then(None).otherwise(_typed(text, ftype))
    )
    value = pl.col("value")
    error = (
        pl.when(pl.col("empty"))
        .then(pl.lit("missing value") if column.required else pl.lit(None, pl.String))
        .when(pl.col("bad"))
        .then(pl.lit(message + ": ") + _quoted(text))
    )
    if ftype is FieldType.TS:
        # Well-formed but impossible, like 2026-02-30.
        error = error.when(value.is_null()).then(
            pl.lit("impossible date or time: ") + _quoted(text)
        )
    elif ftype is FieldType.AMOUNT:
        error = error.when(value <= 0).then(
            pl.lit("amount must be greater than 0: ") + _quoted(text)
        )
    elif ftype is FieldType.SCORE:
        error = error.when(value > 1.0).then(pl.lit("score above 1: ") + _quoted(text))
    frame = frame.with_columns(error=error.otherwise(pl.lit(None, pl.String)))
    frame = frame.with_columns(value=pl.when(pl.col("error").is_null()).then(value))
    return ParsedColumn(frame["value"].alias(column.name), frame["error"])


def _quoted(expr: pl.Expr) -> pl.Expr:
    return pl.lit("'") + expr.str.slice(0, 40) + pl.lit("'")


def _typed(raw: pl.Expr, ftype: FieldType) -> pl.Expr:
    if ftype is FieldType.TS:
        # The local time and its offset apart: a lookup of the offset is three times faster
        # than parsing it with the date.
        local = raw.str.slice(0, 19).str.to_datetime(_LOCAL_FORMAT, strict=False, time_unit="ms")
        offset = raw.str.slice(19).replace_strict(_UTC_OFFSETS, default=None, return_dtype=pl.Int64)
        return local.dt.epoch("s") - offset
    if ftype is FieldType.AMOUNT:
        whole = raw.str.extract(r"^(\d+)\.", 1).cast(pl.Int64, strict=False)
        frac = raw.str.extract(r"\.(\d{2})$", 1).cast(pl.Int64, strict=False)
        return whole * 100 + frac
    if ftype is FieldType.INT:
        return raw.cast(pl.Int64, strict=False)
    if ftype is FieldType.SCORE:
        return raw.cast(pl.Float64, strict=False)
    if ftype is FieldType.ID_LIST:
        return raw.str.split(";")
    # The same text in memory of its own: polars strings read from CSV are views into the block
    # of text they came from, and would keep every block of the file alive.
    return pl.concat_str(raw, pl.lit(""))


def format_ts(expr: pl.Expr) -> pl.Expr:
    """UTC seconds -> ISO-8601 in China Standard Time, e.g. 2026-03-01T09:15:02+08:00."""
    local = pl.from_epoch(expr + CITY_UTC_OFFSET_S, time_unit="s")
    return local.dt.strftime("%Y-%m-%dT%H:%M:%S") + pl.lit("+08:00")


def format_amount(expr: pl.Expr) -> pl.Expr:
    """Fen -> yuan with exactly two decimals."""
    return (expr // 100).cast(pl.String) + "." + (expr % 100).cast(pl.String).str.zfill(2)


def format_score(expr: pl.Expr) -> pl.Expr:
    """A score in [0, 1] with four decimals, rounded half up so output is byte-stable."""
    basis_points = (expr.clip(0.0, 1.0) * 10_000 + 0.5).floor().cast(pl.Int64)
    return (
        (basis_points // 10_000).cast(pl.String)
        + "."
        + (basis_points % 10_000).cast(pl.String).str.zfill(4)
    )


def format_column(expr: pl.Expr, ftype: FieldType) -> pl.Expr:
    """Typed column -> the string the format writes; null -> empty field."""
    if ftype is FieldType.TS:
        out = format_ts(expr)
    elif ftype is FieldType.AMOUNT:
        out = format_amount(expr)
    elif ftype is FieldType.SCORE:
        out = format_score(expr)
    elif ftype is FieldType.ID_LIST:
        out = expr.list.join(";")
    else:
        out = expr.cast(pl.String)
    return out

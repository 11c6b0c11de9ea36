"""Check rows of the dataset format sent as JSON and type them the way the readers do.

Each row is a JSON object with the CSV columns of one table, values in their CSV text form
(`"ts": "2026-03-01T09:15:02+08:00"`, `"amount": "4999.00"`). A strict pydantic model built
from the table's `TableSpec` checks the shape and patterns; `fanzha.io.fields.parse_column`
then types the good rows and catches what a pattern cannot (2026-02-30, an amount of 0.00).
Bad rows are returned with their index and reason; good rows are never held back by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, create_model

from fanzha.io import fields
from fanzha.io.schema import Column, FieldType, TableSpec
from fanzha.store.dataset_tables import BOUNDED, ID_CHARS


@dataclass(frozen=True)
class Rejection:
    """A row not kept: `row` is its 0-based index in the batch."""

    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class CheckedRows:
    """Typed good rows (`index` = their positions in the batch) and the rejected ones."""

    frame: pl.DataFrame
    index: list[int]
    rejected: list[Rejection]


def _annotation(column: Column) -> Any:
    if column.type is FieldType.ENUM:
        text: Any = Literal[column.values]
    elif column.type is FieldType.TEXT:
        text = Annotated[str, StringConstraints(min_length=1)]
    else:
        limit = ID_CHARS if column.type in BOUNDED else None
        text = Annotated[
            str, StringConstraints(pattern=fields.PATTERNS[column.type], max_length=limit)
        ]
    if column.type is FieldType.INT:
        text = text | int
    elif column.type is FieldType.SCORE:
        text = text | float
    return text if column.required else text | None


@cache
def row_model(spec: TableSpec) -> type[BaseModel]:
    """The strict pydantic model of one row of `spec`; unknown fields are an error."""
    definitions: dict[str, Any] = {
        c.name: (_annotation(c), ... if c.required else None) for c in spec.columns
    }
    config = ConfigDict(strict=True, extra="forbid")
    model_name = "Row_" + spec.name.replace("/", "_")
    model: type[BaseModel] = create_model(model_name, __config__=config, **definitions)
    return model


def _reason(spec: TableSpec, error: Any) -> tuple[str, str]:
    if not error["loc"]:
        return "", "a row must be a JSON object"
    field = str(error["loc"][0])
    shown = repr(error.get("input"))[:40]
    if error["type"] == "missing" or error.get("input", "") is None:
        return field, "missing value"
    if error["type"] == "extra_forbidden":
        return field, f"unknown field (expected: {', '.join(spec.column_names)})"
    if error["type"] == "string_pattern_mismatch":
        return field, f"not {fields.FORMS[spec.column(field).type]}: {shown}"
    return field, f"{error['msg']}: {shown}"


def _empty_as_none(row: Any) -> Any:
    """An empty field means no value, as in the CSV files."""
    if not isinstance(row, dict):
        return row
    return {k: None if v == "" else v for k, v in row.items()}


def check_rows(spec: TableSpec, rows: list[Any]) -> CheckedRows:
    """Validate a batch of JSON rows for `spec`; returns typed good rows and rejections."""
    model = row_model(spec)
    rejected: list[Rejection] = []
    good: list[dict[str, str | None]] = []
    index: list[int] = []
    for i, row in enumerate(rows):
        try:
            parsed = model.model_validate(_empty_as_none(row))
        except ValidationError as exc:
            for error in exc.errors():
                field, reason = _reason(spec, error)
                rejected.append(Rejection(i, field, reason))
            continue
        good.append({k: None if v is None else str(v) for k, v in parsed.model_dump().items()})
        index.append(i)
    raw = pl.DataFrame(
        {c.name: pl.Series([r[c.name] for r in good], dtype=pl.String) for c in spec.columns}
    )
    typed: dict[str, pl.Series] = {}
    bad = pl.Series([False] * len(good), dtype=pl.Boolean)
    for column in spec.columns:
        parsed_column = fields.parse_column(raw[column.name], column)
        typed[column.name] = parsed_column.values
        faults = parsed_column.error
        for position, message in zip(
            faults.is_not_null().arg_true().to_list(), faults.drop_nulls().to_list(), strict=True
        ):
            rejected.append(Rejection(index[position], column.name, message))
        bad = bad | faults.is_not_null()
    frame = pl.DataFrame(typed).filter(~bad)
    kept = [i for i, b in zip(index, bad.to_list(), strict=True) if not b]
    rejected.sort(key=lambda r: (r.row, r.field))
    return CheckedRows(frame, kept, rejected)

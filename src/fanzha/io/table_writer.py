"""Write typed tables in the format: the output files of a replay, and simulated cities."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.io.fields import format_column
from fanzha.io.schema import TableSpec


def write_table(frame: pl.DataFrame, root: Path, spec: TableSpec) -> Path:
    """Write `frame` (typed as the readers return it) as `root/spec.file`; returns the path.

    Columns are written in the spec's order; extra columns of the frame are not written.
    """
    missing = [c for c in spec.column_names if c not in frame.columns]
    if missing:
        raise ValueError(f"{spec.file}: frame lacks column(s) {', '.join(missing)}")
    path = root / spec.file
    path.parent.mkdir(parents=True, exist_ok=True)
    text = frame.select([format_column(pl.col(c.name), c.type).alias(c.name) for c in spec.columns])
    text.write_csv(path, include_header=True, line_terminator="\n", quote_style="necessary")
    return path

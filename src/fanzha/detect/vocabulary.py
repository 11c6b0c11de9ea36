"""Dense integer codes for the values of one kind (numbers, accounts, persons...).

Tables are coded one after another and let go, so a vocabulary grows as values are first seen;
`seal` then renumbers it in sorted order, which makes every code independent of the order the
tables were read in.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.windows import Int64Array


class Vocabulary:
    """Values met so far, coded in order of first sight until `seal`."""

    def __init__(self) -> None:
        self._values = pl.Series("value", [], dtype=pl.String)
        self._rank: Int64Array | None = None  # first-sight code -> sorted code, then -1

    def code(self, column: pl.Series, grow: bool = True) -> Int64Array:
        """First-sight codes of `column`; -1 for null, and for new values when not `grow`."""
        if self._rank is not None:
            raise RuntimeError("the vocabulary is sealed: code before seal()")
        column = column.cast(pl.String)
        if grow:
            seen = column.drop_nulls().unique()
            new = seen.filter(~seen.is_in(self._values.implode()))
            if new.len():
                self._values = pl.concat([self._values, new])
        physical = column.cast(pl.Enum(self._values), strict=False).to_physical()
        return physical.cast(pl.Int64).fill_null(-1).to_numpy()

    def seal(self) -> pl.Series:
        """Fix the codes: the sorted values, whose positions are the final codes."""
        order = self._values.arg_sort().to_numpy()
        rank = np.empty(order.size + 1, dtype=np.int64)
        rank[order] = np.arange(order.size, dtype=np.int64)
        rank[-1] = -1  # first-sight code -1 (null) stays -1
        self._rank = rank
        return self._values.gather(order)

    def final(self, codes: Int64Array) -> Int64Array:
        """First-sight codes -> sorted codes (after `seal`)."""
        if self._rank is None:
            raise RuntimeError("seal() the vocabulary before asking for final codes")
        return self._rank[codes]

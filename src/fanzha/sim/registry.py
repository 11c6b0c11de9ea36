"""The city's entities as growing columnar tables: phones, accounts, and the names of sites and
apps. Events refer to entities by row index; strings appear only when the dataset is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from fanzha.io.schema import ACCOUNT_KINDS, PHONE_KINDS

NONE = -1  # no holder, no time, no entity


@dataclass
class _Columns:
    parts: dict[str, list[np.ndarray]] = field(default_factory=dict)
    size: int = 0

    def append(self, **cols: np.ndarray) -> np.ndarray:
        n = len(next(iter(cols.values())))
        for name, values in cols.items():
            if len(values) != n:
                raise ValueError(f"column {name} has {len(values)} values, expected {n}")
            self.parts.setdefault(name, []).append(np.asarray(values))
        start = self.size
        self.size += n
        return np.arange(start, self.size, dtype=np.int64)

    def column(self, name: str) -> np.ndarray:
        return np.concatenate(self.parts[name]) if self.parts.get(name) else np.array([])


class PhoneBook:
    """Every number in the records: value, local holder (person index), kind, activation time."""

    def __init__(self) -> None:
        self._cols = _Columns()

    def add(
        self, number: np.ndarray, holder: np.ndarray, kind: str, activated: np.ndarray
    ) -> np.ndarray:
        """Register numbers of one kind; returns their indices."""
        code = PHONE_KINDS.index(kind)
        return self._cols.append(
            number=number.astype(str),
            holder=holder.astype(np.int64),
            kind=np.full(len(number), code, dtype=np.int8),
            activated=activated.astype(np.int64),
        )

    def column(self, name: str) -> np.ndarray:
        return self._cols.column(name)

    def __len__(self) -> int:
        return self._cols.size


class AccountBook:
    """Every account: id, local holder (person index), bank name, kind, opening time."""

    def __init__(self) -> None:
        self._cols = _Columns()

    def add(
        self,
        account_id: np.ndarray,
        holder: np.ndarray,
        bank: np.ndarray,
        kind: str,
        opened: np.ndarray,
    ) -> np.ndarray:
        code = ACCOUNT_KINDS.index(kind)
        return self._cols.append(
            account_id=account_id.astype(str),
            holder=holder.astype(np.int64),
            bank=bank.astype(str),
            kind=np.full(len(account_id), code, dtype=np.int8),
            opened=opened.astype(np.int64),
        )

    def column(self, name: str) -> np.ndarray:
        return self._cols.column(name)

    def __len__(self) -> int:
        return self._cols.size


class Vocabulary:
    """Domains and app package names, interned to small integers."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self.values: list[str] = []

    def ids(self, values: np.ndarray | list[str] | tuple[str, ...]) -> np.ndarray:
        out = np.empty(len(values), dtype=np.int64)
        for i, value in enumerate(values):
            key = str(value)
            if key not in self._index:
                self._index[key] = len(self.values)
                self.values.append(key)
            out[i] = self._index[key]
        return out

"""The event log: each generator appends columnar batches; the log sorts them once by time.

Rows refer to phones, accounts and vocabulary by index (NONE = -1 for no value).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from fanzha.io.schema import CHANNELS, NET_KINDS

NET_INSTALL = NET_KINDS.index("app_install")
NET_VISIT = NET_KINDS.index("url_visit")

#: Columns of each event table, in memory.
EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "calls": ("ts", "caller", "callee", "duration_s"),
    "sms": ("ts", "sender", "receiver", "domain"),
    "net": ("ts", "number", "kind", "target"),
    "transfers": ("ts", "from_account", "to_account", "amount", "channel", "loss"),
}


def channel_code(name: str) -> int:
    return CHANNELS.index(name)


@dataclass
class EventLog:
    """Batches of events per table, concatenated and sorted on `sorted_table`."""

    batches: dict[str, list[dict[str, np.ndarray]]] = field(
        default_factory=lambda: {name: [] for name in EVENT_COLUMNS}
    )

    def add(self, table: str, **cols: np.ndarray | int) -> None:
        """Append a batch; scalar values are broadcast to the batch length."""
        names = EVENT_COLUMNS[table]
        if set(cols) != set(names):
            raise ValueError(f"{table}: expected columns {names}, got {sorted(cols)}")
        n = np.asarray(cols["ts"]).size
        batch = {
            name: np.broadcast_to(np.asarray(cols[name]), (n,)).astype(
                bool if name == "loss" else np.int64
            )
            for name in names
        }
        if n:
            self.batches[table].append(batch)

    def take_sorted(self, table: str) -> dict[str, np.ndarray]:
        """All batches of `table` in time order (ties keep the order batches were added in);
        the log lets go of them, to keep peak memory down."""
        parts = self.batches[table]
        self.batches[table] = []
        names = EVENT_COLUMNS[table]
        if not parts:
            return {name: np.zeros(0, dtype=bool if name == "loss" else np.int64) for name in names}
        cols = {name: np.concatenate([p[name] for p in parts]) for name in names}
        order = np.argsort(cols["ts"], kind="stable")
        return {name: values[order] for name, values in cols.items()}

"""A case's fund-flow graph: the accounts the victim's money reached and the transfers that
carried it, with ids, times and amounts an investigator reads. Built from a `Trace`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import polars as pl

from fanzha.io.fields import CITY_UTC_OFFSET_S, format_amount, format_ts
from fanzha.io.schema import ACCOUNT_KINDS, CHANNELS
from fanzha.trace.ledger_index import LedgerIndex
from fanzha.trace.tracer import Trace, TraceOptions

CHINA = timezone(timedelta(seconds=CITY_UTC_OFFSET_S))


@dataclass(frozen=True)
class FundFlowGraph:
    """`edges`: event_id, ts, from_account, to_account (null = left the banks), amount,
    tainted, hop, channel, end. `nodes`: account_id, kind, bank, holder_person_id, hop,
    tainted_in, tainted_out, remaining. Amounts in fen, ts UTC seconds."""

    report: dict[str, Any]
    options: TraceOptions
    paid_fen: int
    edges: pl.DataFrame
    nodes: pl.DataFrame

    @property
    def cashout_fen(self) -> int:
        return int(self.edges.filter(pl.col("end") == "cashout")["tainted"].sum())

    @property
    def remaining_fen(self) -> int:
        return int(self.nodes["remaining"].sum())

    def cashouts(self) -> pl.DataFrame:
        """Cash-out points: where the money left the banks, by account and channel."""
        return (
            self.edges.filter(pl.col("end") == "cashout")
            .group_by("from_account", "channel", "hop")
            .agg(pl.col("tainted").sum(), pl.col("ts").min().alias("first_ts"), pl.len())
            .sort("first_ts", "from_account", "channel")
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; amounts as yuan strings (2 decimals) like the dataset format."""
        yuan = ("amount", "tainted", "tainted_in", "tainted_out", "remaining", "claimed_amount")

        def readable(frame: pl.DataFrame) -> list[dict[str, Any]]:
            return frame.with_columns(
                *(format_amount(pl.col(c)).alias(c) for c in yuan if c in frame.columns),
                *(format_ts(pl.col(c)).alias(c) for c in ("ts", "first_ts") if c in frame.columns),
            ).to_dicts()

        report = pl.DataFrame([self.report]).with_columns(
            pl.col("paid_to").list.join(";"),
            format_amount(pl.col("claimed_amount")).alias("claimed_amount"),
            format_ts(pl.col("ts")).alias("ts"),
        )
        return {
            "format": "fanzha-fund-flow/1",
            "report": report.to_dicts()[0],
            "attribution": str(self.options.attribution),
            "max_hops": self.options.max_hops,
            "dust": _yuan(self.options.dust_fen),
            "paid": _yuan(self.paid_fen),
            "cashed_out": _yuan(self.cashout_fen),
            "remaining_in_accounts": _yuan(self.remaining_fen),
            "nodes": readable(self.nodes),
            "edges": readable(self.edges),
            "cashouts": readable(self.cashouts()),
        }


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def yuan_label(fen: int) -> str:
    """¥1,234.50: amounts as people read them."""
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def china_time(ts: int) -> str:
    """Month-day and time in China time, as the centre reads it."""
    return datetime.fromtimestamp(ts, CHINA).strftime("%m-%d %H:%M:%S")


def flow_edges(index: LedgerIndex, flows: pl.DataFrame) -> pl.DataFrame:
    """A trace's flows with ids and channel names for its codes: event_id, ts, from_account,
    to_account (null where the money left the banks or came from outside), amount, tainted,
    hop, channel, end."""
    ids = index.account_ids
    return pl.DataFrame(
        {
            "event_id": index.event_ids.gather(flows["row"]),
            "ts": flows["ts"],
            "from_account": ids.gather(flows["src"].clip(0)),
            "to_account": ids.gather(flows["dst"].clip(0)),
            "amount": flows["amount"],
            "tainted": flows["tainted"],
            "hop": flows["hop"],
            "channel": pl.Series(CHANNELS, dtype=pl.String).gather(
                index.channel[flows["row"].to_numpy()]
            ),
            "end": flows["end"],
        },
        schema_overrides={"from_account": pl.String, "to_account": pl.String},
    ).with_columns(
        pl.when(flows["src"] >= 0).then(pl.col("from_account")).alias("from_account"),
        pl.when(flows["dst"] >= 0).then(pl.col("to_account")).alias("to_account"),
    )


def build_graph(
    *,
    index: LedgerIndex,
    trace: Trace,
    accounts: pl.DataFrame,
    report: dict[str, Any],
    options: TraceOptions,
    paid_fen: int,
) -> FundFlowGraph:
    """Attach ids, channels and holders to a trace's codes."""
    ids = index.account_ids.alias("account_id")
    edges = flow_edges(index, trace.flows)
    summary = trace.accounts
    nodes = (
        pl.DataFrame(
            {
                "account_id": ids.gather(summary["account"]),
                "kind": pl.Series(ACCOUNT_KINDS).gather(
                    index.account_kind[summary["account"].to_numpy()]
                ),
                "hop": summary["hop"],
                "first_ts": summary["first_ts"],
                "tainted_in": summary["tainted_in"],
                "tainted_out": summary["tainted_out"],
                "remaining": summary["remaining"],
            }
        )
        .join(
            accounts.select("account_id", "bank", "holder_person_id"),
            on="account_id",
            how="left",
            maintain_order="left",
        )
        .select(
            "account_id",
            "kind",
            "bank",
            "holder_person_id",
            "hop",
            "first_ts",
            "tainted_in",
            "tainted_out",
            "remaining",
        )
    )
    return FundFlowGraph(report, options, paid_fen, edges, nodes)

"""The fund-flow graph as one self-contained HTML file: an inline SVG drawn in hop columns
(victim, hop 1, hop 2, ..., cash-out points) and the transfer list under it. No scripts, no
network: it opens from a USB stick on an offline police workstation."""

from __future__ import annotations

import math
from html import escape

import polars as pl

from fanzha.trace.fund_flow import FundFlowGraph, china_time, yuan_label

COLUMN_W = 300
BOX_W = 230
BOX_H = 58
ROW_H = 74
MARGIN = 40
END_COLOURS = {"cashout": "#c0392b", "merchant": "#d68910", "victim": "#7f8c8d"}


def _box(x: float, y: float, lines: list[str], colour: str) -> str:
    text = "".join(
        f'<text x="{x + 8}" y="{y + 17 + 16 * i}" class="l{i}">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
        f'fill="#fff" stroke="{colour}" stroke-width="2"/>{text}'
    )


def render_html(graph: FundFlowGraph) -> str:
    """The page for `graph`."""
    report = graph.report
    edges = graph.edges
    positions: dict[str, tuple[float, float]] = {}
    shapes: list[str] = []
    columns: dict[int, list[tuple[str, list[str], str]]] = {}
    victims = edges.filter(pl.col("hop") == 1)["from_account"].drop_nulls().unique().sort()
    for account in victims.to_list():
        columns.setdefault(0, []).append(
            (account, [account, f"victim {report['person_id']}", "paid from here"], "#2c3e50")
        )
    ends = dict(
        edges.filter(pl.col("to_account").is_not_null())
        .group_by("to_account")
        .agg(pl.col("end").drop_nulls().first())
        .iter_rows()
    )
    for node in graph.nodes.sort("hop", "first_ts", "account_id").iter_rows(named=True):
        end = ends.get(node["account_id"])
        colour = END_COLOURS.get(end or "", "#2471a3")
        holder = node["holder_person_id"] or "holder outside the area"
        lines = [
            node["account_id"],
            f"{node['kind']} · {node['bank'] or '?'} · {holder}",
            f"in {yuan_label(node['tainted_in'])} · still there {yuan_label(node['remaining'])}",
        ]
        columns.setdefault(node["hop"], []).append((node["account_id"], lines, colour))
    cashouts = graph.cashouts()
    for row in cashouts.iter_rows(named=True):
        key = f"out:{row['from_account']}:{row['channel']}"
        lines = [
            f"cash-out: {row['channel']}",
            f"from {row['from_account']}",
            f"{yuan_label(row['tainted'])} in {row['len']} transfer(s)",
        ]
        columns.setdefault(row["hop"], []).append((key, lines, END_COLOURS["cashout"]))
    for column, items in sorted(columns.items()):
        for i, (key, lines, colour) in enumerate(items):
            x, y = MARGIN + column * COLUMN_W, MARGIN + 30 + i * ROW_H
            positions.setdefault(key, (x, y))
            shapes.append(_box(x, y, lines, colour))
    drawn = (
        edges.with_columns(
            pl.when(pl.col("end") == "cashout")
            .then(pl.lit("out:") + pl.col("from_account") + ":" + pl.col("channel"))
            .otherwise(pl.col("to_account"))
            .alias("target")
        )
        .group_by("from_account", "target")
        .agg(pl.col("tainted").sum(), pl.col("ts").min(), pl.len())
        .sort("ts", "from_account", "target")
    )
    lines_svg: list[str] = []
    for row in drawn.iter_rows(named=True):
        if row["from_account"] not in positions or row["target"] not in positions:
            continue
        left, top = positions[row["from_account"]]
        x2, y2 = positions[row["target"]]
        x1, y1, y2 = left + BOX_W, top + BOX_H / 2, y2 + BOX_H / 2
        bend = max((x2 - x1) / 2, 40)
        width = 1 + math.log10(max(row["tainted"], 100) / 100)
        label = escape(
            f"{row['from_account']} → {row['target'].removeprefix('out:')}: "
            f"{yuan_label(row['tainted'])} in {row['len']} transfer(s), "
            f"first {china_time(row['ts'])}"
        )
        lines_svg.append(
            f'<path d="M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}" '
            f'fill="none" stroke="#566573" stroke-opacity="0.6" stroke-width="{width:.1f}">'
            f"<title>{label}</title></path>"
        )
    hop_count = max(columns) if columns else 0
    width = MARGIN * 2 + (hop_count + 1) * COLUMN_W
    height = MARGIN * 2 + 40 + max((len(v) for v in columns.values()), default=1) * ROW_H
    headings = "".join(
        f'<text x="{MARGIN + c * COLUMN_W}" y="{MARGIN + 10}" class="h">'
        f"{'victim' if c == 0 else f'hop {c}'}</text>"
        for c in range(hop_count + 1)
    )
    table_rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(v))}</td>"
            for v in (
                r["event_id"],
                china_time(r["ts"]),
                r["from_account"] or "cash / outside",
                r["to_account"] or "left the banks",
                yuan_label(r["amount"]),
                yuan_label(r["tainted"]),
                r["hop"],
                r["channel"],
                r["end"] or "",
            )
        )
        + "</tr>"
        for r in edges.iter_rows(named=True)
    )
    title = f"Fund flow of report {report['report_id']}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font-family: sans-serif, "Noto Sans CJK SC", "Microsoft YaHei"; margin: 1.5em;
  color: #1c2833; }}
.l0 {{ font: bold 12px monospace; }} .l1, .l2 {{ font-size: 11px; }}
.h {{ font-weight: bold; font-size: 14px; }}
table {{ border-collapse: collapse; font-size: 12px; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p>Victim {escape(str(report["person_id"]))} reported at {china_time(report["ts"])},
claimed {yuan_label(report["claimed_amount"])}; the ledger shows
{yuan_label(graph.paid_fen)} paid to the named accounts.
Traced with {escape(str(graph.options.attribution))} attribution, at most
{graph.options.max_hops} hops, amounts under {yuan_label(graph.options.dust_fen)} not followed.
Cashed out: {yuan_label(graph.cashout_fen)}; still in accounts: {yuan_label(graph.remaining_fen)}.
Times are China time (month-day). Line width grows with the amount; hover a line for it.
</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"
 viewBox="0 0 {width} {height}">{headings}{"".join(lines_svg)}{"".join(shapes)}</svg>
<table><tr><th>event</th><th>time</th><th>from</th><th>to</th><th>amount</th>
<th>traced</th><th>hop</th><th>channel</th><th>ends</th></tr>{table_rows}</table>
</body></html>
"""

"""A case's fund-flow graph as cytoscape elements, laid out in hop columns on the server.

Columns: the victim's accounts, hop 1, hop 2, ..., then the cash-out points; amounts (the
victim's money carried) label the edges. Node ids are positions, never account numbers, so a
role that sees masked accounts finds no full number in the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import polars as pl

from fanzha.trace.fund_flow import FundFlowGraph, yuan_label

#: Characters that could end the <script> element or start markup, as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

COLUMN_W = 240
ROW_H = 110


def graph_elements(
    graph: FundFlowGraph,
    mask: Callable[[str], str],
    held: frozenset[str],
    requested: frozenset[str],
) -> list[dict[str, Any]]:
    """Nodes (with `position`) and edges; `held`/`requested` accounts get those classes."""
    edges = graph.edges
    columns: dict[int, list[str]] = {}
    ids: dict[str, str] = {}
    data: dict[str, dict[str, Any]] = {}

    def place(key: str, column: int, info: dict[str, Any], classes: str) -> None:
        if key in ids:
            return
        ids[key] = f"n{len(ids)}"
        columns.setdefault(column, []).append(key)
        data[key] = {"info": info, "classes": classes}

    for account in edges.filter(pl.col("hop") == 1)["from_account"].drop_nulls().unique().sort():
        place(account, 0, {"label": mask(account), "role": "victim"}, "victim")
    for node in graph.nodes.sort("hop", "first_ts", "account_id").iter_rows(named=True):
        account = node["account_id"]
        status = "held" if account in held else "requested" if account in requested else ""
        place(
            account,
            int(node["hop"]),
            {
                "label": f"{mask(account)}\n{node['bank'] or '?'}",
                "account": mask(account),
                "bank": node["bank"] or "",
                "hop": int(node["hop"]),
                "received": yuan_label(int(node["tainted_in"])),
                "remaining": yuan_label(int(node["remaining"])),
            },
            f"account {status}".strip(),
        )
    last = max(columns, default=0) + 1
    elements: list[dict[str, Any]] = []
    for row in edges.iter_rows(named=True):
        source = row["from_account"]
        if source is None or source not in ids:
            continue
        target = row["to_account"]
        if target is None or row["end"] == "cashout":
            target = f"cashout:{source}:{row['channel']}"
            place(target, last, {"label": row["channel"], "role": "cashout"}, "cashout")
        elif target not in ids:
            continue
        elements.append(
            {
                "group": "edges",
                "data": {
                    "id": f"e{len(elements)}",
                    "source": ids[source],
                    "target": ids[target],
                    "label": yuan_label(int(row["tainted"])),
                },
            }
        )
    nodes: list[dict[str, Any]] = []
    for column, keys in sorted(columns.items()):
        for position, key in enumerate(keys):
            nodes.append(
                {
                    "group": "nodes",
                    "data": {"id": ids[key], **data[key]["info"]},
                    "classes": data[key]["classes"],
                    "position": {"x": column * COLUMN_W, "y": position * ROW_H},
                }
            )
    return nodes + elements


def script_json(elements: list[dict[str, Any]]) -> str:
    """JSON to embed in a <script type="application/json">: bank names and ids come from
    partners' files, so "</script>" in one of them must not end the element."""
    return json.dumps(elements, ensure_ascii=False).translate(_SCRIPT_SAFE)

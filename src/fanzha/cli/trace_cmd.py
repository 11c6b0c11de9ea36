"""fanzha trace DATASET --report ID"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.tree import Tree

from fanzha.cli.dataset_errors import exit_on_dataset_error
from fanzha.trace.attribution import Attribution
from fanzha.trace.fund_flow import FundFlowGraph, china_time, yuan_label
from fanzha.trace.fund_flow_html import render_html
from fanzha.trace.tracer import TraceOptions


def trace(
    dataset: Annotated[Path, typer.Argument(help="Dataset directory (format dataset/1).")],
    *,
    report: Annotated[str, typer.Option(help="report_id of the case to trace.")],
    out: Annotated[
        Path, typer.Option(help="Directory for <report>.json and <report>.html.")
    ] = Path("."),
    attribution: Annotated[
        Attribution, typer.Option(help="Which outgoing money is the victim's.")
    ] = Attribution.FIFO,
    max_hops: Annotated[int, typer.Option(help="Follow at most this many hops.")] = 6,
    dust: Annotated[float, typer.Option(help="Do not follow traced amounts under (yuan).")] = 100.0,
    at_report: Annotated[
        bool, typer.Option(help="Stop at the report time instead of the end of the data.")
    ] = False,
) -> None:
    """Print a case's fund-flow tree and write it as JSON and a self-contained HTML picture."""
    from fanzha.io.dataset import Dataset
    from fanzha.trace.case_trace_usecase import CaseTraceError, trace_case

    err = Console(stderr=True)
    options = TraceOptions(attribution=attribution, max_hops=max_hops, dust_fen=round(dust * 100))
    with exit_on_dataset_error():
        try:
            graph = trace_case(Dataset(dataset), report, options, at_report=at_report)
        except CaseTraceError as exc:
            err.print(str(exc), markup=False)
            raise typer.Exit(1) from exc
    Console().print(fund_flow_tree(graph))
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / f"{report}.json", out / f"{report}.html"
    json_path.write_text(json.dumps(graph.to_json(), ensure_ascii=False, indent=1), "utf-8")
    html_path.write_text(render_html(graph), "utf-8")
    err.print(f"wrote {json_path} and {html_path}")


def fund_flow_tree(graph: FundFlowGraph) -> Tree:
    """Each account once, under the earliest transfer that brought it traced money; later
    arrivals are shown as merges."""
    r = graph.report
    root = Tree(
        f"[bold]report {r['report_id']}[/bold] — {r['person_id']} claimed "
        f"{yuan_label(r['claimed_amount'])}, paid {yuan_label(graph.paid_fen)}; cashed out "
        f"{yuan_label(graph.cashout_fen)}, still in accounts {yuan_label(graph.remaining_fen)}"
    )
    remaining = dict(graph.nodes.select("account_id", "remaining").iter_rows())
    edges = graph.edges.with_row_index("edge")
    first_in = dict(
        edges.filter(
            pl.col("to_account").is_not_null() & (pl.col("end") != "cashout").fill_null(True)
        )
        .group_by("to_account")
        .agg(pl.col("edge").min())
        .iter_rows()
    )
    children: dict[str, list[dict[str, object]]] = {}
    for edge in edges.iter_rows(named=True):
        children.setdefault(edge["from_account"] or "", []).append(edge)

    def grow(branch: Tree, account: str) -> None:
        for edge in children.get(account, []):
            label = f"{yuan_label(int(str(edge['tainted'])))} at "
            label += f"{china_time(int(str(edge['ts'])))} via {edge['channel']}"
            target = edge["to_account"]
            if edge["end"] == "cashout":
                branch.add(f"[red]⇒ cash-out[/red] {label}")
                continue
            assert isinstance(target, str)
            if first_in.get(target) != edge["edge"] or target in shown:
                branch.add(f"→ {target} {label} [dim](joins money traced earlier)[/dim]")
                continue
            shown.add(target)
            note = f" [dim]({edge['end']}: not followed)[/dim]" if edge["end"] else ""
            node = branch.add(
                f"→ [bold]{target}[/bold] hop {edge['hop']}: {label}, still there "
                f"{yuan_label(remaining.get(target, 0))}{note}"
            )
            grow(node, target)

    sources = edges.filter(pl.col("hop") == 1)["from_account"].drop_nulls().unique().sort()
    shown: set[str] = set(sources.to_list())
    for source in sources.to_list():
        grow(root.add(f"victim account {source}"), source)
    return root

"""`fanzha trace` and `fanzha investigate` on a small dataset written to disk."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fanzha.cli.main import app
from fanzha.io.dataset import Dataset
from fanzha.trace.case_trace_usecase import CaseTraceError, trace_case
from fanzha.trace.investigate_usecase import cashout_view, holders_view, hubs_view, report_flows
from fanzha.trace.tracer import TraceOptions
from tests.trace.ledger_factory import write_case_dataset


def test_trace_case_graph_amounts(tmp_path: Path) -> None:
    data = Dataset(write_case_dataset(tmp_path / "city"))
    graph = trace_case(data, "R1", TraceOptions())
    edges = {r["event_id"]: r for r in graph.edges.iter_rows(named=True)}
    assert {e: r["tainted"] for e, r in edges.items()} == {
        "T1": 500_000,
        "T2": 200_000,
        "T3": 250_000,
        "T4": 50_000,
        "T5": 200_000,
    }
    assert edges["T4"]["end"] == "merchant"
    assert edges["T5"]["end"] == "cashout" and edges["T5"]["to_account"] is None
    nodes = {r["account_id"]: r for r in graph.nodes.iter_rows(named=True)}
    assert nodes["M3"]["remaining"] == 250_000
    assert nodes["M3"]["holder_person_id"] == "P3"
    assert graph.paid_fen == 500_000
    assert graph.cashout_fen == 200_000
    assert graph.remaining_fen == 300_000  # M3 250 + SHOP 50 (it kept the payment)
    document = graph.to_json()
    assert document["cashed_out"] == "2000.00"
    assert document["report"]["paid_to"] == "M1"
    assert document["cashouts"][0]["channel"] == "atm"
    at_report = trace_case(data, "R1", TraceOptions(), at_report=True)
    assert at_report.options.until == data.table("reports")["ts"][0]


def test_trace_case_errors_name_the_problem(tmp_path: Path) -> None:
    data = Dataset(write_case_dataset(tmp_path / "city"))
    for report, message in (("R9", "no report"), ("R3", "no payment")):
        try:
            trace_case(data, report, TraceOptions())
        except CaseTraceError as exc:
            assert message in str(exc)
        else:
            raise AssertionError(f"{report} should not trace")


def test_trace_command_prints_tree_and_writes_json_and_html(tmp_path: Path) -> None:
    city = write_case_dataset(tmp_path / "city")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["trace", str(city), "--report", "R1", "--out", str(out)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "→ M1 hop 1: ¥5,000.00" in result.output
    assert "⇒ cash-out ¥2,000.00" in result.output
    document = json.loads((out / "R1.json").read_text("utf-8"))
    assert {n["account_id"] for n in document["nodes"]} == {"M1", "M2", "M3", "SHOP"}
    page = (out / "R1.html").read_text("utf-8")
    assert "<svg" in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "cash-out: atm" in page
    missing = CliRunner().invoke(app, ["trace", str(city), "--report", "R9"])
    assert missing.exit_code == 1
    assert "no report with report_id 'R9'" in missing.output


def test_investigate_views(tmp_path: Path) -> None:
    data = Dataset(write_case_dataset(tmp_path / "city"))
    flows = report_flows(data, TraceOptions())
    assert set(flows["report_id"]) == {"R1", "R2"}  # R3: no payment in the ledger
    hubs = hubs_view(data, flows)
    assert hubs["account_id"][0] == "M1"
    assert hubs.filter(hubs["account_id"] == "M3")["traced_fen"].item() == 250_000
    holders = holders_view(data, flows)
    assert holders.row(0, named=True)["holder_person_id"] == "P3"
    assert holders.row(0, named=True)["cards_used"] == 2
    cashouts = cashout_view(data, flows)
    assert cashouts.select("channel", "district", "traced_fen").row(0) == ("atm", "360113", 200_000)
    result = CliRunner().invoke(
        app, ["investigate", "holders", str(tmp_path / "city")], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "P3" in result.output

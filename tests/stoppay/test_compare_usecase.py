"""The per-typology comparison that docs/tracing.md quotes, on a labelled hand-built city."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table
from fanzha.stoppay.compare_usecase import compare_planners
from fanzha.stoppay.replay_planner import PlannerSettings, plan_stop_requests
from tests.trace.ledger_factory import write_case_dataset


def test_compare_planners_rows(tmp_path: Path) -> None:
    rows = compare_planners(write_case_dataset(tmp_path / "city"), PlannerSettings())
    table = {(r["typology"], r["planner"]): r for r in rows}
    assert set(table) == {
        ("all", "trace"),
        ("all", "reference"),
        ("rebate", "trace"),
        ("rebate", "reference"),
    }
    # R1 is reported at minute 30: M2 has cashed out, M3 still holds 2,500 and is held; the
    # reference holds only M1 (empty by then) and F, the innocent account of the false report.
    assert table["all", "trace"]["held ¥"] == "2,500"
    assert table["all", "trace"]["innocent"] == 0
    assert table["all", "reference"]["held ¥"] == "0"
    assert table["all", "reference"]["innocent"] == 1  # F, named by the false report R2


def test_compare_scores_what_a_replay_wrote(tmp_path: Path) -> None:
    city = write_case_dataset(tmp_path / "city")
    data = Dataset(city)
    transfers, reports, accounts = (data.table(t) for t in ("transfers", "reports", "accounts"))
    out = tmp_path / "out"
    out.mkdir()
    # A replay that asked only M2 (already cashed out): nothing held, no innocent request.
    only_m2 = plan_stop_requests(transfers, reports, accounts).filter(pl.col("account_id") == "M2")
    write_table(only_m2, out, TABLES["stop_requests"])
    table = {
        (r["typology"], r["planner"]): r
        for r in compare_planners(city, PlannerSettings(), replay=out)
    }
    assert set(table) == {(t, p) for t in ("all", "rebate") for p in ("replay", "reference")}
    assert (table["all", "replay"]["held ¥"], table["all", "replay"]["requests"]) == ("0", 1)
    assert table["all", "reference"]["innocent"] == 1

"""The per-typology comparison that docs/tracing.md quotes, on a labelled hand-built city."""

from __future__ import annotations

from pathlib import Path

from fanzha.stoppay.compare_usecase import compare_planners
from fanzha.stoppay.replay_planner import PlannerSettings
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

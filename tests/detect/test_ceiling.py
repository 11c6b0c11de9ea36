"""The label-informed ceiling on a hand-built city whose reach is worked out by hand."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from fanzha.cli.main import app
from fanzha.detect.ceiling_usecase import ceiling
from fanzha.io.problems import DatasetError
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table
from tests.detect.tiny_city import HOUR, START, TinyCity

RING = "+855100000001"
SHOP = "shop-fake.top"
APP = "com.fake.invest"


def _phone(i: int) -> str:
    return f"1390000000{i}"


def _city(labels: bool = True) -> TinyCity:
    return TinyCity(
        persons=[(f"P{i}", "360102", 1980, "M") for i in range(1, 7)],
        phones=[(_phone(i), f"P{i}", "mobile", None) for i in range(1, 7)]
        + [(RING, None, "overseas", None)],
        calls=[
            ("C1", START + HOUR, RING, _phone(1), 400),  # P1: talks long over two calls
            ("C2", START + 2 * HOUR, _phone(1), RING, 300),
            ("C3", START + HOUR, RING, _phone(3), 90),  # P3: one talk, no site
            ("C4", START + HOUR, RING, _phone(5), 70),  # P5: a talk and an app
            ("C5", START + HOUR, RING, _phone(6), 0),  # P6: an unanswered call only
        ],
        sms=[("S1", START + HOUR, RING, _phone(2), SHOP)],  # P2: a text, the site after the loss
        net=[
            ("N1", START + 3 * HOUR, _phone(2), "url_visit", SHOP),
            ("N2", START + HOUR, _phone(4), "url_visit", SHOP),  # P4: the site twice
            ("N3", START + 4 * HOUR, _phone(4), "url_visit", SHOP),
            ("N4", START + 2 * HOUR, _phone(5), "app_install", APP),
            ("N5", START + 2 * HOUR, _phone(6), "url_visit", "taobao.com"),
        ],
        labels=(
            {
                "targets": [
                    ("P1", "police", START, START + 5 * HOUR, 1_000_000),
                    ("P2", "shopping", START, START + 2 * HOUR, 50_000),
                    ("P4", "shopping", START, None, None),
                ],
                "numbers": [(RING, "caller")],
                "domains": [(SHOP,)],
                "apps": [(APP,)],
            }
            if labels
            else {}
        ),
    )


def test_each_rule_reaches_what_the_hand_count_says(tmp_path: Path) -> None:
    result = ceiling(_city().write(tmp_path / "city"))
    reach = {r.rule: (r.precision, r.pre_loss_recall) for r in result.rules}
    # (true warned, warned, losers before loss, losers)
    expected = {
        "touched": (3, 6, 2, 2),  # everyone met the ring; P6's unanswered call counts
        "talked_or_opened": (3, 5, 1, 2),  # P2's site came after the loss
        "opened_twice": (1, 1, 0, 2),  # P4, who lost nothing
        "talked_long": (1, 1, 1, 2),  # P1 at 700 s, on the second call
        "talked_and_opened": (0, 1, 0, 2),  # P5, an innocent look-alike
        "engaged": (2, 3, 1, 2),
    }
    for rule, (true, warned, before, losers) in expected.items():
        precision, recall = reach[rule]
        assert (precision.hits, precision.total, recall.hits, recall.total) == (
            true,
            warned,
            before,
            losers,
        ), rule
    by_type = {(t.scam_type, t.losers, t.engaged_before_loss) for t in result.typologies}
    assert by_type == {("police", 1, 1), ("shopping", 1, 0)}


def test_a_replay_is_compared_loser_by_loser(tmp_path: Path) -> None:
    root = _city().write(tmp_path / "city")
    out = tmp_path / "out"
    warnings = pl.DataFrame(
        {
            "warning_id": ["W1", "W2"],
            "ts": [START + HOUR, START + 6 * HOUR],  # P2 in time, P1 after the loss
            "person_id": ["P2", "P1"],
            "tier": ["2", "1"],
            "score": [0.99, 0.99],
            "reasons": ["X", "X"],
        }
    )
    write_table(warnings, out, TABLES["warnings"])
    versus = ceiling(root, out).replay
    assert versus is not None
    assert (versus.both, versus.ceiling_only, versus.replay_only, versus.neither) == (0, 1, 1, 0)


def test_a_city_without_labels_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no labels"):
        ceiling(_city(labels=False).write(tmp_path / "city"))


def test_the_command_prints_the_rules(tmp_path: Path) -> None:
    root = _city().write(tmp_path / "city")
    shown = CliRunner().invoke(app, ["ceiling", str(root)])
    assert shown.exit_code == 0, shown.output
    assert "talked_and_opened" in shown.output and "0.6667" in shown.output
    missing = CliRunner().invoke(app, ["ceiling", str(root), "--out", str(tmp_path / "none")])
    assert missing.exit_code == 2

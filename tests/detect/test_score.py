"""Scoring of hand-built outputs against hand-built labels, worked out by hand."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from fanzha.detect.score_usecase import score_outputs
from fanzha.io.problems import DatasetError
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table
from tests.detect.tiny_city import HOUR, START, TinyCity


def _labelled(root: Path) -> Path:
    city = TinyCity(
        persons=[(f"P{i}", "360102", 1980, "M") for i in range(1, 6)],
        labels={
            "targets": [
                ("P1", "police", START, START + 5 * HOUR, 1_000_000),  # warned before loss
                ("P2", "rebate", START, START + 5 * HOUR, 50_000),  # warned at the loss second
                ("P3", "rebate", START, None, None),  # warned, lost nothing
                ("P4", "loan", START, START + 9 * HOUR, 20_000),  # never warned
            ],
            "numbers": [("+855100000001", "caller"), ("17000000002", "caller")],
            "accounts": [("A1", "mule_1"), ("A2", "mule_2"), ("A3", "cashout")],
        },
    )
    return city.write(root)


def _outputs(root: Path) -> Path:
    warnings = pl.DataFrame(
        {
            "warning_id": ["W1", "W2", "W3", "W4", "W5"],
            "ts": [START + HOUR, START + 5 * HOUR, START + 6 * HOUR, START + 7 * HOUR, START],
            "person_id": ["P1", "P2", "P1", "P3", "P5"],  # P5 is not a target
            "tier": ["2", "1", "1", "3", "3"],
            "score": [0.9, 0.9, 0.95, 0.5, 0.5],
            "reasons": ["X"] * 5,
        }
    ).sort("ts")
    numbers = pl.DataFrame(
        {"number": ["+855100000001"], "ts": [START], "score": [0.9], "reasons": ["X"]}
    )
    accounts = pl.DataFrame(
        {
            "account_id": ["A1", "A3", "B9"],
            "ts": [START] * 3,
            "score": [0.9] * 3,
            "reasons": ["X"] * 3,
        }
    )
    write_table(warnings, root, TABLES["warnings"])
    write_table(numbers, root, TABLES["flagged_numbers"])
    write_table(accounts, root, TABLES["flagged_accounts"])
    return root


def test_score_counts_persons_and_strictly_earlier_warnings(tmp_path: Path) -> None:
    score = score_outputs(_labelled(tmp_path / "city"), _outputs(tmp_path / "out"))
    assert (score.warning_precision.hits, score.warning_precision.total) == (3, 4)
    assert (score.warning_recall.hits, score.warning_recall.total) == (3, 4)
    # P1 warned an hour before; P2 only in the second of the loss; P4 never.
    assert (score.pre_loss_recall.hits, score.pre_loss_recall.total) == (1, 3)
    assert (score.number_precision.value, score.number_recall.value) == (1.0, 0.5)
    assert (score.account_precision.hits, score.account_precision.total) == (2, 3)
    assert (score.account_recall.hits, score.account_recall.total) == (2, 3)
    assert score.account_recall_by_role["mule_2"].hits == 0
    by_type = {t.scam_type: t for t in score.typologies}
    assert by_type["rebate"].warned.value == 1.0
    assert by_type["rebate"].warned_before_loss.total == 1
    assert by_type["rebate"].warned_before_loss.hits == 0
    assert by_type["loan"].warned.hits == 0
    assert score.warnings_by_tier == {"1": 2, "2": 1, "3": 2}


def test_score_names_the_missing_output(tmp_path: Path) -> None:
    data = _labelled(tmp_path / "city")
    (tmp_path / "out").mkdir()
    with pytest.raises(DatasetError, match=r"warnings\.csv"):
        score_outputs(data, tmp_path / "out")

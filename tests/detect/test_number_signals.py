"""Number signals on a hand-built city: who gets in touch with a number unprompted, and
whether its holder knows the strangers it reached."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.detect.city import load_city
from fanzha.detect.engine import basics_of
from fanzha.detect.number_features import number_features
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity

RING, FRESH, OLD = "17000000009", "13900000009", "13900000008"


def _rows(tmp_path: Path) -> pl.DataFrame:
    persons = [(f"P{i}", "360102", 1980, "F") for i in range(10)]
    phones = [(f"1390000000{i}", f"P{i}", "mobile", None) for i in range(7)]
    calls = []
    for i in range(4):  # both lines call four strangers, one a minute, then a fifth
        calls.append((f"R{i}", START + HOUR + 60 * i, RING, f"1390000000{i}", 90))
        calls.append((f"F{i}", START + 2 * HOUR + 60 * i, FRESH, f"1390000000{i}", 90))
    # One of the ring's callees calls it back; two friends call the new SIM of their own accord.
    calls.append(("B1", START + 3 * HOUR, "13900000001", RING, 30))
    calls.append(("U1", START + 3 * HOUR, "13900000004", FRESH, 200))
    calls.append(("U2", START + 3 * HOUR + 60, "13900000005", FRESH, 100))
    # The new SIM's holder reaches one of its callees from the old SIM before the last
    # judgement, another after it.
    calls.append(("O1", START + 3 * HOUR + 120, OLD, "13900000000", 60))
    calls.append(("O2", START + 5 * HOUR, OLD, "13900000001", 60))
    calls.append(("R9", START + 4 * HOUR, RING, "13900000006", 90))
    calls.append(("F9", START + 4 * HOUR + 60, FRESH, "13900000006", 90))
    city = load_city(
        Dataset(
            TinyCity(
                persons=persons,
                phones=[
                    *phones,
                    (RING, None, "voip", None),
                    (FRESH, "P9", "mobile", None),
                    (OLD, "P9", "mobile", None),
                ],
                calls=calls,
            ).write(tmp_path / "city")
        )
    )
    basics = basics_of(city)
    rows = number_features(city, basics.pairs, basics.follow)
    return rows.with_columns(number=city.numbers.gather(rows["key"].to_numpy()))


def test_strangers_who_get_in_touch_first_are_counted_callbacks_are_not(tmp_path: Path) -> None:
    rows = _rows(tmp_path)
    last = rows.filter(pl.col("ts") >= START + 4 * HOUR).sort("number")
    assert last["number"].to_list() == [FRESH, RING]
    assert last["stranger_in_7d"].to_list() == [2.0, 0.0]
    # Both lines reached five strangers by then.
    assert last["stranger_in_share_7d"].to_list() == [2.0 / 5.0, 0.0]


def test_strangers_its_holder_then_reaches_from_another_sim_are_old_friends(
    tmp_path: Path,
) -> None:
    rows = _rows(tmp_path)
    last = rows.filter(pl.col("ts") >= START + 4 * HOUR).sort("number")
    assert last["number"].to_list() == [FRESH, RING]
    # The old SIM's second call comes after the judgement: not counted yet.
    assert last["holder_circle_7d"].to_list() == [1.0, 0.0]
    assert last["holder_circle_share_7d"].to_list() == [1.0 / 5.0, 0.0]
    before = rows.filter((pl.col("number") == FRESH) & (pl.col("ts") < START + 3 * HOUR))
    assert before.height > 0
    assert before["holder_circle_7d"].to_list() == [0.0] * before.height

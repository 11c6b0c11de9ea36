"""Causal window aggregates: ties at one second are included, older rows expire."""

from __future__ import annotations

import numpy as np

from fanzha.detect.windows import (
    KeyedStream,
    PairEvents,
    ScoreHistory,
    sort_order,
)


def _a(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_window_sum_includes_same_second_and_expires_old_rows() -> None:
    key = _a(1, 1, 1, 2, 1)
    ts = _a(100, 200, 200, 200, 400)
    stream = KeyedStream(key, ts, 0, v=np.array([1.0, 2.0, 4.0, 8.0, 16.0]))
    queries = stream.at(_a(1, 1, 1, 2, 1), _a(99, 100, 200, 200, 400))
    got = queries.sum("v", 150)
    # (t-150, t]: at 200 both rows of that second count; at 400 only itself (200 expired).
    assert got.tolist() == [0.0, 1.0, 7.0, 8.0, 16.0]
    assert queries.sum("v", 1000).tolist() == [0.0, 1.0, 7.0, 8.0, 23.0]


def test_last_before_is_strictly_earlier_and_per_key() -> None:
    stream = KeyedStream(_a(1, 1, 2), _a(100, 250, 50), 0)
    assert stream.last_before(_a(1, 1, 1, 2, 3), _a(100, 250, 300, 60, 500)).tolist() == [
        -1,
        150,
        50,
        10,
        -1,
    ]


def test_running_max_is_monotone_and_per_key() -> None:
    history = ScoreHistory(_a(1, 1, 1, 2), _a(10, 20, 30, 15), np.array([0.2, 0.9, 0.1, 0.5]))
    got = history.running_max(_a(1, 1, 1, 1, 2, 2, 3), _a(5, 10, 25, 99, 14, 15, 99))
    assert got.tolist() == [0.0, 0.2, 0.9, 0.9, 0.0, 0.5, 0.0]


def test_latest_follows_revisions_and_takes_the_highest_of_a_second() -> None:
    history = ScoreHistory(
        _a(1, 1, 1, 1, 2), _a(10, 20, 20, 30, 15), np.array([0.2, 0.9, 0.4, 0.1, 0.5])
    )
    got = history.latest(_a(1, 1, 1, 1, 2, 2, 3), _a(5, 10, 25, 99, 14, 15, 99))
    # At 20 two judgements in one second: the higher counts; at 30 the number was cleared.
    assert got.tolist() == [0.0, 0.2, 0.9, 0.1, 0.0, 0.5, 0.0]


def test_running_max_never_leaks_across_keys() -> None:
    history = ScoreHistory(_a(1, 2), _a(10, 20), np.array([500.0, 3.0]))
    assert history.running_max(_a(2, 1), _a(30, 30)).tolist() == [3.0, 500.0]


def test_an_empty_history_answers_zero() -> None:
    history = ScoreHistory(_a(), _a(), np.zeros(0))
    assert history.running_max(_a(1, 2), _a(5, 6)).tolist() == [0.0, 0.0]
    assert history.latest(_a(1), _a(5)).tolist() == [0.0]


def test_window_sums_are_exact_whatever_other_keys_hold() -> None:
    # Sums are integer hundredths, so key 2's result cannot depend on key 1's magnitudes.
    big = KeyedStream(_a(1, 2, 2), _a(1, 2, 3), 0, v=np.array([1e9 + 0.01, 0.1, 0.2]))
    small = KeyedStream(_a(2, 2), _a(2, 3), 0, v=np.array([0.1, 0.2]))
    assert (
        big.at(_a(2), _a(3)).sum("v", 10).tolist() == small.at(_a(2), _a(3)).sum("v", 10).tolist()
    )


def test_pair_gaps_order_ties_by_tiebreak() -> None:
    gap = PairEvents(_a(1, 1, 1, 2), _a(5, 5, 5, 5), _a(10, 10, 40, 10), _a(1, 0, 2, 3)).gap()
    assert gap.tolist() == [0, -1, 30, -1]


def test_pair_episodes_restart_at_each_marked_event_per_pair() -> None:
    a, b = _a(1, 1, 1, 2, 1), _a(5, 5, 5, 5, 5)
    ts = _a(10, 20, 30, 15, 40)
    starts = _a(1, 0, 1, 1, 0)
    got = PairEvents(a, b, ts, _a(0, 1, 2, 3, 4)).episode_start(starts)
    assert got.tolist() == [10, 10, 30, 15, 30]


def test_next_change_finds_the_next_event_of_the_pair_with_another_value() -> None:
    a, b = _a(1, 1, 1, 1, 2, 2), _a(5, 5, 5, 5, 5, 5)
    ts = _a(10, 20, 30, 40, 15, 25)
    values = _a(7, 7, 8, 7, 9, 9)
    got = PairEvents(a, b, ts, _a(0, 1, 2, 3, 4, 5)).next_change(values)
    # Pair (1, 5) changes at 30 and back at 40; pair (2, 5) never does, and the next
    # pair's events are not the same pair's.
    assert got.tolist() == [30, 30, 40, -1, -1, -1]


def test_no_pair_events_give_empty_answers() -> None:
    events = PairEvents(_a(), _a(), _a(), _a())
    assert events.gap().tolist() == []
    assert events.episode_start(_a()).tolist() == []
    assert events.next_change(_a()).tolist() == []


def test_sort_order_sorts() -> None:
    assert sort_order(_a(0, 9, -5, 3)).tolist() == [2, 0, 3, 1]

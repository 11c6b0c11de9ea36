"""A person's exposure to suspect numbers, as each number is judged at the time of the query."""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.engine import suspect_rows
from fanzha.detect.exposure import SUSPECT_LEVEL, Suspicion, co_exposed, exposure_at

FLAG = 0.9


def _contacts() -> pl.DataFrame:
    # Person 0 talked with number 7 at t=100 and t=500; person 1 got one SMS from 7 at t=100.
    return pl.DataFrame(
        {
            "person": [0, 0, 1],
            "number": [7, 7, 7],
            "cts": [100, 500, 100],
            "talk": [300.0, 200.0, 0.0],
            "text": [0.0, 0.0, 1.0],
            "outgoing": [0.0, 0.0, 0.0],
            "local": [1.0, 1.0, 1.0],
        }
    )


def _number_seven(revised: bool) -> Suspicion:
    # Looked like a ring line at its first judgement (t=50); cleared at t=400.
    return Suspicion(np.array([7, 7]), np.array([50, 400]), np.array([0.95, 0.01]), revised=revised)


def test_a_number_cleared_by_later_evidence_stops_counting() -> None:
    people, at = np.array([0, 0, 1]), np.array([200, 600, 600])
    revised = exposure_at(_contacts(), _number_seven(True), FLAG, people, at)
    # Before it was cleared the talk counts; after, neither person is exposed to a flagged number.
    assert revised["exp_flag_n"].tolist() == [1.0, 0.0, 0.0]
    assert revised["exp_suspect_most"].tolist() == [1.0, 0.0, 0.0]
    # Judged by its worst moment instead, the number would count against them for good.
    kept = exposure_at(_contacts(), _number_seven(False), FLAG, people, at)
    assert kept["exp_flag_n"].tolist() == [1.0, 2.0, 1.0]
    assert kept["exp_suspect_most"].tolist() == [1.0, 2.0, 1.0]
    # Person 1 was only texted.
    assert kept["exp_suspect_texts"].tolist() == [0.0, 0.0, 1.0]


def test_a_ring_line_whose_score_wavers_below_the_flag_stays_flagged() -> None:
    # Flagged at 0.95 (t=50); a later judgement of 0.6 (t=400) is doubt, not clearing.
    wavering = Suspicion(np.array([7, 7]), np.array([50, 400]), np.array([0.95, 0.6]), True)
    people, at = np.array([0, 0, 1]), np.array([200, 600, 600])
    exposure = exposure_at(_contacts(), wavering, FLAG, people, at)
    assert exposure["exp_flag_n"].tolist() == [1.0, 2.0, 1.0]
    assert wavering.asof(np.array([7, 7]), np.array([399, 400])).tolist() == [0.95, 0.95]


def test_only_numbers_that_were_ever_suspect_keep_their_rows() -> None:
    numbers = pl.DataFrame(
        {
            "key": [3, 3, 5, 5, 7],
            "ts": [10, 20, 10, 20, 10],
            "score": [0.1, SUSPECT_LEVEL, 0.29, 0.01, 0.0],
        }
    )
    # Number 3 keeps its low first judgement too: a later clearing is read against it.
    assert suspect_rows(numbers).to_dict(as_series=False) == {
        "key": [3, 3],
        "ts": [10, 20],
        "score": [0.1, SUSPECT_LEVEL],
    }
    assert suspect_rows(numbers.clear()).height == 0


def test_a_sibling_line_counts_as_talked_only_when_the_person_stayed_on_it() -> None:
    # Number 9 engages persons 0 and 1 at t=300. Both had heard from suspect number 7 before:
    # person 0 talked with it for five minutes, person 1 only got its text. Person 0 is
    # engaged again at t=900_000, beyond the 72 h in which that talk counts.
    suspect = Suspicion(np.array([7]), np.array([50]), np.array([0.5]))
    co = co_exposed(
        _contacts(),
        suspect,
        number=np.array([9, 9, 9]),
        person=np.array([0, 1, 0]),
        ts=np.array([300, 300, 900_000]),
    )
    assert co.any.tolist() == [1.0, 1.0, 0.0]
    assert co.talked.tolist() == [1.0, 0.0, 0.0]
    # A number's own earlier contacts are not a sibling's.
    itself = co_exposed(_contacts(), suspect, np.array([7]), np.array([0]), np.array([600]))
    assert (itself.any.tolist(), itself.talked.tolist()) == ([0.0], [0.0])

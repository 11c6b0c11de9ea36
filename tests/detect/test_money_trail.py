"""Numbers found by where their callees' money went, on a hand-built city.

The account flags are given (as the account stage would give them), so each case says which
numbers the payments tie to the mules, and from when.
"""

from __future__ import annotations

from pathlib import Path

from fanzha.detect.city import City, load_city
from fanzha.detect.engine import basics_of
from fanzha.detect.money_trail import money_trail
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import (
    HOUR,
    MULE_1,
    MULE_2,
    START,
    account_flags,
    resident_account,
    resident_phone,
    trail_city,
)

HANDLER, LATE_PAYERS, BROAD, BANK = "17000000001", "17000000002", "13700000001", "95588"
RESIDENTS = 30


def _city(tmp_path: Path) -> City:
    calls = [
        # The handler talks at length with P0 and P1, who each pay a mule within the hour.
        ("C1", START + 1 * HOUR, HANDLER, resident_phone(0), 1200),
        ("C2", START + 2 * HOUR, HANDLER, resident_phone(1), 900),
        # P2 pays two days after this call, P3 before it: neither counts.
        ("C3", START + 1 * HOUR, LATE_PAYERS, resident_phone(2), 900),
        ("C4", START + 30 * HOUR, LATE_PAYERS, resident_phone(3), 900),
        # The bank calls P0 and P1 about their money too.
        ("C5", START + 1 * HOUR, BANK, resident_phone(0), 300),
        ("C6", START + 2 * HOUR, BANK, resident_phone(1), 300),
        # A sales line pitches to every resident, P0 and P1 among them.
        *[
            (f"B{i}", START + HOUR // 2 + i, BROAD, resident_phone(i), 400)
            for i in range(RESIDENTS)
        ],
    ]
    transfers = [
        ("T1", START + 1 * HOUR + 1800, resident_account(0), MULE_1, 20_000, "mobile"),
        ("T2", START + 3 * HOUR, resident_account(1), MULE_2, 30_000, "mobile"),
        ("T3", START + 49 * HOUR, resident_account(2), MULE_1, 10_000, "mobile"),
        ("T4", START + 29 * HOUR, resident_account(3), MULE_2, 10_000, "mobile"),
    ]
    lines = [
        (HANDLER, None, "voip", None),
        (LATE_PAYERS, None, "voip", None),
        (BROAD, None, "mobile", None),
        (BANK, None, "service", None),
    ]
    city = trail_city(RESIDENTS, 4, phones=lines, calls=calls, transfers=transfers)
    return load_city(Dataset(city.write(tmp_path / "city")))


def _trail(city: City, flagged: dict[str, int]) -> dict[str, int]:
    basics = basics_of(city)
    found = money_trail(city, basics.pairs.new, account_flags(city, flagged), basics.tills)
    numbers = city.numbers.gather(found["key"].to_numpy()).to_list()
    return dict(zip(numbers, found["ts"].to_list(), strict=True))


def test_a_number_whose_callees_both_paid_mules_is_tied_when_the_second_is_known(
    tmp_path: Path,
) -> None:
    city = _city(tmp_path)
    # MULE_2 is flagged two hours after P1 paid it: the tie waits for the flag.
    tied = _trail(city, {MULE_1: START + 2 * HOUR, MULE_2: START + 5 * HOUR})
    assert tied == {HANDLER: START + 5 * HOUR}


def test_payments_to_accounts_never_flagged_tie_nothing(tmp_path: Path) -> None:
    assert _trail(_city(tmp_path), {MULE_1: START + 2 * HOUR}) == {}


def test_payments_before_the_call_or_a_day_after_it_tie_nothing(tmp_path: Path) -> None:
    # LATE_PAYERS' two callees paid flagged mules too, but not within the day after its call.
    tied = _trail(_city(tmp_path), {MULE_1: START, MULE_2: START})
    assert LATE_PAYERS not in tied


def test_a_line_that_talks_to_everyone_and_a_short_code_are_not_tied(tmp_path: Path) -> None:
    # The sales line's two paying callees are 2 of its 30 long calls; the bank is a short code.
    tied = _trail(_city(tmp_path), {MULE_1: START, MULE_2: START})
    assert set(tied) == {HANDLER}

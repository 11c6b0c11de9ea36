"""Throwaway lines tied to flagged ones by the phishing domain they text, on a hand-built city.

The flags are given (as the number stage would give them), so each case says exactly when a
domain becomes the campaign's and which of its senders are tied to it, and when.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from fanzha.detect.campaign_links import campaign_domains, campaign_links
from fanzha.detect.city import City, load_city
from fanzha.detect.person_features import WINDOW_S, campaign_meetings
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity

RING_A, RING_B, THROWAWAY, LATE = "17000000001", "17000000002", "17000000003", "17000000004"
SHOP_1, SHOP_2, SHOP_3 = "13800000001", "13800000002", "13800000003"
BANK = "95588"
PHISH, SHORTENER, BANK_SITE = "refund-desk.top", "t.cn", "icbc.com.cn"


def _city(tmp_path: Path) -> City:
    residents = [(f"P{i}", "360102", 1980, "F") for i in range(6)]
    phones = [(f"1390000000{i}", f"P{i}", "mobile", None) for i in range(6)]
    senders = [RING_A, RING_B, THROWAWAY, LATE, SHOP_1, SHOP_2, SHOP_3, BANK]
    sms = [
        # The campaign: A and B flagged later; the throwaway texts once, before the flags.
        ("S1", START + 1 * HOUR, RING_A, "13900000000", PHISH),
        ("S2", START + 2 * HOUR, THROWAWAY, "13900000001", PHISH),
        ("S3", START + 3 * HOUR, RING_B, "13900000002", PHISH),
        ("S4", START + 9 * HOUR, LATE, "13900000003", PHISH),
        # A shortener: three shops use it, and ring A once.
        ("S5", START + 1 * HOUR, SHOP_1, "13900000004", SHORTENER),
        ("S6", START + 1 * HOUR, SHOP_2, "13900000005", SHORTENER),
        ("S7", START + 2 * HOUR, SHOP_3, "13900000004", SHORTENER),
        ("S8", START + 4 * HOUR, RING_A, "13900000005", SHORTENER),
        # A bank's own number texts its own site.
        ("S9", START + 2 * HOUR, BANK, "13900000001", BANK_SITE),
    ]
    return load_city(
        Dataset(
            TinyCity(
                persons=residents,
                phones=phones + [(n, None, "voip", None) for n in senders],
                sms=sms,
            ).write(tmp_path / "city")
        )
    )


def _flags(city: City, flagged: dict[str, int]) -> pl.DataFrame:
    numbers = city.numbers.to_list()
    return pl.DataFrame(
        {
            "key": [numbers.index(n) for n in flagged],
            "ts": list(flagged.values()),
            "score": [0.99 + 0.001 * i for i in range(len(flagged))],
            "new_7d": [40.0 + i for i in range(len(flagged))],
        },
        schema={"key": pl.Int64, "ts": pl.Int64, "score": pl.Float64, "new_7d": pl.Float64},
    )


def _tied(city: City, links: pl.DataFrame) -> dict[str, int]:
    return dict(
        zip(city.numbers.gather(links["key"].to_numpy()).to_list(), links["ts"], strict=True)
    )


def test_a_domain_mostly_texted_by_flagged_lines_ties_its_other_senders(tmp_path: Path) -> None:
    city = _city(tmp_path)
    # A flagged at 5 h: 1 of 3 senders so far (A, throwaway, B) is not half. B flagged at 6 h:
    # 2 of 3 is, so the domain is the campaign's from 6 h.
    links = campaign_links(city, _flags(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}))
    # The throwaway texted before: tied when the domain was marked. LATE texts after: tied then.
    assert _tied(city, links) == {THROWAWAY: START + 6 * HOUR, LATE: START + 9 * HOUR}
    # Tied numbers carry the campaign's strongest sibling score and reach.
    assert links["score"].to_list() == [0.991, 0.991]
    assert links["new_7d"].to_list() == [41.0, 41.0]


def test_one_flagged_sender_among_many_innocent_ones_marks_nothing(tmp_path: Path) -> None:
    city = _city(tmp_path)
    links = campaign_links(city, _flags(city, {RING_A: START + 5 * HOUR}))
    # The phishing domain: 1 flagged of 3 senders by then; the shortener: 1 of 4.
    assert links.height == 0


def test_a_line_flagged_on_its_own_first_is_not_tied_again(tmp_path: Path) -> None:
    city = _city(tmp_path)
    flagged = {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR, LATE: START + 9 * HOUR}
    links = campaign_links(city, _flags(city, flagged))
    assert _tied(city, links) == {THROWAWAY: START + 6 * HOUR}


def test_links_are_causal(tmp_path: Path) -> None:
    """What is known by a time gives the same ties up to it: flags after it change nothing."""
    city = _city(tmp_path)
    early = {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}
    full = campaign_links(city, _flags(city, early | {SHOP_1: START + 20 * HOUR}))
    cut = campaign_links(city, _flags(city, early))
    before = pl.col("ts") <= START + 10 * HOUR
    assert full.filter(before).equals(cut.filter(before))


def test_a_domain_is_the_campaigns_from_when_half_its_senders_are_flagged(tmp_path: Path) -> None:
    city = _city(tmp_path)
    codes, marked_at = campaign_domains(
        city, _flags(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR})
    )
    domains = city.domains.gather(codes).to_list()
    # The shortener, texted by three shops, is not the campaign's.
    assert dict(zip(domains, marked_at.tolist(), strict=True)) == {PHISH: START + 6 * HOUR}


def test_meeting_a_campaign_is_dated_when_both_the_link_and_the_campaign_are_known() -> None:
    phish, shop, marked = 7, 3, START + 6 * HOUR
    campaign = (np.array([phish]), np.array([marked]))
    person = np.array([0, 1, 2, -1, 4])
    domain = np.array([phish, phish, phish, phish, shop])
    ts = np.array(
        [
            START + 2 * HOUR,  # opened before the marking: met the campaign at the marking
            START + 8 * HOUR,  # after it: at once
            marked - WINDOW_S - 1,  # too long before: out of the window by then
            START + 8 * HOUR,  # a visit by no resident
            START + 8 * HOUR,  # another domain
        ]
    )
    who, when = campaign_meetings(campaign, person, domain, ts)
    assert who.tolist() == [0, 1]
    assert when.tolist() == [marked, START + 8 * HOUR]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    assert campaign_meetings(empty, person, domain, ts)[0].size == 0


def test_a_services_own_domain_is_no_campaign_even_if_its_number_is_flagged(
    tmp_path: Path,
) -> None:
    city = _city(tmp_path)
    # All of the bank site's senders (its one number) are flagged, but a campaign is many lines.
    flagged = {BANK: START + 3 * HOUR, RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}
    codes, _ = campaign_domains(city, _flags(city, flagged))
    assert city.domains.gather(codes).to_list() == [PHISH]

"""Throwaway lines tied to flagged ones by the phishing domain they text, on a hand-built city.

The flags are given (as the number stage would give them), so each case says exactly when a
domain becomes the campaign's and which of its senders are tied to it, and when.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from fanzha.detect.campaign_links import (
    END_OF_TIME,
    CampaignSpans,
    campaign_domains,
    campaign_links,
)
from fanzha.detect.city import City, load_city
from fanzha.detect.person_features import WINDOW_S, campaign_meetings
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import HOUR, START, TinyCity

RING_A, RING_B, THROWAWAY, LATE = "17000000001", "17000000002", "17000000003", "17000000004"
BULK = "10690000001"
SHOP_1, SHOP_2, SHOP_3 = "13800000001", "13800000002", "13800000003"
BANK = "95588"
PHISH, SHORTENER, BANK_SITE = "refund-desk.top", "t.cn", "icbc.com.cn"
#: A shortener the ring's lines use before a bulk sender's day starts.
BULK_SHORTENER = "dwz.cn"


def _city(tmp_path: Path) -> City:
    residents = [(f"P{i}", "360102", 1980, "F") for i in range(6)]
    phones = [(f"1390000000{i}", f"P{i}", "mobile", None) for i in range(6)]
    senders = [RING_A, RING_B, THROWAWAY, LATE, SHOP_1, SHOP_2, SHOP_3, BANK, BULK]
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
        # The ring's lines use a shortener too; at 7 h a bulk sender's burst texts it to many.
        ("S10", START + 1 * HOUR, RING_A, "13900000003", BULK_SHORTENER),
        ("S11", START + 3 * HOUR, RING_B, "13900000004", BULK_SHORTENER),
        ("S12", START + 4 * HOUR, THROWAWAY, "13900000005", BULK_SHORTENER),
        *[
            (f"S{13 + i}", START + 7 * HOUR, BULK, f"1390000000{i}", BULK_SHORTENER)
            for i in range(4)
        ],
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


#: The number stage's scored rows, when no line has a record of its own.
_NOT_JUDGED = pl.DataFrame(
    schema={"key": pl.Int64, "ts": pl.Int64, "score": pl.Float64, "new_7d": pl.Float64}
)


def _judged(city: City, rows: list[tuple[str, int, float, float]]) -> pl.DataFrame:
    """Scored rows (number, ts, score, strangers reached in the week)."""
    numbers = city.numbers.to_list()
    return pl.DataFrame(
        {
            "key": [numbers.index(n) for n, *_ in rows],
            "ts": [r[1] for r in rows],
            "score": [r[2] for r in rows],
            "new_7d": [r[3] for r in rows],
        },
        schema=_NOT_JUDGED.schema,
    )


def _tied(city: City, links: pl.DataFrame) -> dict[str, int]:
    return dict(
        zip(city.numbers.gather(links["key"].to_numpy()).to_list(), links["ts"], strict=True)
    )


def test_a_domain_mostly_texted_by_flagged_lines_ties_its_other_senders(tmp_path: Path) -> None:
    city = _city(tmp_path)
    # A flagged at 5 h: 1 of 3 senders so far (A, throwaway, B) is not half. B flagged at 6 h:
    # 2 of 3 is, so the domain is the campaign's from 6 h.
    links = campaign_links(
        city, _flags(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}), _NOT_JUDGED
    )
    # The throwaway texted before: tied when the domain was marked. LATE texts after: tied then.
    assert _tied(city, links) == {THROWAWAY: START + 6 * HOUR, LATE: START + 9 * HOUR}
    # Tied numbers carry the campaign's strongest sibling score and reach.
    assert links["score"].to_list() == [0.991, 0.991]
    assert links["new_7d"].to_list() == [41.0, 41.0]


def test_one_flagged_sender_among_many_innocent_ones_marks_nothing(tmp_path: Path) -> None:
    city = _city(tmp_path)
    links = campaign_links(city, _flags(city, {RING_A: START + 5 * HOUR}), _NOT_JUDGED)
    # The phishing domain: 1 flagged of 3 senders by then; the shortener: 1 of 4.
    assert links.height == 0


def test_a_line_flagged_on_its_own_first_is_not_tied_again(tmp_path: Path) -> None:
    city = _city(tmp_path)
    flagged = {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR, LATE: START + 9 * HOUR}
    links = campaign_links(city, _flags(city, flagged), _NOT_JUDGED)
    assert _tied(city, links) == {THROWAWAY: START + 6 * HOUR}


def test_links_are_causal(tmp_path: Path) -> None:
    """What is known by a time gives the same ties up to it: flags after it change nothing."""
    city = _city(tmp_path)
    early = {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}
    full = campaign_links(city, _flags(city, early | {SHOP_1: START + 20 * HOUR}), _NOT_JUDGED)
    cut = campaign_links(city, _flags(city, early), _NOT_JUDGED)
    before = pl.col("ts") <= START + 10 * HOUR
    assert full.filter(before).equals(cut.filter(before))


def test_a_line_cleared_on_its_own_long_record_is_not_tied(tmp_path: Path) -> None:
    """The throwaway's tie at 6 h stands unless, by then, the number stage had judged it on
    fifty or more strangers in the week and never found it a suspect."""
    city = _city(tmp_path)
    flags = _flags(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR})

    def tied(rows: list[tuple[str, int, float, float]]) -> bool:
        return THROWAWAY in _tied(city, campaign_links(city, flags, _judged(city, rows)))

    assert not tied([(THROWAWAY, START + 1 * HOUR, 0.05, 60.0)])
    # A short record, a record that once made it a suspect, or one that came after the tie.
    assert tied([(THROWAWAY, START + 1 * HOUR, 0.05, 10.0)])
    assert tied(
        [(THROWAWAY, START + 1 * HOUR, 0.4, 60.0), (THROWAWAY, START + 2 * HOUR, 0.05, 61.0)]
    )
    assert tied([(THROWAWAY, START + 7 * HOUR, 0.05, 60.0)])
    # Another line's record clears nothing of the throwaway's.
    assert tied([(LATE, START + 1 * HOUR, 0.05, 60.0)])


def _spans(city: City, flagged: dict[str, int]) -> dict[str, list[tuple[int, int]]]:
    spans = campaign_domains(city, _flags(city, flagged))
    out: dict[str, list[tuple[int, int]]] = {}
    for domain, start, end in zip(
        city.domains.gather(spans.domain).to_list(), spans.start, spans.end, strict=True
    ):
        out.setdefault(domain, []).append((int(start), int(end)))
    return out


def test_a_domain_is_the_campaigns_while_half_its_senders_and_texts_are_flagged(
    tmp_path: Path,
) -> None:
    city = _city(tmp_path)
    assert _spans(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}) == {
        # From 6 h: 2 of 3 senders and of 3 texts; LATE's text at 9 h leaves 2 of 4, still half.
        PHISH: [(START + 6 * HOUR, END_OF_TIME)],
        # Two of its three ring senders, until the bulk sender's four texts at 7 h (2 of 7).
        BULK_SHORTENER: [(START + 6 * HOUR, START + 7 * HOUR)],
        # The shortener texted by three shops never is.
    }


def test_a_bulk_sender_of_a_shortener_the_ring_used_is_not_tied(tmp_path: Path) -> None:
    city = _city(tmp_path)
    links = campaign_links(
        city, _flags(city, {RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}), _NOT_JUDGED
    )
    # Most of the shortener's senders are flagged, but not most of its texts once BULK starts.
    assert BULK not in _tied(city, links)


def test_meeting_a_campaign_is_dated_when_both_the_link_and_the_campaign_are_known() -> None:
    phish, shop, marked, ended = 7, 3, START + 6 * HOUR, START + 30 * HOUR
    campaign = CampaignSpans(
        domain=np.array([phish, phish]),
        start=np.array([marked, START + 40 * HOUR]),
        end=np.array([ended, END_OF_TIME]),
    )
    person = np.array([0, 1, 2, -1, 4, 5])
    domain = np.array([phish, phish, phish, phish, shop, phish])
    ts = np.array(
        [
            START + 2 * HOUR,  # opened before the marking: met the campaign at the marking
            START + 8 * HOUR,  # after it: at once
            marked - WINDOW_S - 1,  # too long before: out of the window by then
            START + 8 * HOUR,  # a visit by no resident
            START + 8 * HOUR,  # another domain
            START + 35 * HOUR,  # between the spans: met when the domain became one again
        ]
    )
    who, when = campaign_meetings(campaign, person, domain, ts)
    assert who.tolist() == [0, 1, 5]
    assert when.tolist() == [marked, START + 8 * HOUR, START + 40 * HOUR]
    none = np.zeros(0, dtype=np.int64)
    assert campaign_meetings(CampaignSpans(none, none, none), person, domain, ts)[0].size == 0


def test_a_services_own_domain_is_no_campaign_even_if_its_number_is_flagged(
    tmp_path: Path,
) -> None:
    city = _city(tmp_path)
    # All of the bank site's senders (its one number) are flagged, but a campaign is many lines.
    flagged = {BANK: START + 3 * HOUR, RING_A: START + 5 * HOUR, RING_B: START + 6 * HOUR}
    assert BANK_SITE not in _spans(city, flagged)

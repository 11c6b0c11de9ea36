"""Sites and apps found from the money back, on a hand-built city.

Residents open a ring's task site and install its app, a portal everyone opens, and a shop
site; some then pay mule accounts. Account flags are given as the account stage would give
them, or come from a victim's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from fanzha.detect.city import City, load_city
from fanzha.detect.engine import basics_of
from fanzha.detect.site_trail import NEVER, site_trail
from fanzha.io.dataset import Dataset
from tests.detect.tiny_city import (
    HOUR,
    MULE_1,
    MULE_2,
    START,
    account_flags,
    person_moments,
    resident_account,
    resident_phone,
    trail_city,
)

TASK_SITE, TASK_APP, PORTAL, SHOP = "renwu-fanli.top", "com.renwu.app", "baidu.com", "shop.cn"
RESIDENTS = 30


def _city(tmp_path: Path, reports: Sequence[tuple[object, ...]] = ()) -> City:
    net = [
        # P0 and P1 open the task site and install its app, then pay mules within the hour.
        ("N1", START + 1 * HOUR, resident_phone(0), "url_visit", TASK_SITE),
        ("N2", START + 1 * HOUR + 60, resident_phone(0), "app_install", TASK_APP),
        ("N3", START + 2 * HOUR, resident_phone(1), "url_visit", TASK_SITE),
        ("N4", START + 2 * HOUR + 60, resident_phone(1), "app_install", TASK_APP),
        # P2 opens it hours before it is tied to the ring, P3 a day after.
        ("N5", START + 3 * HOUR, resident_phone(2), "url_visit", TASK_SITE),
        ("N6", START + 30 * HOUR, resident_phone(3), "url_visit", TASK_SITE),
        # P4 opened the shop two days before paying a mule, P5 just after paying one.
        ("N7", START + 1 * HOUR, resident_phone(4), "url_visit", SHOP),
        ("N8", START + 5 * HOUR, resident_phone(5), "url_visit", SHOP),
        # Everyone opens the portal, the payers among them.
        *[
            (f"B{i}", START + HOUR // 2 + i, resident_phone(i), "url_visit", PORTAL)
            for i in range(RESIDENTS)
        ],
    ]
    transfers = [
        ("T1", START + 1 * HOUR + 1800, resident_account(0), MULE_1, 20_000, "mobile"),
        ("T2", START + 3 * HOUR, resident_account(1), MULE_2, 30_000, "mobile"),
        ("T3", START + 49 * HOUR, resident_account(4), MULE_1, 10_000, "mobile"),
        ("T4", START + 4 * HOUR, resident_account(5), MULE_2, 10_000, "mobile"),
    ]
    city = trail_city(RESIDENTS, 6, net=net, transfers=transfers, reports=reports)
    return load_city(Dataset(city.write(tmp_path / "city")))


def _tied(city: City, flagged: dict[str, int]) -> dict[str, int]:
    since = site_trail(city, account_flags(city, flagged), basics_of(city).tills).since
    names = [*city.domains.to_list(), *city.apps.to_list()]
    return {names[i]: int(since[i]) for i in np.flatnonzero(since != NEVER)}


def test_a_site_and_app_whose_visitors_both_paid_mules_are_tied_when_the_second_is_known(
    tmp_path: Path,
) -> None:
    # MULE_2 is flagged two hours after P1 paid it: the tie waits for the flag.
    tied = _tied(_city(tmp_path), {MULE_1: START + 2 * HOUR, MULE_2: START + 5 * HOUR})
    assert tied == {TASK_SITE: START + 5 * HOUR, TASK_APP: START + 5 * HOUR}


def test_payments_to_accounts_never_flagged_tie_nothing(tmp_path: Path) -> None:
    assert _tied(_city(tmp_path), {MULE_1: START + 2 * HOUR}) == {}


def test_payments_before_the_visit_or_a_day_after_it_and_a_portal_tie_nothing(
    tmp_path: Path,
) -> None:
    # The shop's two visitors paid mules, but not within the day after opening it; the
    # portal's two payers are 2 of its 30 visitors.
    tied = _tied(_city(tmp_path), {MULE_1: START, MULE_2: START})
    assert set(tied) == {TASK_SITE, TASK_APP}


def test_a_victims_report_ties_the_site_without_any_flag(tmp_path: Path) -> None:
    reports = [
        ("R1", START + 6 * HOUR, "P0", [MULE_1], 20_000),
        ("R2", START + 7 * HOUR, "P1", [MULE_2], 30_000),
    ]
    assert _tied(_city(tmp_path, reports), {}) == {
        TASK_SITE: START + 7 * HOUR,
        TASK_APP: START + 7 * HOUR,
    }


def test_the_next_people_to_open_a_tied_site_are_judged_then(tmp_path: Path) -> None:
    reports = [
        ("R1", START + 6 * HOUR, "P0", [MULE_1], 20_000),
        ("R2", START + 7 * HOUR, "P1", [MULE_2], 30_000),
    ]
    rows = person_moments(_city(tmp_path, reports))
    on_trail = rows.filter(pl.col("trail_sites_72h") > 0)
    first = on_trail.group_by("person").agg(pl.col("ts").min(), pl.col("trail_sites_72h").max())
    moments = dict(zip(first["person"], first["ts"], strict=True))
    # P2 opened the site before the tie and is judged when it is made; P3 when opening it.
    assert moments["P2"] == START + 7 * HOUR
    assert moments["P3"] == START + 30 * HOUR
    # P0 and P1 opened the site and installed the app: two sites each.
    assert first.filter(pl.col("person") == "P0")["trail_sites_72h"].item() == 2.0
    # Nobody else opened a tied site.
    assert set(moments) == {"P0", "P1", "P2", "P3"}


@pytest.mark.parametrize(("customers", "tied"), [(5, True), (25, False)])
def test_a_reported_platform_account_ties_no_site_its_customers_open(
    tmp_path: Path, customers: int, tied: bool
) -> None:
    """A victim's report names the account the victim paid through, which may be a platform's
    that half the city pays: a till (TILL_SENDERS_7D new senders in the week) ties nothing."""
    platform, small_site = MULE_1, "wiki.cn"
    sales = [
        (f"S{i}", START + i * 60, resident_account(i), platform, 5_000, "online")
        for i in range(5, 5 + customers)
    ]
    net = [
        (f"N{p}", START + 2 * HOUR + p, resident_phone(p), "url_visit", small_site) for p in (0, 1)
    ]
    paid = [
        (f"T{p}", START + 2 * HOUR + 600 + p, resident_account(p), platform, 5_000, "online")
        for p in (0, 1)
    ]
    reports = [("R1", START + HOUR, "P2", [platform], 5_000)]
    tiny = trail_city(RESIDENTS, RESIDENTS, net=net, transfers=[*sales, *paid], reports=reports)
    city = load_city(Dataset(tiny.write(tmp_path / "city")))
    assert _tied(city, {}) == ({small_site: START + 2 * HOUR + 601} if tied else {})

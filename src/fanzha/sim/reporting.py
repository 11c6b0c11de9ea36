"""What the centre learns: victims' reports (late, sometimes vague) and known-bad lists
(partial, late, and with some innocent values on them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.sim.catalogue import RING_COUNTRIES
from fanzha.sim.clock import DAY_S, Window
from fanzha.sim.daily_life import Disputes
from fanzha.sim.identifiers import (
    app_names,
    bank_choice,
    card_numbers,
    mobile_numbers,
    overseas_numbers,
    site_names,
    voip_numbers,
)
from fanzha.sim.laundering import Laundering
from fanzha.sim.registry import NONE
from fanzha.sim.rings import Rings, Schedule
from fanzha.sim.scams import Engagements
from fanzha.sim.world import World

HOUR = 3600
LIST_SCHEMA = {"value": pl.String, "listed_at": pl.Int64, "source": pl.String}


@dataclass
class Known:
    """Reports and lists, ready to write (values as strings)."""

    reports: pl.DataFrame
    numbers: pl.DataFrame
    domains: pl.DataFrame
    apps: pl.DataFrame
    accounts: pl.DataFrame


@dataclass
class Lookup:
    """Strings of the entities, by index, and what innocents use (for list noise)."""

    person_id: np.ndarray
    number: np.ndarray
    account_id: np.ndarray
    vocab: np.ndarray
    innocent_numbers: np.ndarray  # phone indices an over-eager list might catch
    innocent_accounts: np.ndarray
    innocent_sites: np.ndarray  # vocabulary ids of small legitimate sites
    innocent_apps: np.ndarray  # ... and apps
    used_numbers: np.ndarray  # phone indices that appear in calls or SMS


def reports_and_lists(
    world: World,
    rings: Rings,
    eng: Engagements,
    money: Laundering,
    look: Lookup,
    *,
    disputes: Disputes,
) -> Known:
    """Victims' reports, then the four known-bad lists."""
    window, ids = world.window, world.ids
    reports, reported, named = _reports(
        world.rng("reports"), window, eng, money, look, disputes=disputes
    )
    rng = world.rng("lists")
    numbers = pl.concat(
        [
            _schedule_list(rings.numbers, look.number, window, look.used_numbers),
            _reported_numbers(rng, window, rings.numbers, named, look),
        ]
    )
    numbers = _with_noise(rng, world, numbers, look.number[look.innocent_numbers], "complaint")
    history = np.concatenate(
        [
            mobile_numbers(rng, ids, numbers.height + 20),
            voip_numbers(rng, ids, numbers.height // 2 + 10),
            overseas_numbers(rng, ids, numbers.height // 2 + 10, RING_COUNTRIES),
        ]
    )
    numbers = _with_history(rng, window, numbers, history, "national")
    domains = _schedule_list(rings.domains, look.vocab, window, None)
    domains = _with_noise(rng, world, domains, look.vocab[look.innocent_sites], "complaint")
    domains = _with_history(
        rng, window, domains, site_names(rng, ids, domains.height * 2 + 10), "miit"
    )
    apps = _schedule_list(rings.apps, look.vocab, window, None)
    apps = _with_noise(rng, world, apps, look.vocab[look.innocent_apps], "complaint")
    apps = _with_history(rng, window, apps, app_names(rng, ids, apps.height * 2 + 5), "national")
    accounts = _account_list(rng, world, reported, money, look)
    accounts = _with_noise(rng, world, accounts, look.account_id[look.innocent_accounts], "bank")
    bank = bank_choice(rng, accounts.height + 20)
    accounts = _with_history(rng, window, accounts, card_numbers(rng, ids, bank), "national")
    return Known(reports, numbers, domains, apps, accounts)


def _reports(
    rng: np.random.Generator,
    window: Window,
    eng: Engagements,
    money: Laundering,
    look: Lookup,
    *,
    disputes: Disputes,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """One report per victim who reports in the window, naming the accounts they paid; and
    reports of buyers whose goods never came, naming an innocent seller.

    Returns the reports, the (report, account) pairs, and the ring numbers victims name."""
    paid = pl.DataFrame(
        {
            "target": money.paid,
            "account": money.paid_to,
            "ts": money.paid_ts,
            "amount": money.paid_amount,
        }
    ).sort("ts", "target", maintain_order=True)
    per_victim = paid.group_by("target", maintain_order=True).agg(
        pl.col("account").unique(maintain_order=True),
        pl.col("ts").max().alias("last_ts"),
        pl.col("amount").sum(),
    )
    target = per_victim["target"].to_numpy()
    delay = eng.report_delay[target]
    ts = per_victim["last_ts"].to_numpy() + delay
    keep = (delay != NONE) & (ts < window.end)
    per_victim = per_victim.filter(pl.Series(keep))
    n = per_victim.height
    # Some victims name only the first account; some round or misremember the sum.
    first_only = pl.Series(rng.random(n) < 0.15)
    vague = rng.random(n)
    amount = per_victim["amount"].to_numpy()
    claimed = np.where(
        vague < 0.2,
        np.maximum(np.round(amount / 100_000), 1) * 100_000,
        np.where(vague < 0.3, amount * rng.uniform(0.85, 1.1, n), amount),
    ).astype(np.int64)
    named = pl.DataFrame({"number": eng.first_number[target[keep]], "ts": ts[keep]})
    victims = per_victim.select(
        ts=pl.Series(ts[keep]),
        person=pl.Series(eng.person[target[keep]]),
        account=pl.when(first_only)
        .then(pl.col("account").list.head(1))
        .otherwise(pl.col("account")),
        claimed=pl.Series(np.maximum(claimed, 100)),
    )
    late = disputes.ts + rng.lognormal(np.log(40 * HOUR), 0.7, disputes.ts.size).astype(np.int64)
    inside = late < window.end
    buyers = pl.DataFrame(
        {
            "ts": late[inside],
            "person": disputes.person[inside],
            "account": pl.Series(disputes.account[inside]).reshape((-1, 1)).cast(pl.List(pl.Int64)),
            "claimed": disputes.amount[inside],
        },
    )
    reports = pl.concat([victims, buyers.cast(victims.schema)]).sort("ts", "person")
    reports = reports.with_columns(
        report_id=pl.format("R{}", pl.int_range(1, reports.height + 1).cast(pl.String).str.zfill(8))
    )
    account_ids = pl.Series(look.account_id)
    person_ids = pl.Series(look.person_id)
    exploded = reports.select("report_id", "ts", "account").explode("account")
    frame = reports.select(
        "report_id",
        "ts",
        person_id=person_ids.gather(reports["person"].to_numpy()),
        paid_to=pl.Series(
            [account_ids.gather(a).to_list() for a in reports["account"].to_list()],
            dtype=pl.List(pl.String),
        ),
        claimed_amount="claimed",
    )
    return frame, exploded, named


def _reported_numbers(
    rng: np.random.Generator,
    window: Window,
    schedule: Schedule,
    named: pl.DataFrame,
    look: Lookup,
) -> pl.DataFrame:
    """Victims give the police the number that first reached them; it reaches the list hours
    after the report (kept where the ring had dropped the number by then: listing earlier
    would have cut it off, which the schedule already decides)."""
    order = np.argsort(schedule.entity, kind="stable")
    number = named["number"].to_numpy()
    row = order[np.searchsorted(schedule.entity[order], number)]
    listed_at = named["ts"].to_numpy() + rng.integers(HOUR, 12 * HOUR, number.size)
    keep = (listed_at >= schedule.end[row]) & (listed_at < window.end)
    return pl.DataFrame(
        {
            "value": look.number[number[keep]].astype(str),
            "listed_at": listed_at[keep],
            "source": "report",
        },
        schema=LIST_SCHEMA,
    )


def _schedule_list(
    schedule: Schedule, names: np.ndarray, window: Window, used: np.ndarray | None
) -> pl.DataFrame:
    listed = (schedule.listed_at != NONE) & (schedule.listed_at < window.end)
    if used is not None:
        listed &= np.isin(schedule.entity, used)
    return pl.DataFrame(
        {
            "value": names[schedule.entity[listed]].astype(str),
            "listed_at": schedule.listed_at[listed],
            "source": np.array(["national", "miit", "report"])[schedule.slot[listed] % 3],
        },
        schema=LIST_SCHEMA,
    )


def _account_list(
    rng: np.random.Generator, world: World, reported: pl.DataFrame, money: Laundering, look: Lookup
) -> pl.DataFrame:
    """Accounts named in reports reach the list within hours; banks catch a few deeper mules."""
    config, window = world.config, world.window
    n = reported.height
    delay = rng.lognormal(np.log(3 * HOUR), 0.8, n).astype(np.int64)
    keep = rng.random(n) < config.account_list_coverage
    listed = pl.DataFrame(
        {
            "value": look.account_id[reported["account"].to_numpy()[keep]].astype(str),
            "listed_at": reported["ts"].to_numpy()[keep] + delay[keep],
            "source": "report",
        },
        schema=LIST_SCHEMA,
    )
    deep = np.concatenate(
        [money.roles.get(k, np.zeros(0, np.int64)) for k in ("mule_2", "mule_3", "cashout")]
    )
    caught = deep[rng.random(deep.size) < 0.12]
    bank = pl.DataFrame(
        {
            "value": look.account_id[caught].astype(str),
            "listed_at": window.start
            + rng.integers(DAY_S, window.days * DAY_S + DAY_S, caught.size),
            "source": "bank",
        },
        schema=LIST_SCHEMA,
    )
    return pl.concat([listed, bank])


def _with_noise(
    rng: np.random.Generator, world: World, frame: pl.DataFrame, innocents: np.ndarray, source: str
) -> pl.DataFrame:
    """Add innocent values so that about `list_noise` of the list is wrong."""
    config, window = world.config, world.window
    n = min(
        innocents.size, int(np.ceil(frame.height * config.list_noise / (1 - config.list_noise)))
    )
    picked = innocents[rng.choice(innocents.size, n, replace=False)] if n else innocents[:0]
    noise = pl.DataFrame(
        {
            "value": picked.astype(str),
            "listed_at": window.start + rng.integers(-30 * DAY_S, window.days * DAY_S, n),
            "source": np.full(n, source),
        },
        schema=LIST_SCHEMA,
    )
    return pl.concat([frame, noise])


def _with_history(
    rng: np.random.Generator, window: Window, frame: pl.DataFrame, values: np.ndarray, source: str
) -> pl.DataFrame:
    """Values listed before the window: numbers, sites and cards of rings long gone."""
    n = values.size
    old = pl.DataFrame(
        {
            "value": values.astype(str),
            "listed_at": window.start - rng.integers(DAY_S, 365 * DAY_S, n),
            "source": np.full(n, source),
        },
        schema=LIST_SCHEMA,
    )
    return (
        pl.concat([old, frame])
        .filter(pl.col("listed_at") < window.end)
        .sort("listed_at", "value")
        .unique("value", keep="first", maintain_order=True)
    )

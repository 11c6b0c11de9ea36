"""Statistics the simulated city must have, so detectors tuned on it meet real difficulty."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from fanzha.io.dataset import Dataset
from fanzha.sim.catalogue import BROKERAGE_APPS, LOAN_APPS, MEETING_APPS
from fanzha.sim.config import SimConfig
from fanzha.sim.simulate_usecase import simulate
from fanzha.sim.typologies import TYPOLOGIES
from tests.sim.conftest import CITY

HOUR = 3600


def _fraud_numbers(city: Dataset) -> pl.Series:
    return city.label("numbers")["number"]


def _mules(city: Dataset) -> pl.DataFrame:
    return city.label("accounts")


def test_couriers_call_many_distinct_people_briefly(city: Dataset) -> None:
    calls = city.table("calls")
    per_caller = calls.group_by("caller").agg(
        distinct_per_day=pl.col("callee").n_unique() / CITY.days,
        median_s=pl.col("duration_s").median(),
    )
    busy = per_caller.filter(
        (pl.col("distinct_per_day") >= 25) & ~pl.col("caller").is_in(_fraud_numbers(city).implode())
    )
    holders = city.table("phones").filter(pl.col("holder_person_id").is_not_null())["number"]
    couriers = busy.filter(pl.col("caller").is_in(holders.implode()))
    assert couriers.height >= int(CITY.persons * CITY.courier_share * 0.8)
    assert couriers["median_s"].median() < 90  # short calls, like a ring's cold calls


def _old_resident_lines(city: Dataset) -> pl.DataFrame:
    """Numbers a resident holds that were activated over a month before the window."""
    month_before = city.meta.start - 30 * 24 * HOUR
    return (
        city.table("phones")
        .filter(pl.col("holder_person_id").is_not_null())
        .filter(pl.col("activated_at") < month_before)
    )


def test_old_real_name_lines_that_dial_widely_are_rings_and_innocents(city: Dataset) -> None:
    # A resident's years-old SIM is no proof of innocence: sellers sell their own cards. Nor
    # is it proof of guilt: couriers and agents cold-call from theirs, and they are most.
    old = _old_resident_lines(city)["number"]
    fan_out = (
        city.table("calls")
        .filter(pl.col("caller").is_in(old.implode()))
        .group_by("caller")
        .agg(distinct=pl.col("callee").n_unique())
        .filter(pl.col("distinct") >= 15)
    )
    fraud = fan_out["caller"].is_in(_fraud_numbers(city).implode())
    assert fraud.sum() > 0
    assert (~fraud).sum() > 2 * fraud.sum()


def test_high_fan_out_callers_are_fraud_and_innocent_alike(city: Dataset) -> None:
    # Even in this fraud-dense test city, many callers reaching 20+ people are innocent.
    calls = city.table("calls")
    fan_out = calls.group_by("caller").agg(distinct=pl.col("callee").n_unique())
    high = fan_out.filter(pl.col("distinct") >= 20)
    fraud = high["caller"].is_in(_fraud_numbers(city).implode()).sum()
    assert fraud > 0
    assert high.height - fraud > 0.3 * high.height


def test_most_transfers_and_most_money_are_innocent(typical_city: Dataset) -> None:
    city = typical_city
    transfers = city.table("transfers")
    losses = city.label("losses")["event_id"]
    is_loss = transfers["event_id"].is_in(losses.implode())
    assert 0 < is_loss.sum() < 0.002 * transfers.height
    assert transfers.filter(is_loss)["amount"].sum() < 0.1 * transfers["amount"].sum()
    mule_ids = _mules(city)["account_id"].implode()
    touches_mule = transfers["from_account"].is_in(mule_ids) | transfers["to_account"].is_in(
        mule_ids
    )
    assert touches_mule.sum() < 0.01 * transfers.height


def test_mule_money_leaves_within_the_configured_time(city: Dataset) -> None:
    transfers = city.table("transfers")
    mules = _mules(city)
    out = transfers.join(mules, left_on="from_account", right_on="account_id").filter(
        pl.col("to_account").is_null() | pl.col("to_account").is_in(mules["account_id"].implode())
    )
    incoming = transfers.filter(pl.col("to_account").is_in(mules["account_id"].implode())).select(
        account="to_account", in_ts="ts"
    )
    assert out.height > 50
    # Every onward transfer of a mule follows money arriving there within the maximum hold.
    latest_in = (
        out.join(incoming, left_on="from_account", right_on="account", how="left")
        .filter(pl.col("in_ts") <= pl.col("ts"))
        .group_by("event_id")
        .agg(gap=(pl.col("ts") - pl.col("in_ts")).min())
    )
    assert latest_in.height == out.height
    assert latest_in["gap"].max() <= CITY.mule_max_hold_minutes * 60
    assert latest_in["gap"].median() < 3 * CITY.mule_hold_minutes * 60


def test_money_reaches_every_layer_and_leaves_as_cash_or_crypto(city: Dataset) -> None:
    roles = set(_mules(city)["role"].to_list())
    assert roles == {"mule_1", "mule_2", "mule_3", "cashout"}
    transfers = city.table("transfers")
    cashout = _mules(city).filter(pl.col("role") == "cashout")["account_id"].implode()
    exits = transfers.filter(pl.col("from_account").is_in(cashout))
    assert exits["to_account"].is_null().all()
    assert {"atm", "crypto_otc"} <= set(exits["channel"].to_list())
    atm = exits.filter(pl.col("channel") == "atm")["amount"]
    assert (atm <= 20_000_00).all() and (atm % 100_00 == 0).all()


def test_targets_show_telecom_or_network_signals_before_their_first_loss(city: Dataset) -> None:
    targets = city.label("targets").filter(pl.col("first_loss_ts").is_not_null())
    phones = city.table("phones")
    fraud_numbers = _fraud_numbers(city).implode()
    ring_domains = city.label("domains")["value"].implode()
    numbers = phones.filter(pl.col("holder_person_id").is_not_null()).select(
        "number", person_id="holder_person_id"
    )
    calls = city.table("calls").filter(pl.col("caller").is_in(fraud_numbers))
    contacts = pl.concat(
        [
            calls.select("ts", number="callee"),
            city.table("sms")
            .filter(pl.col("sender").is_in(fraud_numbers))
            .select("ts", number="receiver"),
            city.table("net").filter(pl.col("target").is_in(ring_domains)).select("ts", "number"),
        ]
    ).join(numbers, on="number")
    warned = (
        targets.join(contacts, on="person_id")
        .filter(pl.col("ts") < pl.col("first_loss_ts"))
        .select("person_id")
        .unique()
    )
    assert targets.height >= 20
    assert warned.height >= 0.9 * targets.height


def test_lead_times_follow_the_typology(city: Dataset) -> None:
    targets = city.label("targets").filter(pl.col("first_loss_ts").is_not_null())
    lead = targets.group_by("scam_type").agg(
        hours=((pl.col("first_loss_ts") - pl.col("first_contact_ts")) / HOUR).median()
    )
    hours = dict(zip(lead["scam_type"], lead["hours"], strict=True))
    assert hours["customer_service"] < hours["rebate"]
    assert hours["police"] < hours["rebate"]
    assert hours["police"] < 24
    assert set(hours) <= set(TYPOLOGIES)


def test_some_targets_stop_before_paying_and_rings_reach_many_non_targets(city: Dataset) -> None:
    targets = city.label("targets")
    unpaid = targets["first_loss_ts"].is_null().sum()
    assert 0 < unpaid < targets.height
    calls = city.table("calls").filter(pl.col("caller").is_in(_fraud_numbers(city).implode()))
    holders = city.table("phones").select("number", "holder_person_id")
    reached = calls.join(holders, left_on="callee", right_on="number")["holder_person_id"].unique()
    assert reached.len() > 3 * targets.height


def test_innocents_install_the_apps_rings_abuse(typical_city: Dataset) -> None:
    city = typical_city
    net = city.table("net").filter(pl.col("target").is_in([*MEETING_APPS, *BROKERAGE_APPS]))
    holders = city.table("phones").select("number", "holder_person_id")
    installers = net.join(holders, on="number")["holder_person_id"].unique()
    targets = city.label("targets")["person_id"].implode()
    assert installers.len() > 20
    assert installers.is_in(targets).sum() < 0.2 * installers.len()


def test_legitimate_large_payments_to_new_payees_exist(city: Dataset) -> None:
    transfers = city.table("transfers")
    losses = city.label("losses")["event_id"].implode()
    large = transfers.filter((pl.col("amount") >= 20_000_00) & pl.col("to_account").is_not_null())
    innocent = large.filter(~pl.col("event_id").is_in(losses))
    assert innocent.height > large.height - innocent.height


def test_rings_cut_numbers_soon_after_listing(city: Dataset) -> None:
    listed = city.table("lists/numbers").join(
        city.label("numbers"), left_on="value", right_on="number"
    )
    assert listed.height > 0
    calls = city.table("calls").join(listed, left_on="caller", right_on="value")
    late = calls.filter(pl.col("ts") > pl.col("listed_at") + 8 * HOUR)
    assert late.height == 0


def test_rings_rotate_domains_after_listing(city: Dataset) -> None:
    listed = city.table("lists/domains").join(city.label("domains"), on="value")
    assert listed.height > 0
    sms = city.table("sms").join(listed, left_on="url_domain", right_on="value")
    assert sms.filter(pl.col("ts") > pl.col("listed_at") + 8 * HOUR).height == 0


def test_rings_retire_accounts_soon_after_a_report(city: Dataset) -> None:
    reported = (
        city.table("reports")
        .explode("paid_to")
        .group_by("paid_to")
        .agg(reported_at=pl.col("ts").min())
    )
    losses = city.table("transfers").filter(
        pl.col("event_id").is_in(city.label("losses")["event_id"].implode())
    )
    paid = losses.join(reported, left_on="to_account", right_on="paid_to")
    assert paid.height > 0
    assert paid.filter(pl.col("ts") > pl.col("reported_at") + 6 * HOUR).height == 0


def test_lists_are_partial_late_and_not_clean(city: Dataset) -> None:
    numbers = city.table("lists/numbers")
    fraud = city.label("numbers")["number"]
    covered = fraud.is_in(numbers["value"].implode()).mean()
    assert covered is not None and 0.1 < covered < 0.95
    phones = city.table("phones")["number"].implode()
    innocent = numbers.filter(
        pl.col("value").is_in(phones) & ~pl.col("value").is_in(fraud.implode())
    )
    assert innocent.height > 0
    assert (numbers["listed_at"] < city.meta.start).sum() > 0


def test_reports_come_after_losses_and_name_first_level_accounts(city: Dataset) -> None:
    reports = city.table("reports")
    targets = city.label("targets")
    first_level = _mules(city).filter(pl.col("role") == "mule_1")["account_id"].implode()
    victims = reports.join(targets, on="person_id")
    assert victims.height > 0
    assert (victims["ts"] > victims["first_loss_ts"]).all()
    assert victims.explode("paid_to")["paid_to"].is_in(first_level).all()
    # The rest are buyers reporting a seller who never delivered: an innocent account.
    others = reports.join(targets, on="person_id", how="anti").explode("paid_to")
    assert not others["paid_to"].is_in(_mules(city)["account_id"].implode()).any()
    assert others.height < victims.height


def test_mule_accounts_look_like_everyone_elses(city: Dataset) -> None:
    accounts = city.table("accounts")
    mules = _mules(city)["account_id"]
    mule_rows = accounts.filter(pl.col("account_id").is_in(mules.implode()))
    # Spread over the same banks and prefixes as innocent accounts, some held by residents.
    assert mule_rows["bank"].n_unique() >= 6
    prefixes = mule_rows["account_id"].str.slice(0, 6).unique()
    innocent_prefixes = accounts.filter(~pl.col("account_id").is_in(mules.implode()))["account_id"]
    assert prefixes.is_in(innocent_prefixes.str.slice(0, 6).unique().implode()).all()
    local = mule_rows.filter(pl.col("holder_person_id").is_not_null())
    assert 0 < local.height < mule_rows.height
    per_holder = local.group_by("holder_person_id").len()
    assert per_holder["len"].max() >= 2  # some residents rent out several cards


def test_event_times_are_not_round(city: Dataset) -> None:
    losses = city.label("losses")["event_id"].implode()
    paid = city.table("transfers").filter(pl.col("event_id").is_in(losses))
    on_the_minute = (paid["ts"] % 60 == 0).mean()
    assert on_the_minute is not None and on_the_minute < 0.2


def test_no_number_or_account_is_used_before_it_exists(city: Dataset) -> None:
    activated = city.table("phones").select("number", "activated_at")
    uses = pl.concat(
        [
            city.table("calls").select("ts", number="caller"),
            city.table("calls").select("ts", number="callee"),
            city.table("sms").select("ts", number="sender"),
            city.table("sms").select("ts", number="receiver"),
            city.table("net").select("ts", "number"),
        ]
    ).join(activated, on="number")
    assert uses.filter(pl.col("ts") < pl.col("activated_at")).height == 0
    # Some numbers are activated inside the window, innocents' as well as rings'.
    fresh = activated.filter(pl.col("activated_at") >= city.meta.start)["number"]
    fraud = city.label("numbers")["number"].implode()
    assert fresh.is_in(fraud).sum() < fresh.len() / 2
    opened = city.table("accounts").select("account_id", "opened_at")
    transfers = city.table("transfers")
    moves = pl.concat(
        [
            transfers.select("ts", account_id="from_account"),
            transfers.select("ts", account_id="to_account"),
        ]
    ).join(opened, on="account_id")
    assert moves.filter(pl.col("ts") < pl.col("opened_at")).height == 0


def test_first_contact_is_a_ring_call_or_text_at_that_time(city: Dataset) -> None:
    targets = city.label("targets")
    fraud = city.label("numbers")["number"].implode()
    holders = city.table("phones").select("number", person_id="holder_person_id")
    contacts = pl.concat(
        [
            city.table("calls").filter(pl.col("caller").is_in(fraud)).select("ts", number="callee"),
            city.table("sms").filter(pl.col("sender").is_in(fraud)).select("ts", number="receiver"),
        ]
    ).join(holders, on="number")
    matched = targets.join(
        contacts, left_on=["person_id", "first_contact_ts"], right_on=["person_id", "ts"]
    )
    assert matched["person_id"].n_unique() == targets.height


def test_target_losses_add_up_to_the_loss_transfers(city: Dataset) -> None:
    losses = city.table("transfers").filter(
        pl.col("event_id").is_in(city.label("losses")["event_id"].implode())
    )
    holders = city.table("accounts").select("account_id", person_id="holder_person_id")
    per_person = (
        losses.join(holders, left_on="from_account", right_on="account_id")
        .group_by("person_id")
        .agg(first=pl.col("ts").min(), total=pl.col("amount").sum())
    )
    targets = city.label("targets").filter(pl.col("first_loss_ts").is_not_null())
    joined = targets.join(per_person, on="person_id")
    assert joined.height == targets.height == per_person.height
    assert (joined["first"] == joined["first_loss_ts"]).all()
    assert (joined["total"] == joined["loss_amount"]).all()


def test_dormant_cards_wake_up_for_a_large_innocent_payment(typical_city: Dataset) -> None:
    transfers = typical_city.table("transfers")
    touched = (
        pl.concat(
            [transfers.select(account="from_account"), transfers.select(account="to_account")]
        )
        .group_by("account")
        .len()
    )
    large = transfers.filter(pl.col("amount") >= 20_000_00).join(
        touched, left_on="from_account", right_on="account"
    )
    woken = large.filter(pl.col("len") == 1)
    losses = typical_city.label("losses")["event_id"].implode()
    assert woken.filter(~pl.col("event_id").is_in(losses)).height > 0


def test_busy_old_innocent_cards_take_from_many_and_pay_most_on(typical_city: Dataset) -> None:
    """Wholesale traders: what a first-level mule does in a day, on a card opened years ago."""
    day_s = 24 * HOUR
    transfers = typical_city.table("transfers").with_columns(day=(pl.col("ts") + 8 * HOUR) // day_s)
    takings = (
        transfers.group_by(account="to_account", day="day")
        .agg(senders=pl.col("from_account").n_unique(), taken=pl.col("amount").sum())
        .filter((pl.col("senders") >= 5) & (pl.col("taken") >= 10_000_00))
    )
    paid_on = transfers.group_by(account="from_account", day="day").agg(paid=pl.col("amount").sum())
    opened = typical_city.table("accounts").select(account="account_id", opened="opened_at")
    busy = (
        takings.join(paid_on, on=["account", "day"])
        .filter(pl.col("paid") >= 0.5 * pl.col("taken"))
        .join(opened, on="account")
        .filter(pl.col("opened") < pl.col("day") * day_s - 180 * day_s)
    )
    mules = _mules(typical_city)["account_id"].implode()
    innocent = busy.filter(~pl.col("account").is_in(mules))["account"].unique()
    assert innocent.len() >= 10


def _installs_from_opened_links(city: Dataset) -> pl.DataFrame:
    """Installs within the hour after the person opened a link texted to them before: who,
    and what was installed."""
    holders = city.table("phones").select("number", person=pl.col("holder_person_id"))
    texted = (
        city.table("sms")
        .filter(pl.col("url_domain").is_not_null())
        .join(holders, left_on="receiver", right_on="number")
        .select("person", domain="url_domain", sent="ts")
    )
    net = city.table("net").join(holders, on="number")
    opened = (
        net.filter(pl.col("kind") == "url_visit")
        .join(texted, left_on=["person", "target"], right_on=["person", "domain"])
        .filter(pl.col("sent") <= pl.col("ts"))
        .select("person", opened="ts")
        .unique()
    )
    installs = net.filter(pl.col("kind") == "app_install").select("person", "ts", app="target")
    return (
        installs.join(opened, on="person")
        .filter((pl.col("opened") <= pl.col("ts")) & (pl.col("ts") - pl.col("opened") <= HOUR))
        .select("person", "app")
        .unique()
    )


def test_victims_install_a_rings_app_from_the_page_its_link_opens(city: Dataset) -> None:
    funnels = _installs_from_opened_links(city)
    ring_apps = city.label("apps")["value"].implode()
    targets = city.label("targets")["person_id"].implode()
    victims = funnels.filter(pl.col("app").is_in(ring_apps) & pl.col("person").is_in(targets))
    assert victims["person"].n_unique() >= 10


def test_innocents_install_an_offered_app_after_opening_a_sales_link(tmp_path: Path) -> None:
    """The same funnel from a lender's or a shop's text: with more of them opened and
    installed than by default, so that a small city shows it."""
    config = SimConfig(
        persons=3_000, days=3, seed=13, offer_open_share=0.1, offer_install_share=0.5
    )
    simulate(config, tmp_path)
    city = Dataset(tmp_path)
    funnels = _installs_from_opened_links(city)
    targets = city.label("targets")["person_id"].implode()
    innocents = funnels.filter(~pl.col("person").is_in(targets))
    assert innocents["person"].n_unique() >= 15
    assert innocents["app"].is_in(list(LOAN_APPS)).any()
    assert not innocents["app"].is_in(city.label("apps")["value"].implode()).any()

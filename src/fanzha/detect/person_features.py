"""Features of a person at the moments that may show them being defrauded now.

They join what the person's phones and accounts did in the last 72 hours (talk with strangers,
overseas and virtual numbers, link messages, visits and installs of rare or listed targets,
first large transfers to new payees, payments to suspect accounts) with what the engine
already knows (number and account suspicion, the known-bad lists). Grooming shows before the
first payment: a number first met days or hours ago keeps coming back (a sprayed call or text
comes once), the person opens the link a stranger sent, and gathers money from their other
cards onto one.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.account_features import known_bad_asof
from fanzha.detect.campaign_links import CampaignSpans
from fanzha.detect.city import City
from fanzha.detect.exposure import EXPOSURE_FEATURES, SUSPECT_LEVEL, Suspicion, exposure_at
from fanzha.detect.horizons import DAY, HISTORY_DAYS, NEW_PAYEE_MIN_YUAN
from fanzha.detect.number_features import KIND_ORDER, PairFacts, listed_asof
from fanzha.detect.rarity import rare_targets
from fanzha.detect.site_trail import NEVER, SiteTrail
from fanzha.detect.windows import BoolArray, FloatArray, Int64Array, KeyedStream
from fanzha.io.fields import CITY_UTC_OFFSET_S

WINDOW_S = 3 * DAY
LONG_TALK_S = 600
#: A talk this long with someone first met in the last 72 h is a moment to judge the person,
#: whatever is known of the number yet: a ring's fresh line has no record to be suspect by.
ACQUAINTANCE_TALK_S = 300
LARGE_TRANSFER_YUAN = 2_000.0
#: A rare app installed this soon after opening a stranger's texted link came from its page:
#: loan, investment and task rings text a link to their own app's download page. An everyday
#: app installed in the same hour does not count.
LINK_INSTALL_S = 3600

ROW_CONTACT, ROW_NET, ROW_TRANSFER, ROW_FLAG = 0, 1, 2, 3

PERSON_FEATURES = (
    "stranger_talk_72h",
    "acquaintance_talk_72h",
    "acquaintance_repeat_72h",
    "overseas_talk_72h",
    "voip_talk_72h",
    "long_stranger_calls_72h",
    "link_sms_stranger_72h",
    "listed_contacts_72h",
    "listed_talk_72h",
    "listed_link_texts_72h",
    "listed_domain_visits_72h",
    "rare_visits_72h",
    "link_followed_72h",
    "campaign_links_72h",
    "trail_sites_72h",
    "listed_apps_72h",
    "rare_installs_72h",
    "installs_72h",
    "link_installs_72h",
    "out_72h",
    "out_amount_72h",
    "new_payee_amount_72h",
    "own_transfer_amount_72h",
    "night_out_72h",
    "payee_suspect_amount_72h",
    "payee_flagged_amount_72h",
    "payee_bad_amount_72h",
    "stranger_money_in_24h",
    "own_account_suspicion",
    "out_mean_30d",
    *EXPOSURE_FEATURES,
    "history_days",
    "row_is_transfer",
    "row_amount",
    "row_new_payee",
    "age_years",
)


#: Exposure features that are seconds of talk, compressed like the person's own talk.
_TALK_SECONDS = ("exp_flag_talk", "exp_suspect_talk")


def _log(x: FloatArray) -> FloatArray:
    return np.log1p(np.maximum(x, 0.0))


def own_account_suspicion(
    city: City, accounts: Suspicion, person: Int64Array, ts: Int64Array
) -> FloatArray:
    """Per moment (person, ts): the highest suspicion of a suspect account the person holds,
    as of ts (0 if none is a suspect by then). A ring talks at length with the residents whose
    cards it rents, and they pay its next mule as a victim would; a victim's own card is
    rarely a suspect. Only accounts that are ever suspects are looked up: few people hold one."""
    holder = city.account_holder
    suspect = accounts.ever_at_least(SUSPECT_LEVEL, holder.size) & (holder >= 0)
    held = pl.DataFrame({"person": holder[suspect], "account": np.flatnonzero(suspect)})
    moments = pl.DataFrame({"row": np.arange(person.size), "person": person, "ts": ts}).join(
        held, on="person"
    )
    level = accounts.asof(moments["account"].to_numpy(), moments["ts"].to_numpy())
    out = np.zeros(person.size, dtype=np.float64)
    np.maximum.at(out, moments["row"].to_numpy(), np.where(level >= SUSPECT_LEVEL, level, 0.0))
    return out


def link_followed(city: City, new: FloatArray, net_person: Int64Array) -> FloatArray:
    """Per net event: 1.0 where it visits a domain a stranger texted the person as a link in
    the 72 h before (the link was opened), else 0.0."""
    c, net = city.contacts, city.net
    receiver = city.number_holder[c.dst]
    texted = (c.is_sms == 1) & (c.domain >= 0) & (new > 0) & (receiver >= 0)
    visit = (net.is_app == 0) & (net_person >= 0)
    sent = pl.DataFrame(
        {"person": receiver[texted], "domain": c.domain[texted], "sent": c.ts[texted]}
    )
    visits = pl.DataFrame(
        {
            "row": np.flatnonzero(visit),
            "person": net_person[visit],
            "domain": net.target[visit],
            "seen": net.ts[visit],
        }
    )
    opened = visits.join(sent, on=["person", "domain"], how="inner").filter(
        (pl.col("sent") <= pl.col("seen")) & (pl.col("sent") > pl.col("seen") - WINDOW_S)
    )
    out = np.zeros(net.ts.size, dtype=np.float64)
    out[opened["row"].unique().to_numpy()] = 1.0
    return out


def installs_after_link(city: City, followed: FloatArray, net_person: Int64Array) -> FloatArray:
    """Per net event: 1.0 where it installs an app within LINK_INSTALL_S after the person
    opened a link a stranger texted them (`followed`, from link_followed), else 0.0."""
    net = city.net
    opened = (followed > 0) & (net_person >= 0)
    install = (net.is_app == 1) & (net_person >= 0)
    links = pl.DataFrame({"person": net_person[opened], "opened": net.ts[opened]}).sort("opened")
    installs = pl.DataFrame(
        {"row": np.flatnonzero(install), "person": net_person[install], "ts": net.ts[install]}
    ).sort("ts")
    after = installs.join_asof(
        links,
        left_on="ts",
        right_on="opened",
        by="person",
        strategy="backward",
        tolerance=LINK_INSTALL_S,
        check_sortedness=False,
    ).filter(pl.col("opened").is_not_null())
    out = np.zeros(net.ts.size, dtype=np.float64)
    out[after["row"].to_numpy()] = 1.0
    return out


def campaign_meetings(
    campaign: CampaignSpans,
    person: Int64Array,
    domain: Int64Array,
    ts: Int64Array,
) -> tuple[Int64Array, Int64Array]:
    """(person, ts) of each visit by a person to a campaign's domain
    (`campaign_links.campaign_domains`), dated when both are known: the visit, or the moment
    the domain next became a campaign's if it was not one then (within WINDOW_S; older visits
    have left the window)."""
    known = campaign.known_from(domain, ts)
    hit = (person >= 0) & (known >= 0) & (known - ts < WINDOW_S)
    return person[hit], known[hit]


def _talk_features(
    city: City, new: FloatArray, young: BoolArray, key: Int64Array, ts: Int64Array
) -> dict[str, FloatArray]:
    """Per moment: the person's calls and texts of the past 72 h, seen from each local side.
    `new` and `young` mark, per contact, a pair of strangers and one in touch only since the
    last 72 h."""
    c = city.contacts
    columns = (
        "stranger_talk",
        "acquaintance_talk",
        "acquaintance_repeat",
        "overseas_talk",
        "voip_talk",
        "long_stranger",
        "link_sms",
        "listed_contact",
        "listed_talk",
        "listed_link",
    )
    p_key: list[Int64Array] = []
    p_ts: list[Int64Array] = []
    p_val: dict[str, list[FloatArray]] = {k: [] for k in columns}
    listed_domain_sms = np.where(c.domain >= 0, listed_asof(city.lists.domains, c.domain, c.ts), 0)
    # A new acquaintance, and each contact after the first.
    young_talk = np.where(young, c.duration, 0).astype(np.float64)
    young_repeat = (young & (new == 0)).astype(np.float64)
    for person_side, other_side, incoming in ((c.dst, c.src, 1.0), (c.src, c.dst, 0.0)):
        person = city.number_holder[person_side]
        keep = person >= 0
        other = other_side[keep]
        kind = city.number_kind[other]
        talk = (new * c.duration)[keep]
        listed = listed_asof(city.lists.numbers, other, c.ts[keep])
        side = {
            "stranger_talk": talk,
            "acquaintance_talk": young_talk[keep],
            "acquaintance_repeat": young_repeat[keep],
            "overseas_talk": talk * (kind == KIND_ORDER.index("overseas")),
            "voip_talk": talk * (kind == KIND_ORDER.index("voip")),
            "long_stranger": (talk >= LONG_TALK_S).astype(np.float64),
            "link_sms": (c.is_sms * (c.domain >= 0) * new * incoming)[keep].astype(np.float64),
            "listed_contact": listed,
            "listed_talk": listed * c.duration[keep],
            "listed_link": listed_domain_sms[keep] * incoming,
        }
        # Most contacts are between people who know each other: nothing to count.
        counted = np.zeros(talk.size, dtype=bool)
        for values in side.values():
            counted |= values != 0
        p_key.append(person[keep][counted])
        p_ts.append(c.ts[keep][counted])
        for name, values in side.items():
            p_val[name].append(values[counted])
    talks = KeyedStream(
        np.concatenate(p_key),
        np.concatenate(p_ts),
        city.stream_origin,
        # Each column's parts let go as it is joined.
        **{k: np.concatenate(p_val.pop(k)) for k in columns},
    ).at(key, ts)
    return {
        "stranger_talk_72h": _log(talks.sum("stranger_talk", WINDOW_S)),
        "acquaintance_talk_72h": _log(talks.sum("acquaintance_talk", WINDOW_S)),
        "acquaintance_repeat_72h": talks.sum("acquaintance_repeat", WINDOW_S),
        "overseas_talk_72h": _log(talks.sum("overseas_talk", WINDOW_S)),
        "voip_talk_72h": _log(talks.sum("voip_talk", WINDOW_S)),
        "long_stranger_calls_72h": talks.sum("long_stranger", WINDOW_S),
        "link_sms_stranger_72h": talks.sum("link_sms", WINDOW_S),
        "listed_contacts_72h": talks.sum("listed_contact", WINDOW_S),
        # A listed line sprays thousands; the ones it talks to at length are its victims.
        "listed_talk_72h": _log(talks.sum("listed_talk", WINDOW_S)),
        # Receiving a listed link is what a spray does to thousands; opening one is engagement.
        "listed_link_texts_72h": talks.sum("listed_link", WINDOW_S),
    }


class _NetMarks:
    """Per net event: who (-1 if no resident), and what about its target counts."""

    def __init__(self, city: City, new: FloatArray) -> None:
        net = city.net
        self.person = city.number_holder[net.number]
        # How common the target is city-wide this week.
        self.rare = rare_targets(city)[0].astype(np.float64)
        self.domain_listed = listed_asof(city.lists.domains, net.target, net.ts) * (1 - net.is_app)
        self.app_listed = listed_asof(city.lists.apps, net.target, net.ts) * net.is_app
        self.followed = link_followed(city, new, self.person)
        self.link_installs = installs_after_link(city, self.followed, self.person) * self.rare

    def moments(self, city: City) -> BoolArray:
        """Net events that are moments to judge: anything but a common visit."""
        marked = (self.rare > 0) | (self.domain_listed > 0) | (self.app_listed > 0)
        marked |= (city.net.is_app > 0) | (self.followed > 0)
        return marked & (self.person >= 0)

    def features(self, city: City, key: Int64Array, ts: Int64Array) -> dict[str, FloatArray]:
        """Per moment: visits and installs of the past 72 h."""
        net = city.net
        nk = self.person >= 0
        visits = (1 - net.is_app)[nk]
        apps = net.is_app[nk].astype(np.float64)
        online = KeyedStream(
            self.person[nk],
            net.ts[nk],
            city.stream_origin,
            listed_domain=self.domain_listed[nk],
            rare_visits=self.rare[nk] * visits,
            followed=self.followed[nk],
            listed_apps=self.app_listed[nk],
            rare_installs=self.rare[nk] * apps,
            installs=apps,
            link_installs=self.link_installs[nk],
        ).at(key, ts)
        return {
            "listed_domain_visits_72h": online.sum("listed_domain", WINDOW_S),
            "rare_visits_72h": online.sum("rare_visits", WINDOW_S),
            "link_followed_72h": online.sum("followed", WINDOW_S),
            "listed_apps_72h": online.sum("listed_apps", WINDOW_S),
            "rare_installs_72h": online.sum("rare_installs", WINDOW_S),
            "installs_72h": online.sum("installs", WINDOW_S),
            "link_installs_72h": online.sum("link_installs", WINDOW_S),
        }


class _TransferMarks:
    """Per transfer: the paying and the paid resident (-1 if none) and what the payee was."""

    def __init__(self, city: City, accounts: Suspicion, new_payees: Int64Array) -> None:
        t = city.transfers
        self.payer = city.holders(t.src)
        self.payee = city.holders(t.dst)
        self.own = (self.payer >= 0) & (self.payee == self.payer)
        self.new_payee = new_payees > 0
        self.payee_level = np.where(t.dst >= 0, accounts.asof(t.dst, t.ts), 0.0)

    def moments(self, city: City) -> BoolArray:
        """Payments that are moments to judge: first to a payee, large, or to a suspect."""
        t = city.transfers
        large = t.amount >= LARGE_TRANSFER_YUAN
        first_pay = self.new_payee & (t.amount >= NEW_PAYEE_MIN_YUAN)
        marked = first_pay | large | (self.payee_level >= SUSPECT_LEVEL)
        return marked & (self.payer >= 0)

    def features(
        self, city: City, account_flag_level: float, key: Int64Array, ts: Int64Array
    ) -> dict[str, FloatArray]:
        """Per moment: the person's payments of the past 72 h and 30 days, and money strangers
        sent them in the last day."""
        t = city.transfers
        origin = city.stream_origin
        tk = self.payer >= 0
        payee_bad = np.where(t.dst >= 0, known_bad_asof(city, t.dst, t.ts), 0.0)
        hour = ((t.ts + CITY_UTC_OFFSET_S) % DAY) // 3600
        night = ((hour >= 1) & (hour < 6)).astype(np.float64)
        amount, level = t.amount[tk], self.payee_level[tk]
        payments = KeyedStream(
            self.payer[tk],
            t.ts[tk],
            origin,
            ones=np.ones(amount.size),
            amount=amount,
            new_payee_amount=amount * self.new_payee[tk],
            own_amount=amount * self.own[tk],
            night=night[tk],
            payee_suspect=amount * (level >= SUSPECT_LEVEL),
            payee_flagged=amount * (level >= account_flag_level),
            payee_bad=amount * payee_bad[tk],
        ).at(key, ts)
        out_30 = payments.sum("ones", 30 * DAY)
        # A card renter's account pays the next mule as a victim would, but relays money that
        # strangers sent it just before; a victim pays their own.
        from_stranger = (self.payee >= 0) & (t.src >= 0) & self.new_payee & ~self.own
        received = KeyedStream(
            self.payee[from_stranger],
            t.ts[from_stranger],
            origin,
            amount=t.amount[from_stranger],
        ).at(key, ts)
        return {
            "out_72h": payments.sum("ones", WINDOW_S),
            "out_amount_72h": _log(payments.sum("amount", WINDOW_S)),
            "new_payee_amount_72h": _log(payments.sum("new_payee_amount", WINDOW_S)),
            "own_transfer_amount_72h": _log(payments.sum("own_amount", WINDOW_S)),
            "night_out_72h": payments.sum("night", WINDOW_S),
            "payee_suspect_amount_72h": _log(payments.sum("payee_suspect", WINDOW_S)),
            "payee_flagged_amount_72h": _log(payments.sum("payee_flagged", WINDOW_S)),
            "payee_bad_amount_72h": _log(payments.sum("payee_bad", WINDOW_S)),
            "stranger_money_in_24h": _log(received.sum("amount", DAY)),
            "out_mean_30d": _log(payments.sum("amount", 30 * DAY) / np.maximum(out_30, 1.0)),
        }


def person_features(
    city: City,
    *,
    pairs: PairFacts,
    numbers: Suspicion,
    reach: Suspicion,
    number_flag_level: float,
    accounts: Suspicion,
    account_flag_level: float,
    contacts: pl.DataFrame,
    number_flags: pl.DataFrame,
    campaign: CampaignSpans,
    sites: SiteTrail,
    new_payees: Int64Array,
) -> pl.DataFrame:
    """One row per evaluated moment: person code, ts, row kind and PERSON_FEATURES.

    `contacts` are suspect contacts (exposure.suspect_contacts); `number_flags` has the
    number code and flag ts of each flagged number, which warns its recent contacts;
    `campaign` when domains were a campaign's; `sites` when sites and apps were tied to a
    ring by where their visitors' money went. Each stream of events is built, read at every
    moment and let go in turn: together they would be the replay's peak of memory.
    """
    origin = city.stream_origin
    c, net, t = city.contacts, city.net, city.transfers
    new = pairs.new.astype(np.float64)
    net_marks = _NetMarks(city, new)
    transfer_marks = _TransferMarks(city, accounts, new_payees)

    # Campaign links the person opened, whoever brought them: receiving a campaign's text is
    # exposure (counted with the numbers), opening it is engagement.
    visit_person = np.where(net.is_app == 0, net_marks.person, -1)
    met_visit = campaign_meetings(campaign, visit_person, net.target, net.ts)

    # Sites and apps the ring's earlier victims opened before paying its mules: opening one
    # counts from when both are known (visits up to WINDOW_S before the tie count from it).
    tied = sites.tied_from(city.net_sites(), net.ts)
    on_trail = (net_marks.person >= 0) & (tied != NEVER) & (tied - net.ts < WINDOW_S)
    trail_person, trail_ts = net_marks.person[on_trail], tied[on_trail]

    # The moments to evaluate.
    flagged = number_flags.join(
        contacts.select("person", "number", "cts"), on="number", how="inner"
    ).filter((pl.col("cts") <= pl.col("ts")) & (pl.col("cts") > pl.col("ts") - WINDOW_S))
    flagged = flagged.select("person", "ts").unique()
    sms_link_new = (c.is_sms == 1) & (c.domain >= 0) & (new > 0)
    link_person = city.number_holder[c.dst]
    link_rows = sms_link_new & (link_person >= 0)
    # In touch only since the last 72 h.
    young = (c.ts - pairs.since) <= WINDOW_S
    long_young = young & (c.duration >= ACQUAINTANCE_TALK_S)
    talk_person = np.concatenate(
        (city.number_holder[c.dst[long_young]], city.number_holder[c.src[long_young]])
    )
    talk_ts = np.concatenate((c.ts[long_young], c.ts[long_young]))
    net_rows = net_marks.moments(city)
    transfer_rows = transfer_marks.moments(city)
    payer = transfer_marks.payer
    # A contact is a moment to judge only if its number is already a suspect by then: the
    # contacts list holds numbers that become suspects at any time, which a replay cut
    # earlier would not see.
    suspect_now = numbers.asof(contacts["number"].to_numpy(), contacts["cts"].to_numpy())
    at_contact = contacts.filter(pl.Series(suspect_now >= SUSPECT_LEVEL))
    parts = [
        (at_contact["person"].to_numpy(), at_contact["cts"].to_numpy(), ROW_CONTACT, None),
        (flagged["person"].to_numpy(), flagged["ts"].to_numpy(), ROW_FLAG, None),
        (link_person[link_rows], c.ts[link_rows], ROW_CONTACT, None),
        (talk_person[talk_person >= 0], talk_ts[talk_person >= 0], ROW_CONTACT, None),
        (net_marks.person[net_rows], net.ts[net_rows], ROW_NET, None),
        # Opening a campaign's link is a moment, as of when the domain is known to be one.
        (met_visit[0], met_visit[1], ROW_NET, None),
        (trail_person, trail_ts, ROW_NET, None),
        (payer[transfer_rows], t.ts[transfer_rows], ROW_TRANSFER, np.flatnonzero(transfer_rows)),
    ]
    keys = np.concatenate([p[0] for p in parts]).astype(np.int64)
    tss = np.concatenate([p[1] for p in parts]).astype(np.int64)
    kinds = np.concatenate([np.full(p[0].size, p[2], dtype=np.int64) for p in parts])
    row_amount = np.zeros(keys.size)
    row_new_payee = np.zeros(keys.size)
    transfer_index = parts[-1][3]
    assert transfer_index is not None
    tail = slice(keys.size - transfer_index.size, keys.size)
    row_amount[tail] = t.amount[transfer_index]
    row_new_payee[tail] = transfer_marks.new_payee[transfer_index]
    moments = (
        pl.DataFrame(
            {
                "key": keys,
                "ts": tss,
                "row_kind": kinds,
                "row_amount": row_amount,
                "row_new_payee": row_new_payee,
            }
        )
        .unique(maintain_order=False)
        .sort("key", "ts", "row_kind", "row_amount", "row_new_payee")
    )
    key = moments["key"].to_numpy()
    ts = moments["ts"].to_numpy()

    features = {
        **_talk_features(city, new, young, key, ts),
        **net_marks.features(city, key, ts),
        "campaign_links_72h": KeyedStream(
            met_visit[0], met_visit[1], origin, ones=np.ones(met_visit[0].size)
        )
        .at(key, ts)
        .sum("ones", WINDOW_S),
        "trail_sites_72h": KeyedStream(
            trail_person, trail_ts, origin, ones=np.ones(trail_person.size)
        )
        .at(key, ts)
        .sum("ones", WINDOW_S),
        **transfer_marks.features(city, account_flag_level, key, ts),
        "own_account_suspicion": own_account_suspicion(city, accounts, key, ts),
        **{
            k: _log(v) if k in _TALK_SECONDS else v
            for k, v in exposure_at(
                contacts, numbers, number_flag_level, key, ts, reach=reach
            ).items()
        },
        "history_days": np.minimum((ts - city.start) / DAY, HISTORY_DAYS),
        "row_is_transfer": (moments["row_kind"].to_numpy() == ROW_TRANSFER).astype(np.float64),
        "row_amount": _log(moments["row_amount"].to_numpy()),
        "row_new_payee": moments["row_new_payee"].to_numpy(),
        "age_years": (1970 + ts / (365.25 * DAY)) - city.person_birth_year[key],
    }
    return moments.with_columns(pl.Series(name, features[name]) for name in PERSON_FEATURES)

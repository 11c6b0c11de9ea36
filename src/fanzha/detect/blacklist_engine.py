"""The blacklist-only reference engine: what a centre gets from its known-bad lists alone.

It flags every listed number and account when listed, and warns a person at the first
contact with a listed number, domain or app, or a payment to a listed account. fanzha's
figures are quoted next to this one's, measured by the same scorer.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.engine import Decisions
from fanzha.detect.number_features import listed_asof
from fanzha.detect.warning_policy import select_warnings
from fanzha.detect.windows import Int64Array

_CODES = ("PAYEE_LISTED", "CONTACT_LISTED_NUMBER", "APP_LISTED", "LINK_LISTED_DOMAIN")


def _listed_flags(
    listed: tuple[Int64Array, Int64Array], vocabulary: pl.Series, id_column: str, reason: str
) -> pl.DataFrame:
    codes, listed_at = listed
    frame = pl.DataFrame({"key": codes, "ts": listed_at}).group_by("key").agg(pl.col("ts").min())
    return pl.DataFrame(
        {
            id_column: vocabulary.gather(frame["key"].to_numpy()),
            "ts": frame["ts"],
            "score": pl.Series(np.ones(frame.height)),
            "reasons": pl.Series([reason] * frame.height, dtype=pl.String),
        }
    ).sort("ts", id_column)


def run_blacklist(city: City) -> Decisions:
    c, net, t = city.contacts, city.net, city.transfers
    person: list[Int64Array] = []
    ts: list[Int64Array] = []
    tier: list[Int64Array] = []
    reason: list[Int64Array] = []

    def add(who: Int64Array, when: Int64Array, hit: np.ndarray, level: int, code: int) -> None:
        keep = hit & (who >= 0)
        person.append(who[keep])
        ts.append(when[keep])
        tier.append(np.full(int(keep.sum()), level, dtype=np.int64))
        reason.append(np.full(int(keep.sum()), code, dtype=np.int64))

    payer = city.holders(t.src)
    paid_listed = (t.dst >= 0) & (listed_asof(city.lists.accounts, t.dst, t.ts) > 0)
    add(payer, t.ts, paid_listed, 1, 0)
    for mine, other in ((c.dst, c.src), (c.src, c.dst)):
        hit = listed_asof(city.lists.numbers, other, c.ts) > 0
        add(city.number_holder[mine], c.ts, hit, 2, 1)
    net_person = city.number_holder[net.number]
    app_hit = (net.is_app == 1) & (listed_asof(city.lists.apps, net.target, net.ts) > 0)
    add(net_person, net.ts, app_hit, 2, 2)
    visit_hit = (net.is_app == 0) & (listed_asof(city.lists.domains, net.target, net.ts) > 0)
    add(net_person, net.ts, visit_hit, 3, 3)
    sms_hit = (c.domain >= 0) & (listed_asof(city.lists.domains, c.domain, c.ts) > 0)
    add(city.number_holder[c.dst], c.ts, sms_hit, 3, 3)

    p, w_ts = np.concatenate(person), np.concatenate(ts)
    w_tier, w_reason = np.concatenate(tier), np.concatenate(reason)
    sent = select_warnings(p, w_ts, w_tier, np.ones(p.size))
    codes = pl.Series(_CODES)
    warnings = (
        pl.DataFrame(
            {
                "ts": w_ts[sent],
                "person_id": city.persons.gather(p[sent]),
                "tier": pl.Series(w_tier[sent]).cast(pl.String),
                "score": pl.Series(np.ones(sent.size)),
                "reasons": codes.gather(w_reason[sent]),
            }
        )
        .sort("ts", "person_id", "tier")
        .with_columns(
            warning_id=pl.format("W{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(8))
        )
    )
    return Decisions(
        warnings=warnings,
        flagged_numbers=_listed_flags(city.lists.numbers, city.numbers, "number", "LISTED_NUMBER"),
        flagged_accounts=_listed_flags(
            city.lists.accounts, city.accounts, "account_id", "LISTED_ACCOUNT"
        ),
    )

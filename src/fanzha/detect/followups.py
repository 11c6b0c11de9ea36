"""What people do after a stranger talked them into it: the callee side of a caller's record.

A fraud caller's engaged contacts go on, within two days, to visit rare domains, install rare
apps or pay new payees. A telemarketer's or courier's contacts mostly do not. Each such
first follow-up is credited to the number at the moment it happens, so a number's suspicion
can rise between its own calls, and only from what has already happened.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fanzha.detect.city import City
from fanzha.detect.horizons import (
    DAY,
    ENGAGED_S,
    NEW_PAYEE_MIN_YUAN,
    STRANGER_AFTER_S,
)
from fanzha.detect.rarity import rare_targets
from fanzha.detect.windows import Int64Array, PairEvents

FOLLOW_UP_S = 2 * DAY


@dataclass(frozen=True)
class Followups:
    """Engaged stranger contacts and first follow-ups, keyed by the contacting number."""

    engaged_key: Int64Array
    engaged_ts: Int64Array
    engaged_person: Int64Array
    followup_key: Int64Array
    followup_ts: Int64Array


def risky_actions(city: City, new_payee: Int64Array) -> pl.DataFrame:
    """(person, ts) of rare visits and installs and of first payments to new payees."""
    net, t = city.net, city.transfers
    net_person = city.number_holder[net.number]
    rare = (rare_targets(city)[0] > 0) & (net_person >= 0)
    payer = city.holders(t.src)
    paying = (payer >= 0) & (new_payee > 0) & (t.amount >= NEW_PAYEE_MIN_YUAN)
    return pl.DataFrame(
        {
            "person": np.concatenate((net_person[rare], payer[paying])),
            "ats": np.concatenate((net.ts[rare], t.ts[paying])),
        }
    )


def followups(city: City, pair_new: Int64Array, new_payee: Int64Array) -> Followups:
    c = city.contacts
    person = city.number_holder[c.dst]
    engaged = (
        (pair_new > 0)
        & (person >= 0)
        & ((c.duration >= ENGAGED_S) | ((c.is_sms == 1) & (c.domain >= 0)))
    )
    contacts = pl.DataFrame(
        {"number": c.src[engaged], "person": person[engaged], "cts": c.ts[engaged]}
    )
    actions = risky_actions(city, new_payee)
    joined = (
        contacts.join(actions, on="person", how="inner")
        .filter((pl.col("ats") >= pl.col("cts")) & (pl.col("ats") <= pl.col("cts") + FOLLOW_UP_S))
        .group_by("number", "person")
        .agg(pl.col("ats").min())
        .sort("number", "ats", "person")
    )
    return Followups(
        engaged_key=contacts["number"].to_numpy(),
        engaged_ts=contacts["cts"].to_numpy(),
        engaged_person=contacts["person"].to_numpy(),
        followup_key=joined["number"].to_numpy(),
        followup_ts=joined["ats"].to_numpy(),
    )


def new_payees(city: City) -> Int64Array:
    """Per transfer: 1 where the payer has not paid this payee in the past 30 days."""
    t = city.transfers
    gap = PairEvents(t.src, t.dst, t.ts, t.seq).gap()
    return (((gap < 0) | (gap > STRANGER_AFTER_S)) & (t.dst >= 0)).astype(np.int64)

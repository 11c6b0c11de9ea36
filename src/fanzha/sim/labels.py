"""Ground truth of a simulated city: who was targeted, which numbers, accounts, domains and apps
were the rings', and which transfers were victims paying them.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fanzha.sim.dataset_output import WrittenEvents
from fanzha.sim.laundering import Laundering
from fanzha.sim.rings import MULE_LAYERS, Rings
from fanzha.sim.scams import Engagements


def label_frames(
    eng: Engagements,
    money: Laundering,
    rings: Rings,
    events: WrittenEvents,
    *,
    person_id: np.ndarray,
    number: np.ndarray,
    account_id: np.ndarray,
    vocab: np.ndarray,
) -> dict[str, pl.DataFrame]:
    """The label tables by name (`labels/...`), typed for the writer."""
    loss = (
        pl.DataFrame({"target": money.paid, "ts": money.paid_ts, "amount": money.paid_amount})
        .group_by("target")
        .agg(first_loss_ts=pl.col("ts").min(), loss_amount=pl.col("amount").sum())
    )
    targets = (
        pl.DataFrame(
            {
                "target": np.arange(eng.person.size),
                "person_id": person_id[eng.person],
                "scam_type": eng.scam_type,
                "first_contact_ts": eng.first_contact,
            }
        )
        .join(loss, on="target", how="left")
        .sort("first_contact_ts", "person_id")
    )
    ring_seen = np.intersect1d(np.unique(rings.numbers.entity), events.seen_numbers)
    caller = np.isin(ring_seen, events.raw["calls"]["caller"])
    numbers = pl.DataFrame(
        {"number": number[ring_seen], "role": np.where(caller, "caller", "sender")},
        schema={"number": pl.String, "role": pl.String},
    ).sort("number")
    layers = [layer for layer in MULE_LAYERS if layer in money.roles]
    accounts = pl.DataFrame(
        {
            "account_id": np.concatenate([account_id[money.roles[k]] for k in layers] or [[]]),
            "role": np.concatenate(
                [np.full(money.roles[k].size, k) for k in layers] or [np.array([], dtype=str)]
            ),
        },
        schema={"account_id": pl.String, "role": pl.String},
    ).sort("account_id")
    names_used = np.concatenate([events.raw["sms"]["domain"], events.raw["net"]["target"]])
    out = {
        "labels/targets": targets,
        "labels/numbers": numbers,
        "labels/accounts": accounts,
        "labels/losses": events.loss_event_ids.to_frame(),
    }
    for name, schedule in (("domains", rings.domains), ("apps", rings.apps)):
        used = np.intersect1d(schedule.entity, names_used)
        out[f"labels/{name}"] = pl.DataFrame(
            {"value": vocab[used]}, schema={"value": pl.String}
        ).sort("value")
    return out

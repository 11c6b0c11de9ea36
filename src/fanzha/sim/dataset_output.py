"""Turn the simulated city into the files of the dataset format, labels included.

Phones and accounts are written sorted by value, so the order of generation (residents first,
rings last) cannot be read from the files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from fanzha.io.fields import format_ts
from fanzha.io.schema import ACCOUNT_KINDS, CHANNELS, NET_KINDS, PHONE_KINDS, TABLES
from fanzha.io.table_writer import write_table
from fanzha.sim.city import City
from fanzha.sim.clock import Window
from fanzha.sim.config import SimConfig
from fanzha.sim.events import EVENT_COLUMNS
from fanzha.sim.registry import NONE, AccountBook, PhoneBook
from fanzha.sim.world import World

#: Event-id prefix per table.
ID_PREFIX = {"calls": "C", "sms": "S", "net": "N", "transfers": "T"}


def named(strings: pl.Series, index: np.ndarray) -> pl.Series:
    """Strings by index; NONE gives an empty field."""
    values = strings.gather(np.maximum(index, 0))
    return pl.select(
        pl.when(pl.Series(index < 0)).then(None).otherwise(values).alias(strings.name)
    ).to_series()


def optional_ts(ts: np.ndarray) -> pl.Series:
    """Int64 seconds; NONE becomes an empty field."""
    return pl.select(
        pl.when(pl.Series(ts == NONE)).then(None).otherwise(pl.Series(ts)).alias("ts")
    ).to_series()


@dataclass
class WrittenEvents:
    """What the event files hold, as entity indices (NONE = -1), row for row."""

    raw: dict[str, dict[str, np.ndarray]]
    seen_numbers: np.ndarray  # phone indices that appear in any event
    loss_event_ids: pl.Series  # event ids of the transfers in which a target paid a ring

    @property
    def rows(self) -> dict[str, int]:
        return {table: cols["ts"].size for table, cols in self.raw.items()}


def write_events(root: Path, world: World) -> WrittenEvents:
    """Write calls, sms, net and transfers (events in the window, time order, fresh ids)."""
    numbers = pl.Series("number", world.phones.column("number"))
    account_ids = pl.Series("account_id", world.accounts.column("account_id"))
    vocab = pl.Series("name", world.vocab.values, dtype=pl.String)
    raw: dict[str, dict[str, np.ndarray]] = {}
    loss_ids = pl.Series("event_id", [], dtype=pl.String)
    for table in EVENT_COLUMNS:
        cols = world.log.take_sorted(table)
        inside = (cols["ts"] >= world.window.start) & (cols["ts"] < world.window.end)
        cols = {name: values[inside] for name, values in cols.items()}
        frame = _event_frame(table, cols, numbers=numbers, account_ids=account_ids, vocab=vocab)
        write(root, table, frame)
        if table == "transfers":
            loss_ids = frame["event_id"].filter(pl.Series(cols["loss"]))
        raw[table] = cols
    seen = np.unique(
        np.concatenate(
            [
                raw["calls"]["caller"],
                raw["calls"]["callee"],
                raw["sms"]["sender"],
                raw["sms"]["receiver"],
                raw["net"]["number"],
            ]
        )
    )
    return WrittenEvents(raw, seen, loss_ids)


def _event_frame(
    table: str,
    cols: dict[str, np.ndarray],
    *,
    numbers: pl.Series,
    account_ids: pl.Series,
    vocab: pl.Series,
) -> pl.DataFrame:
    n = cols["ts"].size
    width = max(8, len(str(n)))
    frame = pl.DataFrame({"ts": cols["ts"]}).select(
        event_id=pl.lit(ID_PREFIX[table])
        + pl.int_range(1, n + 1, dtype=pl.Int64).cast(pl.String).str.zfill(width),
        ts="ts",
    )
    if table == "calls":
        return frame.with_columns(
            caller=named(numbers, cols["caller"]),
            callee=named(numbers, cols["callee"]),
            duration_s=pl.Series(cols["duration_s"]),
        )
    if table == "sms":
        return frame.with_columns(
            sender=named(numbers, cols["sender"]),
            receiver=named(numbers, cols["receiver"]),
            url_domain=named(vocab, cols["domain"]),
        )
    if table == "net":
        return frame.with_columns(
            number=named(numbers, cols["number"]),
            kind=pl.Series(np.array(NET_KINDS)[cols["kind"]]),
            target=named(vocab, cols["target"]),
        )
    return frame.with_columns(
        from_account=named(account_ids, cols["from_account"]),
        to_account=named(account_ids, cols["to_account"]),
        amount=pl.Series(cols["amount"]),
        channel=pl.Series(np.array(CHANNELS)[cols["channel"]]),
    )


def write_entities(
    root: Path, world: World, city: City, *, keep_phone: np.ndarray, keep_account: np.ndarray
) -> dict[str, int]:
    """persons.csv, phones.csv and accounts.csv; rows counts by name."""
    person_ids = pl.Series("person_id", city.person_id)
    persons = pl.DataFrame(
        {
            "person_id": city.person_id,
            "district": city.district,
            "birth_year": city.birth_year,
            "sex": city.sex,
        }
    )
    return {
        "persons": write(root, "persons", persons),
        "phones": write(root, "phones", _phones(world.phones, keep_phone, person_ids)),
        "accounts": write(root, "accounts", _accounts(world.accounts, keep_account, person_ids)),
    }


def _phones(phones: PhoneBook, keep: np.ndarray, person_ids: pl.Series) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "number": phones.column("number")[keep],
            "holder_person_id": named(person_ids, phones.column("holder")[keep]),
            "kind": np.array(PHONE_KINDS)[phones.column("kind")[keep]],
            "activated_at": optional_ts(phones.column("activated")[keep]),
        }
    ).sort("number")


def _accounts(accounts: AccountBook, keep: np.ndarray, person_ids: pl.Series) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "account_id": accounts.column("account_id")[keep],
            "holder_person_id": named(person_ids, accounts.column("holder")[keep]),
            "bank": accounts.column("bank")[keep],
            "kind": np.array(ACCOUNT_KINDS)[accounts.column("kind")[keep]],
            "opened_at": optional_ts(accounts.column("opened")[keep]),
        }
    ).sort("account_id")


def write(root: Path, name: str, frame: pl.DataFrame) -> int:
    """Write table `name` of the format; returns its row count."""
    write_table(frame, root, TABLES[name])
    return frame.height


def write_meta(root: Path, config: SimConfig, window: Window) -> None:
    """meta.json, with the whole config under `simulator` so the city can be regenerated."""
    stamps = pl.select(format_ts(pl.lit(pl.Series([window.start, window.end]))).alias("t"))
    start, end = stamps["t"].to_list()
    meta = {
        "format": "dataset/1",
        "start": start,
        "end": end,
        "seed": config.seed,
        "note": f"fanzha simulate: {config.persons} persons, {config.days} days, Nanchang",
        "simulator": config.as_dict(),
    }
    text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    (root / "meta.json").write_text(text, encoding="utf-8")

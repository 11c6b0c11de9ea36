"""Hand-built datasets for the detection tests: a few rows whose right answers are known."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from fanzha.detect.city import City
from fanzha.detect.engine import basics_of, exposure_stage, person_stage
from fanzha.io.schema import TABLES
from fanzha.io.table_writer import write_table

START = 1_772_294_400  # 2026-03-01T00:00:00+08:00
HOUR = 3600


def _frame(name: str, rows: list[tuple[object, ...]]) -> pl.DataFrame:
    spec = TABLES[name]
    columns = spec.column_names
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    schema = {
        c.name: pl.List(pl.String)
        if c.type == "id_list"
        else pl.Int64
        if c.type in ("ts", "amount", "int")
        else pl.Float64
        if c.type == "score"
        else pl.String
        for c in spec.columns
    }
    return pl.DataFrame(data, schema=schema)


@dataclass
class TinyCity:
    """Rows per table, as tuples in the column order of DATASET.md (ts in UTC seconds)."""

    persons: list[tuple[object, ...]] = field(default_factory=list)
    phones: list[tuple[object, ...]] = field(default_factory=list)
    accounts: list[tuple[object, ...]] = field(default_factory=list)
    calls: list[tuple[object, ...]] = field(default_factory=list)
    sms: list[tuple[object, ...]] = field(default_factory=list)
    net: list[tuple[object, ...]] = field(default_factory=list)
    transfers: list[tuple[object, ...]] = field(default_factory=list)
    reports: list[tuple[object, ...]] = field(default_factory=list)
    lists: dict[str, list[tuple[object, ...]]] = field(default_factory=dict)
    labels: dict[str, list[tuple[object, ...]]] = field(default_factory=dict)
    days: int = 3

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": "dataset/1",
            "start": "2026-03-01T00:00:00+08:00",
            "end": f"2026-03-{1 + self.days:02d}T00:00:00+08:00",
            "seed": None,
            "note": "hand-built test city",
        }
        (root / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        for name in ("persons", "phones", "accounts", "calls", "sms", "net", "transfers"):
            rows = (
                sorted(getattr(self, name), key=lambda r: r[1])
                if name in ("calls", "sms", "net", "transfers")
                else getattr(self, name)
            )
            write_table(_frame(name, rows), root, TABLES[name])
        write_table(
            _frame("reports", sorted(self.reports, key=lambda r: r[1])), root, TABLES["reports"]
        )
        for kind in ("numbers", "domains", "apps", "accounts"):
            rows = sorted(self.lists.get(kind, []), key=lambda r: r[1])
            write_table(_frame(f"lists/{kind}", rows), root, TABLES[f"lists/{kind}"])
        if self.labels:
            for kind in ("targets", "numbers", "accounts", "domains", "apps", "losses"):
                name = f"labels/{kind}"
                write_table(_frame(name, self.labels.get(kind, [])), root, TABLES[name])
        return root


def resident_phone(i: int) -> str:
    """The mobile of resident P{i} in the trail tests."""
    return f"139000000{i:02d}"


def resident_account(i: int) -> str:
    """The card of resident P{i} in the trail tests."""
    return f"62220000000000{i:02d}"


#: The two mule cards of the trail tests, held outside the city.
MULE_1, MULE_2 = "6230000000000001", "6230000000000002"


def trail_city(
    residents: int,
    carded: int,
    *,
    phones: Sequence[tuple[object, ...]] = (),
    calls: Sequence[tuple[object, ...]] = (),
    net: Sequence[tuple[object, ...]] = (),
    transfers: Sequence[tuple[object, ...]],
    reports: Sequence[tuple[object, ...]] = (),
) -> TinyCity:
    """The city of the trail tests: residents P0.. with their mobiles, the first `carded` of
    them with a card, MULE_1 and MULE_2, and the given rows (`phones`: any other lines)."""
    return TinyCity(
        persons=[(f"P{i}", "360102", 1980, "F") for i in range(residents)],
        phones=[
            *[(resident_phone(i), f"P{i}", "mobile", None) for i in range(residents)],
            *phones,
        ],
        accounts=[
            *[(resident_account(i), f"P{i}", "ICBC", "personal", None) for i in range(carded)],
            (MULE_1, None, "CCB", "personal", None),
            (MULE_2, None, "CCB", "personal", None),
        ],
        calls=list(calls),
        net=list(net),
        transfers=list(transfers),
        reports=list(reports),
    )


def account_flags(city: City, flagged: dict[str, int]) -> pl.DataFrame:
    """key and ts of account flags, as the account stage gives them: account id -> flag ts."""
    accounts = city.accounts.to_list()
    return pl.DataFrame(
        {"key": [accounts.index(a) for a in flagged], "ts": list(flagged.values())},
        schema={"key": pl.Int64, "ts": pl.Int64},
    )


def person_moments(city: City) -> pl.DataFrame:
    """The person stage's rows of a city where no number or account is suspect yet, with
    each row's `person` id."""
    nothing = pl.DataFrame(
        {"key": [], "ts": [], "score": [], "new_7d": []},
        schema={"key": pl.Int64, "ts": pl.Int64, "score": pl.Float64, "new_7d": pl.Float64},
    )
    rows = person_stage(
        city,
        basics=basics_of(city),
        numbers=nothing,
        accounts=nothing.drop("new_7d"),
        account_flags=nothing.select("key", "ts"),
        contacts=exposure_stage(city, nothing, 0.9).contacts,
        number_threshold=0.9,
        account_threshold=0.9,
    )
    return rows.with_columns(person=city.persons.gather(rows["key"].to_numpy()))

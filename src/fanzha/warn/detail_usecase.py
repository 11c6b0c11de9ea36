"""One warning with its history and what the unit needs to reach the person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.dataset_tables import DATASET_TABLES
from fanzha.store.service_tables import WarningRecord, WarningStep
from fanzha.warn.lookup import get_warning


@dataclass(frozen=True)
class Person:
    person_id: str
    district: str
    birth_year: int | None
    sex: str | None
    phones: list[str]


@dataclass(frozen=True)
class WarningDetail:
    warning: WarningRecord
    steps: list[WarningStep]
    person: Person


def warning_detail(session: Session, warning_id: str, district: str | None) -> WarningDetail:
    record = get_warning(session, warning_id, district)
    steps = session.scalars(
        select(WarningStep)
        .where(WarningStep.warning_id == warning_id)
        .order_by(WarningStep.ts, WarningStep.id)
    ).all()
    persons = DATASET_TABLES["persons"]
    phones = DATASET_TABLES["phones"]
    row = session.execute(
        select(persons.c.birth_year, persons.c.sex).where(persons.c.person_id == record.person_id)
    ).first()
    numbers = session.scalars(
        select(phones.c.number)
        .where(phones.c.holder_person_id == record.person_id)
        .order_by(phones.c.number)
    ).all()
    person = Person(
        person_id=record.person_id,
        district=record.district,
        birth_year=None if row is None else int(row[0]),
        sex=None if row is None else str(row[1]),
        phones=[str(n) for n in numbers],
    )
    return WarningDetail(record, list(steps), person)

"""Route a warning to the unit of the person's district, looked up in the stored persons."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.store.dataset_tables import DATASET_TABLES

CHUNK = 2000


def districts_of(session: Session, person_ids: list[str]) -> dict[str, str]:
    """person_id -> district for the persons that are stored; unknown ids are left out."""
    persons = DATASET_TABLES["persons"]
    found: dict[str, str] = {}
    unique = sorted(set(person_ids))
    for start in range(0, len(unique), CHUNK):
        query = select(persons.c.person_id, persons.c.district).where(
            persons.c.person_id.in_(unique[start : start + CHUNK])
        )
        found.update({str(p): str(d) for p, d in session.execute(query)})
    return found

"""Fetch one warning within what the caller may see."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.store.service_tables import WarningRecord
from fanzha.warn.errors import WarningNotFoundError


def get_warning(session: Session, warning_id: str, district: str | None) -> WarningRecord:
    """The warning, if it exists and `district` is None (city-wide) or its district.

    A warning of another district is reported as not found, so its existence does not leak.
    """
    record = session.get(WarningRecord, warning_id)
    if record is None or (district is not None and record.district != district):
        raise WarningNotFoundError(warning_id)
    return record

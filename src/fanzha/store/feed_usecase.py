"""Store the slices of a live feed, as the REST ingest stores its batches."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fanzha.io.event_feed import FeedSlice
from fanzha.store.ingest_usecase import StoreResult, store_records


def store_slice(session: Session, piece: FeedSlice) -> dict[str, StoreResult]:
    """Store every table of the slice (idempotently: a slice stored twice adds nothing)."""
    return {name: store_records(session, name, frame) for name, frame in piece.tables.items()}

"""GET /api/stream: how the Redis stream ingest is doing (for administrators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from fanzha.api.deps import requires
from fanzha.api.roles import Actor, Permission
from fanzha.api.stream_consumer import StreamConsumer

router = APIRouter(prefix="/api", tags=["ingest"])


class StreamOut(BaseModel):
    """Counters are since the service started; `lag` = entries not yet delivered to the group,
    `pending` = delivered but not yet committed and acknowledged."""

    enabled: bool
    stream: str | None = None
    group: str | None = None
    consumer: str | None = None
    entries_read: int = 0
    entries_taken_over: int = 0
    entries_rejected: int = 0
    rows_received: int = 0
    rows_stored: int = 0
    duplicates: int = 0
    rows_rejected: int = 0
    last_entry_id: str | None = None
    lag: int | None = None
    pending: int | None = None
    rejected_stream: str | None = None
    rejected_stream_length: int | None = None
    error: str | None = None


@router.get("/stream")
def stream_status(
    request: Request, _actor: Annotated[Actor, Depends(requires(Permission.INGEST))]
) -> StreamOut:
    """Disabled (`enabled` false) unless FANZHA_STREAM_URL is set."""
    consumer: StreamConsumer | None = getattr(request.app.state, "stream_consumer", None)
    if consumer is None:
        return StreamOut(enabled=False)
    status = consumer.status()
    counters = status.counters
    return StreamOut(
        enabled=True,
        stream=status.stream,
        group=status.group,
        consumer=status.consumer,
        entries_read=counters.entries_read,
        entries_taken_over=counters.entries_taken_over,
        entries_rejected=counters.entries_rejected,
        rows_received=counters.rows_received,
        rows_stored=counters.rows_stored,
        duplicates=counters.duplicates,
        rows_rejected=counters.rows_rejected,
        last_entry_id=counters.last_entry_id,
        lag=status.lag,
        pending=status.pending,
        rejected_stream=consumer.dead_letter_stream,
        rejected_stream_length=status.rejected_stream_length,
        error=status.error or counters.last_error,
    )

"""GET /api/stream: how the Redis stream ingest is doing (for administrators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from fanzha.api.deps import requires
from fanzha.api.roles import Actor, Permission
from fanzha.api.stream_consumer import StreamConsumer, StreamCounters

router = APIRouter(prefix="/api", tags=["ingest"])


class StreamOut(StreamCounters):
    """The consumer's counters (since the service started) and its state; `lag` = entries not
    yet delivered to the group, `pending` = delivered but not yet committed and acknowledged."""

    enabled: bool
    stream: str | None = None
    group: str | None = None
    consumer: str | None = None
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
    return StreamOut(
        **status.counters.model_dump(),
        enabled=True,
        stream=status.stream,
        group=status.group,
        consumer=status.consumer,
        lag=status.lag,
        pending=status.pending,
        rejected_stream=consumer.dead_letter_stream,
        rejected_stream_length=status.rejected_stream_length,
        error=status.error,
    )

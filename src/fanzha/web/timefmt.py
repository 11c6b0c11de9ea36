"""Times as the duty officers read them: China Standard Time, and minutes to a deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))


def local_time(ts: int | None) -> str:
    if ts is None:
        return ""
    return datetime.fromtimestamp(ts, UTC).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def minutes_left(seconds: int) -> int:
    """Whole minutes, rounded towards the deadline (59 s left is 0 min, 1 s late is 1 min)."""
    return seconds // 60 if seconds >= 0 else -((-seconds + 59) // 60)

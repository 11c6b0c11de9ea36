"""Time in the city: the simulated window and the daily and weekly rhythms of activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np

DAY_S = 86_400
CST = timezone(timedelta(hours=8))

#: Relative activity per local hour (0-23) for each kind of activity.
RHYTHMS: dict[str, tuple[float, ...]] = {
    # People calling and messaging each other: lunch and evening peaks.
    "social": (
        0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.4, 1.2, 2.2, 3.0, 3.4, 3.6,
        3.8, 3.2, 3.0, 3.1, 3.2, 3.6, 4.2, 4.6, 4.4, 3.6, 2.2, 1.0,
    ),
    # Working hours: couriers, telemarketers, banks, shops' customers.
    "work": (
        0.0, 0.0, 0.0, 0.0, 0.0, 0.02, 0.1, 0.8, 2.6, 4.0, 4.2, 4.0,
        2.6, 3.4, 4.0, 4.0, 3.8, 3.2, 1.8, 1.0, 0.6, 0.3, 0.1, 0.02,
    ),
    # Shopping and browsing: evening heavy, some night owls.
    "leisure": (
        0.9, 0.5, 0.25, 0.12, 0.08, 0.1, 0.3, 0.9, 1.4, 1.8, 2.0, 2.4,
        2.8, 2.4, 2.0, 2.0, 2.2, 2.4, 2.8, 3.4, 3.8, 3.8, 3.0, 1.8,
    ),
    # Rings work office hours of their own time zone (Cambodia/Myanmar: one hour behind) and late.
    "ring": (
        0.6, 0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.6, 2.8, 3.4, 3.4,
        2.8, 3.0, 3.4, 3.4, 3.2, 2.8, 2.4, 2.6, 2.8, 2.6, 2.0, 1.2,
    ),
}  # fmt: skip

#: Relative activity on Saturday and Sunday compared to a weekday.
WEEKEND_FACTOR: dict[str, float] = {"social": 1.15, "work": 0.35, "leisure": 1.3, "ring": 0.9}


@dataclass(frozen=True)
class Window:
    """The simulated days: `start` is local midnight (+08:00) of the first day, in UTC seconds."""

    start: int
    days: int

    @classmethod
    def from_date(cls, first_day: str, days: int) -> Window:
        if days < 1:
            raise ValueError(f"days must be >= 1, got {days}")
        day = date.fromisoformat(first_day)
        midnight = datetime(day.year, day.month, day.day, tzinfo=CST)
        return cls(int(midnight.timestamp()), days)

    @property
    def year(self) -> int:
        """The calendar year of the first day (ages are counted from it)."""
        return datetime.fromtimestamp(self.start, CST).year

    @property
    def end(self) -> int:
        return self.start + self.days * DAY_S

    def days_before(self, rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
        """`n` times between `high` and `low` days before the window, to the second."""
        return self.start - (rng.uniform(low, high, n) * DAY_S).astype(np.int64)

    def weekday(self, day: np.ndarray) -> np.ndarray:
        """Monday = 0 ... Sunday = 6, per day index."""
        first = datetime.fromtimestamp(self.start, CST).weekday()
        return np.asarray((first + day) % 7)

    def sample(
        self,
        rng: np.random.Generator,
        n: int,
        rhythm: str,
        day: np.ndarray | None = None,
    ) -> np.ndarray:
        """`n` times with the hourly and weekly rhythm; on the given day indices if given."""
        if day is None:
            weekend = np.isin(self.weekday(np.arange(self.days)), (5, 6))
            weight = np.where(weekend, WEEKEND_FACTOR[rhythm], 1.0)
            day = rng.choice(self.days, n, p=weight / weight.sum())
        hourly = np.asarray(RHYTHMS[rhythm])
        hour = rng.choice(24, n, p=hourly / hourly.sum())
        return self.start + day.astype(np.int64) * DAY_S + hour * 3600 + rng.integers(0, 3600, n)

    def awake(self, rng: np.random.Generator, ts: np.ndarray, share: float) -> np.ndarray:
        """Move `share` of the times that fall between 01:00 and 07:00 to the morning after."""
        hour = ((ts - self.start) % DAY_S) // 3600
        night = (hour >= 1) & (hour < 7) & (rng.random(ts.size) < share)
        morning = ts - (ts - self.start) % DAY_S + 7 * 3600 + rng.integers(0, 3 * 3600, ts.size)
        return np.where(night, morning, ts)

"""Timing and peak-memory measurement shared by the benchmarks."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    median_s: float
    runs: list[float]


def time_runs(fn: Callable[[], T], repeat: int = 3) -> tuple[Timing, T]:
    """Run `fn` `repeat` times; the median is quoted since these machines are noisy."""
    runs: list[float] = []
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    assert result is not None
    return Timing(statistics.median(runs), runs), result


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

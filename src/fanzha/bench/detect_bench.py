"""How fast and how well the detection engine replays simulated cities of several sizes.

Each replay runs in a fresh process so its peak memory is its own. Cities are simulated with
seeds the shipped model was not trained on.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

from fanzha.bench.measure import peak_rss_mb
from fanzha.detect.replay_usecase import Mode, ReplaySummary, replay
from fanzha.detect.score_usecase import score_outputs


def _replay_in_child(dataset: str, out: str, mode: str) -> tuple[ReplaySummary, float]:
    summary = replay(Path(dataset), Path(out), mode=Mode(mode))
    return summary, peak_rss_mb()


def measure_replay(dataset: Path, out: Path, mode: Mode) -> tuple[ReplaySummary, float]:
    """Replay in a spawned process; returns its summary and its peak RSS in MiB."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_replay_in_child, (str(dataset), str(out), mode.value))


def run(sizes: list[int], days: int, seed: int, profile: str) -> list[dict[str, object]]:
    from fanzha.sim.config import SimConfig
    from fanzha.sim.simulate_usecase import simulate

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for persons in sizes:
            city = Path(tmp) / f"city_{persons}"
            config = SimConfig.profile(profile).with_overrides(
                persons=persons, days=days, seed=seed
            )
            simulate(config, city)
            for mode in (Mode.ENGINE, Mode.BLACKLIST):
                out = Path(tmp) / f"out_{persons}_{mode.value}"
                summary, peak = measure_replay(city, out, mode)
                score = score_outputs(city, out)
                rows.append(
                    {
                        "persons": f"{persons:,}",
                        "days": days,
                        "mode": mode.value,
                        "events": f"{summary.events:,}",
                        "replay s": round(summary.seconds, 2),
                        "of it read s": round(summary.read_seconds, 2),
                        "events/s": f"{summary.events_per_s:,.0f}",
                        "peak RSS MiB": round(peak, 0),
                        "warn P": round(score.warning_precision.value, 4),
                        "warn R": round(score.warning_recall.value, 4),
                        "pre-loss R": round(score.pre_loss_recall.value, 4),
                        "number P": round(score.number_precision.value, 4),
                        "number R": round(score.number_recall.value, 4),
                        "account P": round(score.account_precision.value, 4),
                        "account R": round(score.account_recall.value, 4),
                    }
                )
    return rows

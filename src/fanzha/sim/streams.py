"""Independent random streams, one per sub-generator.

Each stream is seeded from (seed, name), so adding or changing one generator never shifts the
numbers another generator draws: a city stays comparable across simulator versions.
"""

from __future__ import annotations

import zlib

import numpy as np


def stream(seed: int, name: str) -> np.random.Generator:
    """The generator for sub-generator `name` of the city with `seed`."""
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(name.encode())]))

"""Phone numbers, card numbers and names drawn from one pool per kind.

Rings and innocents take their numbers and accounts from the same draws, so no id range,
prefix or pattern tells a fraud number or a mule account from anyone else's.
"""

from __future__ import annotations

import numpy as np

from fanzha.sim.catalogue import (
    APP_PREFIXES,
    BANKS,
    MOBILE_PREFIXES,
    SYLLABLES,
    TLDS,
    VOIP_PREFIXES,
)

StrArray = np.ndarray


class UniqueIds:
    """Hands out ids that were never handed out before (numbers, account ids, names)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, candidates: StrArray, n: int) -> StrArray:
        """The first `n` unused, distinct candidates, in candidate order."""
        _, first = np.unique(candidates, return_index=True)
        first.sort()
        fresh = candidates[first]
        if self._used:
            used = self._used
            unused = np.fromiter((c not in used for c in fresh.tolist()), bool, fresh.size)
            fresh = fresh[unused]
        if fresh.size < n:
            raise ValueError(f"only {fresh.size} unused ids for {n} requested: widen the draw")
        out = fresh[:n]
        self._used.update(out.tolist())
        return out


def _digits(rng: np.random.Generator, n: int, width: int) -> StrArray:
    """`n` strings of `width` random digits (leading zeros kept)."""
    if n == 0:
        return np.zeros(0, dtype=f"<U{width}")
    left = width
    parts = []
    while left > 0:
        step = min(left, 9)
        parts.append(np.char.zfill(rng.integers(0, 10**step, n).astype(str), step))
        left -= step
    text = parts[0]
    for part in parts[1:]:
        text = np.char.add(text, part)
    return text


def mobile_numbers(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Domestic mobiles, 11 digits, prefixes of the three operators."""
    draw = int(n * 1.05) + 16
    prefix = np.array(MOBILE_PREFIXES)[rng.integers(0, len(MOBILE_PREFIXES), draw)].astype(str)
    return ids.take(np.char.add(prefix, _digits(rng, draw, 8)), n)


def voip_numbers(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Virtual-operator numbers (170/171/162/165/167): cheap, used by people and rings alike."""
    draw = int(n * 1.05) + 16
    prefix = np.array(VOIP_PREFIXES)[rng.integers(0, len(VOIP_PREFIXES), draw)].astype(str)
    return ids.take(np.char.add(prefix, _digits(rng, draw, 8)), n)


def overseas_numbers(
    rng: np.random.Generator, ids: UniqueIds, n: int, countries: tuple[tuple[str, int], ...]
) -> StrArray:
    """`+` country code and national digits."""
    draw = int(n * 1.05) + 16
    which = rng.integers(0, len(countries), draw)
    out = np.empty(draw, dtype="<U16")
    for i, (code, width) in enumerate(countries):
        mask = which == i
        body = np.char.add(
            rng.integers(1, 10, int(mask.sum())).astype(str),
            _digits(rng, int(mask.sum()), width - 1),
        )
        out[mask] = np.char.add("+" + code, body)
    return ids.take(out, n)


def landline_numbers(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Nanchang landlines: 0791 and 8 digits."""
    draw = int(n * 1.05) + 16
    first = rng.integers(2, 9, draw).astype(str)
    return ids.take(np.char.add("0791", np.char.add(first, _digits(rng, draw, 7))), n)


def bank_choice(rng: np.random.Generator, n: int) -> np.ndarray:
    """Bank index per account, by the banks' shares."""
    share = np.array([b[1] for b in BANKS])
    return rng.choice(len(BANKS), n, p=share / share.sum())


def card_numbers(rng: np.random.Generator, ids: UniqueIds, bank: np.ndarray) -> StrArray:
    """Card numbers of 16-19 digits with the bank's prefixes, one per entry of `bank`."""
    out = np.empty(bank.size, dtype="<U19")
    for b, (_, _, prefixes) in enumerate(BANKS):
        mask = bank == b
        count = int(mask.sum())
        if not count:
            continue
        draw = int(count * 1.05) + 16
        which = rng.integers(0, len(prefixes), draw)
        cards = np.empty(draw, dtype="<U19")
        for p, (prefix, length) in enumerate(prefixes):
            sel = which == p
            cards[sel] = np.char.add(prefix, _digits(rng, int(sel.sum()), length - len(prefix)))
        out[mask] = ids.take(cards, count)
    return out


def corporate_accounts(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Corporate settlement account numbers (not card numbers): 15-20 digits, province coded."""
    draw = int(n * 1.05) + 16
    length = rng.integers(15, 21, draw)
    out = np.empty(draw, dtype="<U20")
    for width in np.unique(length):
        mask = length == width
        out[mask] = np.char.add("36", _digits(rng, int(mask.sum()), int(width) - 2))
    return ids.take(out, n)


def site_names(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Domains of small sites: two or three syllables, sometimes digits, a common TLD."""
    draw = int(n * 1.2) + 16
    syl = np.array(SYLLABLES)
    name = np.char.add(syl[rng.integers(0, syl.size, draw)], syl[rng.integers(0, syl.size, draw)])
    third = rng.random(draw) < 0.4
    name[third] = np.char.add(name[third], syl[rng.integers(0, syl.size, int(third.sum()))])
    digits = rng.random(draw) < 0.2
    name[digits] = np.char.add(name[digits], rng.integers(1, 999, int(digits.sum())).astype(str))
    tld = np.array(TLDS)[rng.integers(0, len(TLDS), draw)]
    return ids.take(np.char.add(np.char.add(name, "."), tld), n)


def app_names(rng: np.random.Generator, ids: UniqueIds, n: int) -> StrArray:
    """Android package names of small apps."""
    draw = int(n * 1.2) + 16
    syl = np.array(SYLLABLES)
    head = np.array(APP_PREFIXES)[rng.integers(0, len(APP_PREFIXES), draw)]
    org = np.char.add(syl[rng.integers(0, syl.size, draw)], syl[rng.integers(0, syl.size, draw)])
    app = np.char.add(syl[rng.integers(0, syl.size, draw)], syl[rng.integers(0, syl.size, draw)])
    return ids.take(np.char.add(np.char.add(np.char.add(head, "."), np.char.add(org, ".")), app), n)

"""Numbers and card ids: valid forms, never repeated, no pattern that marks a ring's."""

from __future__ import annotations

import numpy as np

from fanzha.sim.catalogue import BANKS, RING_COUNTRIES
from fanzha.sim.identifiers import (
    UniqueIds,
    bank_choice,
    card_numbers,
    corporate_accounts,
    landline_numbers,
    mobile_numbers,
    overseas_numbers,
    voip_numbers,
)


def test_numbers_have_the_forms_of_their_kind_and_never_repeat() -> None:
    rng, ids = np.random.default_rng(1), UniqueIds()
    mobiles = mobile_numbers(rng, ids, 5_000)
    voip = voip_numbers(rng, ids, 2_000)
    overseas = overseas_numbers(rng, ids, 500, RING_COUNTRIES)
    landlines = landline_numbers(rng, ids, 500)
    assert all(len(m) == 11 and m[:2] in {"13", "15", "17", "18", "19"} for m in mobiles)
    assert all(len(v) == 11 and v[:3] in {"170", "171", "162", "165", "167"} for v in voip)
    assert all(o.startswith(("+855", "+63", "+95", "+60")) for o in overseas)
    assert all(len(x) == 12 and x.startswith("0791") for x in landlines)
    everything = np.concatenate([mobiles, voip, overseas, landlines])
    assert np.unique(everything).size == everything.size


def test_cards_carry_their_bank_prefix_and_length() -> None:
    rng, ids = np.random.default_rng(2), UniqueIds()
    bank = bank_choice(rng, 3_000)
    cards = card_numbers(rng, ids, bank)
    for b, card in zip(bank, cards, strict=True):
        prefixes = BANKS[b][2]
        assert any(card.startswith(p) and len(card) == n for p, n in prefixes)
    corporate = corporate_accounts(rng, ids, 200)
    assert all(15 <= len(c) <= 20 for c in corporate)
    both = np.concatenate([cards, corporate])
    assert np.unique(both).size == both.size


def test_empty_draws_are_fine() -> None:
    rng, ids = np.random.default_rng(3), UniqueIds()
    assert card_numbers(rng, ids, np.zeros(0, dtype=np.int64)).size == 0
    assert card_numbers(rng, ids, np.zeros(3, dtype=np.int64)).size == 3  # one bank only
    assert mobile_numbers(rng, ids, 0).size == 0

"""The residents: who they are, their numbers and accounts, and who they know."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from fanzha.sim.catalogue import BANKS, DISTRICTS, RELATIVE_COUNTRIES
from fanzha.sim.clock import DAY_S
from fanzha.sim.identifiers import (
    bank_choice,
    card_numbers,
    corporate_accounts,
    mobile_numbers,
    overseas_numbers,
    voip_numbers,
)
from fanzha.sim.registry import NONE
from fanzha.sim.world import World

BANK_NAMES = np.array([b[0] for b in BANKS])
HOUR = 3600


@dataclass
class City:
    """Residents (index = person) and the innocent parties they deal with."""

    person_id: np.ndarray
    district: np.ndarray
    birth_year: np.ndarray
    sex: np.ndarray
    phone: np.ndarray  # main number per person
    second_phone: np.ndarray  # NONE where the person has one number
    second_since: np.ndarray  # when the second number was activated
    account: np.ndarray  # main personal account per person
    account_offsets: np.ndarray  # CSR over `accounts_flat`: every personal account of a person
    accounts_flat: np.ndarray
    contact_offsets: np.ndarray  # CSR over `contacts_flat`: the people a person knows
    contacts_flat: np.ndarray
    employer: np.ndarray  # corporate account paying the salary, NONE if not employed
    payday: np.ndarray  # day of month the salary arrives
    merchants: np.ndarray  # merchant accounts of out-of-area shops and platforms
    relatives_far: np.ndarray  # personal accounts of relatives outside the city
    relatives_abroad: np.ndarray  # overseas numbers of relatives abroad
    outsider: np.ndarray  # per person: a friend's mobile outside the city (NONE if none)

    @property
    def size(self) -> int:
        return int(self.person_id.size)

    def any_account(self, rng: np.random.Generator, person: np.ndarray) -> np.ndarray:
        """One of each person's everyday accounts, the main one most often.

        The last of three or more cards stays dormant: only a rare large payment wakes it.
        """
        count = np.diff(self.account_offsets)[person]
        count = np.where(count >= 3, count - 1, count)
        pick = np.where(rng.random(person.size) < 0.7, 0, rng.integers(0, 1 << 30, person.size))
        return np.asarray(self.accounts_flat[self.account_offsets[person] + pick % count])

    def contact_of(self, rng: np.random.Generator, person: np.ndarray) -> np.ndarray:
        """A person each given person knows, favourites more often."""
        degree = np.diff(self.contact_offsets)[person]
        # Squaring a uniform favours the first contacts: close family and friends.
        pick = (rng.random(person.size) ** 2 * degree).astype(np.int64)
        return np.asarray(self.contacts_flat[self.contact_offsets[person] + pick])

    def number_of(self, rng: np.random.Generator, person: np.ndarray, ts: np.ndarray) -> np.ndarray:
        """The number a person uses at `ts`: the second one now and then, once activated."""
        second = self.second_phone[person]
        active = (second != NONE) & (self.second_since[person] <= ts)
        use_second = active & (rng.random(person.size) < 0.25)
        return np.asarray(np.where(use_second, second, self.phone[person]))


def build_city(world: World) -> City:
    """Residents with numbers, accounts, social circles, employers and out-of-area ties."""
    config, window, ids = world.config, world.window, world.ids
    phones, accounts = world.phones, world.accounts
    rng = world.rng("city")
    n = config.persons
    share = np.array([d[1] for d in DISTRICTS])
    district = np.array([d[0] for d in DISTRICTS])[
        rng.choice(len(DISTRICTS), n, p=share / share.sum())
    ]
    age = np.clip(rng.normal(40, 16, n), 16, 92).astype(np.int64)
    birth_year = window.year - age
    sex = np.where(rng.random(n) < 0.505, "M", "F")
    person_id = np.char.add("P", np.char.zfill(np.arange(1, n + 1).astype(str), 7))

    phone, second, second_since = _numbers(world, rng, n)
    account, offsets, flat = _personal_accounts(world, rng, n)
    contact_offsets, contacts = _contacts(rng, district, n)

    # Employers' settlement accounts.
    employers = outside_accounts(world, rng, max(20, n // 150), "corporate", (200, 8000))
    employed = rng.random(n) < np.where((age >= 20) & (age <= 63), 0.72, 0.08)
    employer_of = np.where(employed, employers[rng.integers(0, employers.size, n)], NONE)
    payday_choices = np.array([5, 10, 15, 20, 25, 28])
    payday = payday_choices[rng.integers(0, payday_choices.size, n)]

    merchants_n = max(30, n // 100)
    merchant_ids = card_numbers(rng, ids, bank_choice(rng, merchants_n))
    merchants = accounts.add(
        merchant_ids,
        np.full(merchants_n, NONE),
        BANK_NAMES[bank_choice(rng, merchants_n)],
        "merchant",
        window.days_before(rng, 30, 3000, merchants_n),
    )
    relatives_far = outside_accounts(world, rng, max(50, n // 10), "personal", (60, 6000))
    abroad_n = max(5, int(n * config.overseas_family_share))
    relatives_abroad = phones.add(
        overseas_numbers(rng, ids, abroad_n, RELATIVE_COUNTRIES),
        np.full(abroad_n, NONE),
        "overseas",
        np.full(abroad_n, NONE),
    )
    # Friends and family elsewhere in China: mobiles with no local holder or activation record.
    has_outsider = rng.random(n) < 0.35
    outsiders_n = max(10, int(has_outsider.sum() * 0.7))
    outsiders = phones.add(
        mobile_numbers(rng, ids, outsiders_n),
        np.full(outsiders_n, NONE),
        "mobile",
        np.full(outsiders_n, NONE),
    )
    outsider = np.where(has_outsider, outsiders[rng.integers(0, outsiders_n, n)], NONE)
    return City(
        person_id=person_id,
        district=district,
        birth_year=birth_year,
        sex=sex,
        phone=phone,
        second_phone=second,
        second_since=second_since,
        account=account,
        account_offsets=offsets,
        accounts_flat=flat,
        contact_offsets=contact_offsets,
        contacts_flat=contacts,
        employer=employer_of,
        payday=payday,
        merchants=merchants,
        relatives_far=relatives_far,
        relatives_abroad=relatives_abroad,
        outsider=outsider,
    )


def _numbers(
    world: World, rng: np.random.Generator, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One or two numbers per person; a few on virtual operators; some activated just before
    the window, and some second numbers during it (used only from then on)."""
    window, ids, phones = world.window, world.ids, world.phones
    has_second = rng.random(n) < 0.22
    owners = np.concatenate([np.arange(n), np.flatnonzero(has_second)])
    total = owners.size
    virtual = rng.random(total) < 0.03
    age_days = rng.gamma(1.2, 1500, total).astype(np.int64) + 1
    activated = window.start - age_days * DAY_S + rng.integers(0, DAY_S, total)
    new = rng.random(total) < world.config.new_number_share
    # New numbers: activated in the weeks before the window (never after their first call).
    activated[new] = window.start - rng.integers(HOUR, 30 * DAY_S, int(new.sum()))
    fresh = np.zeros(total, dtype=bool)
    fresh[n:] = rng.random(total - n) < 0.25
    activated[fresh] = window.start + rng.integers(0, window.days * DAY_S, int(fresh.sum()))
    index = np.empty(total, dtype=np.int64)
    mobile = ~virtual
    index[mobile] = phones.add(
        mobile_numbers(rng, ids, int(mobile.sum())), owners[mobile], "mobile", activated[mobile]
    )
    index[virtual] = phones.add(
        voip_numbers(rng, ids, int(virtual.sum())), owners[virtual], "voip", activated[virtual]
    )
    second = np.full(n, NONE, dtype=np.int64)
    second[owners[n:]] = index[n:]
    second_since = np.full(n, NONE, dtype=np.int64)
    second_since[owners[n:]] = activated[n:]
    return index[:n], second, second_since


def _personal_accounts(
    world: World, rng: np.random.Generator, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One to three accounts per person; some hold many cards; a few accounts are new."""
    window = world.window
    count = rng.choice([1, 2, 3, 4], n, p=[0.35, 0.35, 0.2, 0.1])
    many = rng.random(n) < world.config.many_cards_share
    count[many] = rng.integers(5, 11, int(many.sum()))
    owner = np.repeat(np.arange(n), count)
    bank = bank_choice(rng, owner.size)
    age_days = rng.gamma(1.3, 1400, owner.size).astype(np.int64) + 1
    opened = window.start - age_days * DAY_S + rng.integers(0, DAY_S, owner.size)
    new = rng.random(owner.size) < 0.04
    opened[new] = window.start - rng.integers(HOUR, 90 * DAY_S, int(new.sum()))
    flat = world.accounts.add(
        card_numbers(rng, world.ids, bank), owner, BANK_NAMES[bank], "personal", opened
    )
    offsets = np.concatenate([[0], np.cumsum(count)])
    return flat[offsets[:-1]], offsets, flat


def _contacts(
    rng: np.random.Generator, district: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """A social circle per person, mostly in the same district."""
    degree = np.clip(rng.lognormal(2.6, 0.5, n).astype(np.int64), 3, 80)
    offsets = np.concatenate([[0], np.cumsum(degree)])
    owner = np.repeat(np.arange(n), degree)
    by_district = np.argsort(district, kind="stable")
    codes, first, sizes = np.unique(district[by_district], return_index=True, return_counts=True)
    where = np.searchsorted(codes, district[owner])
    local = by_district[first[where] + (rng.random(owner.size) * sizes[where]).astype(np.int64)]
    anywhere = rng.integers(0, n, owner.size)
    contact = np.where(rng.random(owner.size) < 0.7, local, anywhere)
    contact = np.where(contact == owner, (contact + 1) % n, contact)
    return offsets, contact


def outside_accounts(
    world: World,
    rng: np.random.Generator,
    n: int,
    kind: Literal["corporate", "personal"],
    opened_days: tuple[float, float],
) -> np.ndarray:
    """`n` accounts held by no resident: firms and people elsewhere, opened between the given
    numbers of days before the window."""
    bank = bank_choice(rng, n)
    if kind == "corporate":
        ids = corporate_accounts(rng, world.ids, n)
    else:
        ids = card_numbers(rng, world.ids, bank)
    low, high = opened_days
    return world.accounts.add(
        ids, np.full(n, NONE), BANK_NAMES[bank], kind, world.window.days_before(rng, low, high, n)
    )

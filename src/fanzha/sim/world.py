"""What every generator of the city shares: the knobs, the window, the books and the log."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from fanzha.sim.clock import Window
from fanzha.sim.config import SimConfig
from fanzha.sim.events import EventLog
from fanzha.sim.identifiers import UniqueIds
from fanzha.sim.registry import AccountBook, PhoneBook, Vocabulary
from fanzha.sim.streams import stream


@dataclass
class World:
    config: SimConfig
    window: Window
    ids: UniqueIds = field(default_factory=UniqueIds)
    phones: PhoneBook = field(default_factory=PhoneBook)
    accounts: AccountBook = field(default_factory=AccountBook)
    vocab: Vocabulary = field(default_factory=Vocabulary)
    log: EventLog = field(default_factory=EventLog)

    @classmethod
    def of(cls, config: SimConfig) -> World:
        return cls(config, Window.from_date(config.first_day, config.days))

    def rng(self, name: str) -> np.random.Generator:
        """The random stream of sub-generator `name`."""
        return stream(self.config.seed, name)

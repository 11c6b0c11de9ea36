"""What every request handler needs: the database, the settings and the clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from fanzha.api.settings import ServiceSettings
from fanzha.store.database import Database
from fanzha.warn.workflow import WarnPolicy


def wall_clock() -> int:
    return int(time.time())


@dataclass
class Services:
    """Held on `app.state.services`; tests pass their own clock to move time on."""

    settings: ServiceSettings
    database: Database
    clock: Callable[[], int] = wall_clock

    @property
    def policy(self) -> WarnPolicy:
        return self.settings.warn_policy()

    def now(self) -> int:
        return self.clock()

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
    """Held on `app.state.services`; tests pass their own clock to move time on.

    `clock` is event time (deadlines, holds, audit); logins expire by `session_clock`, which
    stays on the wall when a demo runs event time faster.
    """

    settings: ServiceSettings
    database: Database
    clock: Callable[[], int] = wall_clock
    session_clock: Callable[[], int] | None = None

    @property
    def policy(self) -> WarnPolicy:
        return self.settings.warn_policy()

    def now(self) -> int:
        return self.clock()

    def session_now(self) -> int:
        return (self.session_clock or self.clock)()

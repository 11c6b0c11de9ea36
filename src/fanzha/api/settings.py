"""Deployment settings of the service, from FANZHA_* environment variables."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from fanzha.warn.hotspot_usecase import HotspotRule
from fanzha.warn.workflow import Step, TierPolicy, WarnPolicy


class ServiceSettings(BaseSettings):
    """FANZHA_DATABASE_URL selects the store: a SQLite file by default, or PostgreSQL
    (`postgresql+psycopg://user:password@host/db`). Deadlines are seconds from the warning."""

    model_config = SettingsConfigDict(env_prefix="FANZHA_", extra="ignore")

    database_url: str = "sqlite:///fanzha.sqlite3"
    session_ttl_s: int = 8 * 3600
    tier1_deadline_s: int = 30 * 60
    tier2_deadline_s: int = 10 * 60
    tier3_deadline_s: int = 0
    #: Seconds between escalation rounds while the service runs; 0 turns the loop off.
    escalation_interval_s: float = 30.0
    #: If set and no admin exists yet, user `admin` is created with this password at start.
    bootstrap_admin_password: SecretStr | None = None
    #: Send the session cookie only over HTTPS; turn off only for local testing.
    secure_cookies: bool = True
    #: Hotspots: districts with at least `hotspot_min_cases` cases in the last
    #: `hotspot_window_days` and `hotspot_ratio` times the city's cases per resident.
    hotspot_window_days: int = 7
    hotspot_min_cases: int = 3
    hotspot_ratio: float = 1.5

    def hotspot_rule(self) -> HotspotRule:
        return HotspotRule(
            window_s=self.hotspot_window_days * 86_400,
            min_cases=self.hotspot_min_cases,
            ratio=self.hotspot_ratio,
        )

    def warn_policy(self) -> WarnPolicy:
        return WarnPolicy(
            tier1=TierPolicy(Step.MET, self.tier1_deadline_s),
            tier2=TierPolicy(Step.CALLED, self.tier2_deadline_s),
            tier3=TierPolicy(Step.PUSHED, self.tier3_deadline_s),
        )

"""Deployment settings of the service, from FANZHA_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from fanzha.stoppay.messages import Officer
from fanzha.stoppay.request_message import Applicant
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
    #: Seconds between rounds of the live detection engine; 0 turns it off.
    live_interval_s: float = 5.0
    #: Days of stored records the live engine looks back over (its features look back a week).
    live_window_days: int = 7
    #: A moment is decided once the clock and the newest record are this far past it.
    live_lateness_s: int = 60
    #: On a first start over stored records, how far back the engine decides (older moments
    #: are history: warning about them would send officers to losses long past).
    live_backfill_s: int = 3600
    #: A detection model file (`fanzha train --out`); the shipped model when unset.
    live_model: Path | None = None
    #: The centre as stop-payment requests name it: institution code, unit, desk phone.
    centre_code: str = "FANZHA"
    centre_unit: str = "反诈中心值班室"
    centre_phone: str = "96110"
    #: If set and no admin exists yet, user `admin` is created with this password at start.
    bootstrap_admin_password: SecretStr | None = None
    #: Send the session cookie only over HTTPS; turn off only for local testing.
    secure_cookies: bool = True
    #: Hotspots: districts with at least `hotspot_min_cases` cases in the last
    #: `hotspot_window_days` and `hotspot_ratio` times the city's cases per resident.
    hotspot_window_days: int = 7
    hotspot_min_cases: int = 3
    hotspot_ratio: float = 1.5
    #: Redis Streams ingest (`redis://host:port/db`); unset = no stream consumer.
    stream_url: str | None = None
    stream_name: str = "fanzha:events"
    stream_group: str = "fanzha-service"
    stream_consumer: str = "service-1"
    #: Entries pending this long with another consumer are taken over (it is presumed dead).
    stream_claim_idle_s: float = 60.0
    #: About this many rejected rows are kept in `<stream>:rejected` (the oldest are trimmed,
    #: approximately: Redis drops whole nodes of ~100 entries).
    stream_rejected_maxlen: int = Field(default=100_000, gt=0)

    def applicant(self, username: str | None = None) -> Applicant:
        """Who a stop-payment request says applies: the centre, and the officer logged in
        (known by login; None for the centre's own follow-up of a case's money)."""
        officer = (
            Officer("duty_desk", f"{self.centre_code}-DUTY", self.centre_unit, self.centre_phone)
            if username is None
            else Officer("login", username, username, self.centre_phone)
        )
        return Applicant(self.centre_code, self.centre_unit, officer)

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

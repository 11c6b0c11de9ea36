"""The operations service: API under /api, the console at /, static files at /static."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from fastapi import FastAPI, Request, status
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from fanzha import __version__
from fanzha.api import (
    admin_routes,
    auth_routes,
    awareness_routes,
    case_routes,
    flag_routes,
    hold_routes,
    ingest_routes,
    list_routes,
    statistics_routes,
    stop_routes,
    stream_routes,
    warning_routes,
)
from fanzha.api.escalation_loop import escalate_forever
from fanzha.api.feed_loop import Feed, feed_dataset
from fanzha.api.live_loop import LiveEngine, decide_forever
from fanzha.api.services import Services, wall_clock
from fanzha.api.settings import ServiceSettings
from fanzha.api.stream_consumer import consume_stream
from fanzha.api.users import ensure_admin
from fanzha.stoppay.lifecycle import LifecycleError
from fanzha.store.case_stop_usecase import StopPayConflictError
from fanzha.store.case_usecase import CaseNotFoundError
from fanzha.store.database import Database
from fanzha.store.stop_requests_usecase import StopRequestNotFoundError
from fanzha.warn.errors import OrderNotFoundError, StepNotAllowedError, WarningNotFoundError
from fanzha.web import (
    auth_pages,
    case_entry_pages,
    case_pages,
    dashboard_pages,
    list_pages,
    stop_pages,
    warning_pages,
)

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


async def _malformed_json(request: Request, exc: Exception) -> JSONResponse:
    """Malformed JSON is a 400 (the body is not JSON at all), not a 422."""
    assert isinstance(exc, RequestValidationError)
    if any(error.get("type") == "json_invalid" for error in exc.errors()):
        return JSONResponse({"detail": "request body is not valid JSON"}, status_code=400)
    return await request_validation_exception_handler(request, exc)


async def _not_found(_request: Request, exc: Exception) -> JSONResponse:
    """Unknown, or outside the caller's district or bank: the same answer, nothing leaks."""
    return JSONResponse({"detail": f"not found: {exc}"}, status_code=status.HTTP_404_NOT_FOUND)


async def _conflict(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_409_CONFLICT)


def create_app(
    settings: ServiceSettings | None = None,
    clock: Callable[[], int] = wall_clock,
    feed: Feed | None = None,
    session_clock: Callable[[], int] | None = None,
) -> FastAPI:
    """Build the app; the database is migrated to the newest schema when it starts.

    With `feed`, the dataset is fed in as the clock passes its slices (a demo or a load test);
    the live engine starts once the backlog the clock has already passed is stored. Logins
    expire by `session_clock` (default: `clock`).
    """
    settings = settings or ServiceSettings()
    services = Services(settings, Database(settings.database_url), clock, session_clock)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        services.database.migrate()
        password = settings.bootstrap_admin_password
        if password is not None:
            with services.database.session() as session:
                ensure_admin(session, password.get_secret_value(), services.now())
        loops = []
        if settings.escalation_interval_s > 0:
            loops.append(
                asyncio.create_task(escalate_forever(services, settings.escalation_interval_s))
            )
        ready = None
        if feed is not None:
            ready = asyncio.Event()
            loops.append(asyncio.create_task(feed_dataset(services, feed, ready)))
        if settings.live_interval_s > 0:
            live = LiveEngine.start(
                settings.live_window_days * 86_400,
                settings.live_lateness_s,
                settings.live_backfill_s,
                settings.live_model,
                origin=None if feed is None else feed.source.meta.start,
            )
            loops.append(
                asyncio.create_task(decide_forever(services, live, settings.live_interval_s, ready))
            )
        async with consume_stream(_app, services):
            yield
        for loop in loops:
            loop.cancel()
            with suppress(asyncio.CancelledError):
                await loop
        services.database.dispose()

    app = FastAPI(
        title="fanzha operations service",
        version=__version__,
        lifespan=lifespan,
        description="Ingest, three-tier warnings and the duty console of a city anti-fraud "
        "centre. Malformed JSON bodies are answered with 400, invalid fields with 422.",
    )
    app.state.services = services
    app.add_exception_handler(RequestValidationError, _malformed_json)
    app.add_exception_handler(WarningNotFoundError, _not_found)
    app.add_exception_handler(StopRequestNotFoundError, _not_found)
    app.add_exception_handler(CaseNotFoundError, _not_found)
    app.add_exception_handler(OrderNotFoundError, _not_found)
    app.add_exception_handler(StepNotAllowedError, _conflict)
    app.add_exception_handler(LifecycleError, _conflict)
    app.add_exception_handler(StopPayConflictError, _conflict)
    for router in (
        auth_routes.router,
        ingest_routes.router,
        stream_routes.router,
        warning_routes.router,
        admin_routes.router,
        list_routes.router,
        flag_routes.router,
        stop_routes.router,
        case_routes.router,
        hold_routes.router,
        statistics_routes.router,
        awareness_routes.router,
        auth_pages.router,
        warning_pages.router,
        list_pages.router,
        stop_pages.router,
        case_entry_pages.router,
        case_pages.router,
        dashboard_pages.router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app

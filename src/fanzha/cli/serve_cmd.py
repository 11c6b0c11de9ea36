"""fanzha serve: the operations service and console (uvicorn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error


def serve(
    *,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            help="Database URL (default: FANZHA_DATABASE_URL or sqlite:///fanzha.sqlite3), "
            "e.g. postgresql+psycopg://user:password@host/db."
        ),
    ] = None,
    feed: Annotated[
        Path | None,
        typer.Option(
            help="Feed this dataset in live, at accelerated event time (a demo or a rehearsal)."
        ),
    ] = None,
    speed: Annotated[
        float, typer.Option(help="With --feed: simulated seconds per wall second.")
    ] = 60.0,
    catch_up_hours: Annotated[
        float,
        typer.Option(help="With --feed: hours of the dataset stored at once before live time."),
    ] = 24.0,
    demo_logins: Annotated[
        bool,
        typer.Option(help="Create a user per role with fresh passwords and print them."),
    ] = False,
) -> None:
    """Start the API (/api, /docs, /openapi.json) and the console (/); migrates the database.

    The live engine decides warnings and flags from whatever is ingested (REST, imports, the
    stream, --feed) every few seconds (FANZHA_LIVE_INTERVAL_S).
    """
    import uvicorn

    from fanzha.api.app import create_app
    from fanzha.api.demo_logins import create_demo_logins
    from fanzha.api.feed_loop import AcceleratedClock, Feed
    from fanzha.api.services import wall_clock
    from fanzha.api.settings import ServiceSettings
    from fanzha.io.dataset import Dataset
    from fanzha.store.database import Database

    settings = ServiceSettings() if database is None else ServiceSettings(database_url=database)
    console = Console()
    clock = wall_clock
    with exit_on_dataset_error():
        source = None if feed is None else Dataset(feed)
        if source is not None:
            if speed <= 0:
                raise typer.BadParameter("must be positive", param_hint="--speed")
            clock = AcceleratedClock(source.meta.start + int(catch_up_hours * 3600), speed)
    if demo_logins:
        if source is None:
            raise typer.BadParameter(
                "needs --feed: scopes come from the city", param_hint="--demo-logins"
            )
        store = Database(settings.database_url)
        store.migrate()
        with exit_on_dataset_error(), store.session() as session:
            logins = create_demo_logins(session, source, clock())
        store.dispose()
        table = Table("user", "password", "role", "scope", title="demo logins")
        for login in logins:
            table.add_row(login.username, login.password, login.role.value, login.scope)
        console.print(table)
    if source is not None:
        console.print(f"feeding {feed} live at {speed:g}x from {catch_up_hours:g} h into the city")
    console.print(f"console: http://{host}:{port}/   API description: http://{host}:{port}/docs")
    app = create_app(settings, clock, None if source is None else Feed(source), wall_clock)
    uvicorn.run(app, host=host, port=port, proxy_headers=False)

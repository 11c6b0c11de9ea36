"""fanzha serve: the operations service and console (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            help="Database URL (default: FANZHA_DATABASE_URL or sqlite:///fanzha.sqlite3), "
            "e.g. postgresql+psycopg://user:password@host/db."
        ),
    ] = None,
) -> None:
    """Start the API (/api, /docs, /openapi.json) and the console (/); migrates the database."""
    import uvicorn

    from fanzha.api.app import create_app
    from fanzha.api.settings import ServiceSettings

    settings = ServiceSettings() if database is None else ServiceSettings(database_url=database)
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=False)

"""fanzha feed: publish a dataset on a Redis stream as a live feed in event time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated

import typer

from fanzha.io.fields import CITY_UTC_OFFSET_S
from fanzha.io.redis_feed import DEFAULT_CHUNK_ROWS, DEFAULT_STREAM


def _local_time(ts: int) -> str:
    """UTC seconds as the city's local time, e.g. 2026-03-01 09:15."""
    city = timezone(timedelta(seconds=CITY_UTC_OFFSET_S))
    return datetime.fromtimestamp(ts, city).strftime("%Y-%m-%d %H:%M")


def feed(
    dataset: Annotated[Path, typer.Argument(help="Dataset directory to publish.")],
    *,
    to: Annotated[
        str, typer.Option("--to", help="Redis URL, e.g. redis://127.0.0.1:6379/0.")
    ] = "redis://127.0.0.1:6379/0",
    stream: Annotated[str, typer.Option(help="Stream key the service reads.")] = DEFAULT_STREAM,
    speed: Annotated[
        float,
        typer.Option(help="Simulated seconds per wall second; 0 publishes as fast as possible."),
    ] = 0.0,
    step: Annotated[int, typer.Option(help="Simulated seconds per slice of the feed.")] = 60,
    chunk: Annotated[int, typer.Option(help="Most rows in one stream entry.")] = DEFAULT_CHUNK_ROWS,
) -> None:
    """Publish DATASET: the registries first, then every record when its time comes."""
    import redis
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from fanzha.cli.dataset_errors import exit_on_dataset_error
    from fanzha.io.dataset import Dataset
    from fanzha.io.redis_feed import FeedProgress, publish, slice_count

    console = Console(stderr=True)
    if step <= 0 or chunk <= 0 or speed < 0:
        raise typer.BadParameter("--step and --chunk must be positive and --speed 0 or more")
    with exit_on_dataset_error():
        source = Dataset(dataset)
        start = source.meta.start
    client = redis.Redis.from_url(to)
    try:
        client.ping()
    except redis.RedisError as exc:
        typer.echo(f"cannot reach {to}: {exc}", err=True)
        raise typer.Exit(1) from exc

    # The tables are read as the feed first needs them: one that breaks the format ends it.
    with (
        exit_on_dataset_error(),
        Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("slices", total=slice_count(source, step))

        def show(at: FeedProgress) -> None:
            clock = _local_time(at.simulated_ts)
            progress.update(
                task,
                completed=at.slices,
                description=f"{clock}  entries {at.entries:,}  rows {at.rows:,}",
            )

        done = publish(
            client, stream, source, step_s=step, speed=speed, chunk_rows=chunk, on_progress=show
        )
    client.close()
    typer.echo(
        f"published {done.rows:,} rows in {done.entries:,} entries ({done.slices:,} slices, "
        f"from {_local_time(start)}) to {stream} on {to}"
    )

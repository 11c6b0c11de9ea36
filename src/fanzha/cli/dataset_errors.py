"""How the commands that read a dataset end on one that breaks the format."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from fanzha.io.problems import DatasetError


@contextmanager
def exit_on_dataset_error() -> Iterator[None]:
    """Print a DatasetError's problems (file, line, field) on stderr and exit with status 2.
    Soft wrap: a problem stays on one line, whole, however narrow the terminal."""
    try:
        yield
    except DatasetError as exc:
        Console(stderr=True).print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(2) from exc

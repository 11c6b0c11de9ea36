"""Entry point of the `fanzha` command. Each subcommand lives in its own module."""

from __future__ import annotations

import typer

from fanzha import __version__
from fanzha.cli import bench_cmd, validate_cmd

app = typer.Typer(
    help="fanzha (反诈): detect fraud as it happens, warn, stop-pay and trace fraud money.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """fanzha (反诈) for city anti-fraud centres."""


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


app.command("validate")(validate_cmd.validate)
app.add_typer(bench_cmd.bench_app, name="bench")

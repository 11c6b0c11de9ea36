"""Entry point of the `fanzha` command. Each subcommand lives in its own module."""

from __future__ import annotations

import typer

from fanzha import __version__
from fanzha.cli import (
    bench_cmd,
    ceiling_cmd,
    demo_cmd,
    feed_cmd,
    replay_cmd,
    score_cmd,
    serve_cmd,
    train_cmd,
    validate_cmd,
)
from fanzha.cli.investigate_cmd import investigate_app
from fanzha.cli.simulate_cmd import simulate_command
from fanzha.cli.trace_cmd import trace

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
app.command("demo")(demo_cmd.demo)
app.command("replay")(replay_cmd.replay)
app.command("score")(score_cmd.score)
app.command("ceiling")(ceiling_cmd.ceiling)
app.command("train")(train_cmd.train)
app.command("serve")(serve_cmd.serve)
app.command("feed")(feed_cmd.feed)
app.command("simulate")(simulate_command)
app.command("trace")(trace)
app.add_typer(investigate_app, name="investigate")
app.add_typer(bench_cmd.bench_app, name="bench")

"""fanzha investigate holders|hubs|cashout DATASET"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from fanzha.cli.dataset_errors import exit_on_dataset_error
from fanzha.trace.attribution import Attribution
from fanzha.trace.tracer import TraceOptions

if TYPE_CHECKING:
    from fanzha.io.dataset import Dataset

investigate_app = typer.Typer(
    help="Investigative views over the traces of every report.", no_args_is_help=True
)

DatasetArg = Annotated[Path, typer.Argument(help="Dataset directory (format dataset/1).")]
LimitOpt = Annotated[int, typer.Option(help="Print at most this many rows.")]
CsvOpt = Annotated[Path | None, typer.Option(help="Also write every row to this CSV file.")]
AttributionOpt = Annotated[Attribution, typer.Option(help="Which outgoing money is the victims'.")]


def _show(title: str, frame: pl.DataFrame, limit: int, csv: Path | None) -> None:
    """Print the first `limit` rows (fen as yuan, ts as China time); write all rows to `csv`."""
    from fanzha.io.fields import format_amount, format_ts

    money = [c for c in frame.columns if c.endswith("_fen")]
    times = [c for c in frame.columns if c.endswith("_ts")]
    shown = frame.head(limit).with_columns(
        *(format_amount(pl.col(c)) for c in money), *(format_ts(pl.col(c)) for c in times)
    )
    table = Table(
        *(c.removesuffix("_fen") + (" ¥" if c in money else "") for c in frame.columns), title=title
    )
    for row in shown.iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
    if frame.height > limit:
        Console().print(f"... {frame.height - limit} more row(s) (--limit, --csv)")
    if csv is not None:
        frame.write_csv(csv)


def _show_view(
    dataset: Path,
    attribution: Attribution,
    view: Callable[[Dataset, pl.DataFrame], pl.DataFrame],
    *,
    title: str,
    limit: int,
    csv: Path | None,
) -> None:
    """Trace every report of the dataset and show one view of the traced flows."""
    from fanzha.io.dataset import Dataset
    from fanzha.trace.investigate_usecase import report_flows

    with exit_on_dataset_error():
        data = Dataset(dataset)
        frame = view(data, report_flows(data, TraceOptions(attribution=attribution)))
    _show(title, frame, limit, csv)


@investigate_app.command("holders")
def holders(
    dataset: DatasetArg,
    limit: LimitOpt = 30,
    csv: CsvOpt = None,
    attribution: AttributionOpt = Attribution.FIFO,
) -> None:
    """People behind many cards that carried victims' money (断卡)."""
    from fanzha.trace.investigate_usecase import holders_view

    _show_view(
        dataset,
        attribution,
        holders_view,
        title="holders of cards victims' money passed through",
        limit=limit,
        csv=csv,
    )


@investigate_app.command("hubs")
def hubs(
    dataset: DatasetArg,
    limit: LimitOpt = 30,
    csv: CsvOpt = None,
    attribution: AttributionOpt = Attribution.FIFO,
) -> None:
    """Accounts the money of the most victims passes through."""
    from fanzha.trace.investigate_usecase import hubs_view

    _show_view(
        dataset,
        attribution,
        hubs_view,
        title="accounts most victims' money passed through",
        limit=limit,
        csv=csv,
    )


@investigate_app.command("cashout")
def cashout(
    dataset: DatasetArg,
    limit: LimitOpt = 30,
    csv: CsvOpt = None,
    attribution: AttributionOpt = Attribution.FIFO,
) -> None:
    """Cash-out points by channel, bank and the holder's district."""
    from fanzha.trace.investigate_usecase import cashout_view

    _show_view(
        dataset,
        attribution,
        cashout_view,
        title="where traced money was cashed out",
        limit=limit,
        csv=csv,
    )

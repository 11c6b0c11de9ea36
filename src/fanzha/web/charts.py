"""Small inline SVG bar charts for the dashboard: no script, no CDN, readable when printed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

WIDTH = 560
HEIGHT = 200
AXIS = 28  # room for labels under the bars
TOP = 14  # room for the value over the tallest bar
MAX_LABELLED_BARS = 24  # more bars than this: values only in the tooltips


def bar_chart(
    title: str,
    groups: Sequence[tuple[str, Sequence[int]]],
    colours: Sequence[str],
    value_text: Callable[[int], str] = str,
) -> str:
    """Grouped vertical bars: one group per label, one bar per series (in `colours` order)."""
    series = len(colours)
    peak = max((v for _, values in groups for v in values), default=0) or 1
    slot = WIDTH / max(len(groups), 1)
    bar_w = max(min(slot * 0.8 / series, 48.0), 2.0)
    plot_h = HEIGHT - AXIS - TOP
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="0" y1="{HEIGHT - AXIS}" x2="{WIDTH}" y2="{HEIGHT - AXIS}" stroke="#999"/>',
    ]
    labelled = len(groups) * series <= MAX_LABELLED_BARS
    for g, (label, values) in enumerate(groups):
        left = g * slot + (slot - bar_w * series) / 2
        for s, value in enumerate(values):
            h = plot_h * value / peak
            x, y = left + s * bar_w, HEIGHT - AXIS - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                f'fill="{colours[s]}"><title>{escape(label)}: {escape(value_text(value))}</title>'
                "</rect>"
            )
            if labelled:
                parts.append(
                    f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'font-size="10">{escape(value_text(value))}</text>'
                )
        parts.append(
            f'<text x="{g * slot + slot / 2:.1f}" y="{HEIGHT - AXIS + 16}" '
            f'text-anchor="middle" font-size="11">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)

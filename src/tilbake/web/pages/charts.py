"""Server-rendered SVG line charts of rates (0..1) over periods, for the accuracy dashboard.

No JavaScript and no chart library: a chart is an ``<svg role="img">`` with a ``<title>`` and a
``<desc>``, one polyline and one marked point per known value in each series, and the page puts the
same figures in a table next to it for screen readers and for reading exact values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 40, 16, 40
# distinguishable, and at least 4.5:1 against white
COLOURS = ("#0b5394", "#a61b1b", "#2e6b1f", "#6a3d9a", "#8a4b00", "#005f66", "#444444")


@dataclass(frozen=True)
class Chart:
    """Periods along x, one named series of rates per line; a value is None where nothing was decided."""

    periods: list[str]
    series: dict[str, list[float | None]]

    def rows(self) -> list[tuple[str, list[float | None]]]:
        """The table alternative: one row per period, one column per series (in ``series`` order)."""
        return [(p, [values[i] for values in self.series.values()]) for i, p in enumerate(self.periods)]


def pivot(entries: Iterable[Mapping[str, Any]], period: str, name: str, value: str) -> Chart:
    """Entries such as ``{"day": ..., "suggestion_type": ..., "acceptance_rate": ...}`` as a Chart."""
    entries = list(entries)
    periods = sorted({e[period] for e in entries})
    index = {p: i for i, p in enumerate(periods)}
    series: dict[str, list[float | None]] = {}
    for e in sorted(entries, key=lambda e: e[name]):
        values = series.setdefault(e[name], [None] * len(periods))
        values[index[e[period]]] = e[value]
    return Chart(periods, series)


def _x(i: int, n: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner / 2 if n == 1 else inner * i / (n - 1))


def _y(v: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - v)


def _axes(periods: list[str]) -> list[str]:
    parts = []
    for tick in (0.0, 0.5, 1.0):
        y = _y(tick)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#c8c8c8"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12">'
                     f'{int(tick * 100)} %</text>')
    step = max(1, len(periods) // 6)  # at most ~7 labels so they do not overlap
    for i, p in enumerate(periods):
        if i % step == 0 or i == len(periods) - 1:
            parts.append(f'<text x="{_x(i, len(periods)):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                         f'text-anchor="middle" font-size="12">{escape(p)}</text>')
    return parts


def _line(name: str, values: list[float | None], periods: list[str], colour: str) -> str:
    n = len(periods)
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    points = " ".join(f"{_x(i, n):.1f},{_y(v):.1f}" for i, v in known)
    dots = "".join(f'<circle class="point" cx="{_x(i, n):.1f}" cy="{_y(v):.1f}" r="3.5" fill="{colour}">'
                   f"<title>{escape(name)}, {escape(periods[i])}: {round(v * 100)} %</title></circle>"
                   for i, v in known)
    line = f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>' if known else ""
    return f'<g class="series" data-series="{escape(name)}">{line}{dots}</g>'


def _legend(names: list[str]) -> list[str]:
    parts = []
    for k, name in enumerate(names):
        x, colour = LEFT + 150 * (k % 4), COLOURS[k % len(COLOURS)]
        y = HEIGHT + 8 + 16 * (k // 4)
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="{y}" font-size="12">{escape(name)}</text>')
    return parts


def svg(chart: Chart, chart_id: str, title: str, desc: str) -> Markup:
    """The chart as inline SVG; ``chart_id`` makes the title's and description's ids unique on a page."""
    names = list(chart.series)
    lines = [_line(name, chart.series[name], chart.periods, COLOURS[k % len(COLOURS)])
             for k, name in enumerate(names)]
    height = HEIGHT + 16 + 16 * ((len(names) - 1) // 4)
    body = "".join([*_axes(chart.periods), *lines, *_legend(names)])
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" style="min-width: 34rem" class="chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{body}</svg>")

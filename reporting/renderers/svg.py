"""Charts as SVG, drawn on the server from the same numbers as their tables.

They must read in black and white: every slice has its own grey *and* pattern, a white border,
its percentage next to it and a legend entry with label, count and percentage. Ids inside an SVG
are prefixed with the chart id, because all charts share one HTML document.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from reporting.tables.base import Table

from .formatting import format_decimal, format_value

FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'

# (background grey, pattern drawn on it or None); dark fills get white text in the legend swatch.
FILLS = [
    ("#1a1a1a", None),
    ("#ffffff", "diagonal"),
    ("#8c8c8c", None),
    ("#ffffff", "dots"),
    ("#d0d0d0", None),
    ("#ffffff", "cross"),
    ("#505050", None),
    ("#ffffff", "horizontal"),
    ("#b0b0b0", "diagonal"),
    ("#ffffff", "vertical"),
    ("#e8e8e8", "dots"),
    ("#707070", "horizontal"),
]


@dataclass
class Slice:
    label: str
    value: float


def _attr(text) -> str:
    return escape(str(text), {'"': "&quot;"})


def _pattern(pid: str, background: str, kind: str) -> str:
    shapes = {
        "diagonal": '<path d="M-1 1L1 -1M0 6L6 0M5 7L7 5" stroke="#000" stroke-width="1"/>',
        "dots": '<circle cx="3" cy="3" r="1.1" fill="#000"/>',
        "cross": '<path d="M0 0L6 6M6 0L0 6" stroke="#000" stroke-width="0.7"/>',
        "horizontal": '<path d="M0 3H6" stroke="#000" stroke-width="1"/>',
        "vertical": '<path d="M3 0V6" stroke="#000" stroke-width="1"/>',
    }
    return (
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">'
        f'<rect width="6" height="6" fill="{background}"/>{shapes[kind]}</pattern>'
    )


def _fills(prefix: str, count: int) -> tuple[list[str], str]:
    """Fill references for `count` slices and the <defs> they need."""
    refs, defs = [], []
    for index in range(count):
        background, kind = FILLS[index % len(FILLS)]
        if kind is None:
            refs.append(background)
        else:
            pid = f"{prefix}-p{index}"
            defs.append(_pattern(pid, background, kind))
            refs.append(f"url(#{pid})")
    return refs, f"<defs>{''.join(defs)}</defs>" if defs else ""


def chart_slices(table: Table) -> list[Slice]:
    """The top-level rows with a positive number in the chart column."""
    column = table.chart_column
    slices = []
    for row in table.rows:
        value = row.values.get(column) if column else None
        if row.level == 0 and isinstance(value, int | float) and value > 0:
            slices.append(Slice(str(row.label), float(value)))
    return slices


def _alt(title: str, items: list[Slice]) -> str:
    """The chart's text alternative (a <title>, which a tagged PDF uses as the figure's Alt):
    its title and every number it shows, so a screen-reader user misses nothing."""
    values = "; ".join(
        f"{item.label}: {format_value(int(item.value) if item.value == int(item.value) else item.value)}"
        for item in items
    )
    return f"<title>{_attr(title)}. {_attr(values)}</title>"


def _point(cx, cy, r, angle) -> tuple[float, float]:
    return cx + r * math.sin(angle), cy - r * math.cos(angle)


def pie_chart(chart_id: str, title: str, slices: list[Slice], *, donut: bool = False) -> str:
    """A pie (or donut) with a legend on the right; empty string when there is nothing to draw."""
    slices = [s for s in slices if s.value > 0]
    if not slices:
        return ""
    total = sum(s.value for s in slices)
    refs, defs = _fills(chart_id, len(slices))
    legend_height = 18 * len(slices) + 10
    width, height = 560, max(200, legend_height)
    cx, cy, r = 120, height / 2, 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{_attr(title)}">',
        _alt(title, slices),
        defs,
    ]
    angle = 0.0
    labels = []
    for slice_, fill in zip(slices, refs, strict=True):
        sweep = 2 * math.pi * slice_.value / total
        if len(slices) == 1:
            parts.append(
                f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" stroke="#000" stroke-width="1"/>'
            )
        else:
            x1, y1 = _point(cx, cy, r, angle)
            x2, y2 = _point(cx, cy, r, angle + sweep)
            large = 1 if sweep > math.pi else 0
            parts.append(
                f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" '
                f'fill="{fill}" stroke="#000" stroke-width="0.8"/>'
            )
        share = 100 * slice_.value / total
        if share >= 4:
            lx, ly = _point(cx, cy, r + 11, angle + sweep / 2)
            anchor = "start" if lx > cx + 2 else "end" if lx < cx - 2 else "middle"
            labels.append(
                f'<text x="{lx:.1f}" y="{ly + 3:.1f}" font-size="8" text-anchor="{anchor}" {FONT}>'
                f"{format_decimal(share)}%</text>"
            )
        angle += sweep
    if donut:
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{r * 0.5}" fill="#fff" stroke="#000" stroke-width="0.8"/>'
        )
        parts.append(
            f'<text x="{cx}" y="{cy - 2}" font-size="13" font-weight="bold" text-anchor="middle" {FONT}>'
            f"{format_value(int(total) if total == int(total) else total)}</text>"
            f'<text x="{cx}" y="{cy + 11}" font-size="8" text-anchor="middle" {FONT}>{_attr(_("totaal"))}</text>'
        )
    parts.extend(labels)
    top = (height - legend_height) / 2 + 8
    for index, (slice_, fill) in enumerate(zip(slices, refs, strict=True)):
        y = top + 18 * index
        share = format_decimal(100 * slice_.value / total)
        count = format_value(int(slice_.value) if slice_.value == int(slice_.value) else slice_.value)
        label = slice_.label if len(slice_.label) <= 44 else slice_.label[:42] + "…"
        parts.append(
            f'<rect x="240" y="{y:.1f}" width="12" height="12" fill="{fill}" stroke="#000" stroke-width="0.8"/>'
            f'<text x="258" y="{y + 10:.1f}" font-size="9" {FONT}>{_attr(label)}: {count} ({share}%)</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def axis_ticks(maximum: float, *, whole: bool = True) -> list[float]:
    """Gridline values from 0 to at least `maximum`, at most 6 of them. For counts (`whole`)
    every step is a whole number, so the axis never reads 0 / 0,2 / 0,5 for a count of 1."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in (1, 2, 2.5, 5, 10) if raw <= s * magnitude)
    if whole:
        step = max(1, math.ceil(step))
    count = math.ceil(maximum / step)
    return [step * i for i in range(count + 1)]


def bar_chart(chart_id: str, title: str, bars: list[Slice]) -> str:
    """Vertical bars (e.g. thuiszitters per age) with the value above each bar."""
    if not bars or not any(b.value for b in bars):
        return ""
    width, height = 480, 220
    left, right, top, bottom = 36, 10, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    whole = all(b.value == int(b.value) for b in bars)
    ticks = axis_ticks(max(b.value for b in bars), whole=whole)
    maximum = ticks[-1]
    slot = plot_w / len(bars)
    bar_w = min(36, slot * 0.7)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{_attr(title)}">',
        _alt(title, bars),
    ]
    for value in ticks:
        y = top + plot_h - plot_h * value / maximum
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#bbb" stroke-width="0.5"/>'
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="8" text-anchor="end" {FONT}>'
            f"{format_value(int(value) if value == int(value) else value)}</text>"
        )
    for index, bar in enumerate(bars):
        h = plot_h * bar.value / maximum
        x = left + slot * index + (slot - bar_w) / 2
        y = top + plot_h - h
        if bar.value:
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="#505050"/>'
            )
            value = int(bar.value) if bar.value == int(bar.value) else bar.value
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="8" text-anchor="middle" {FONT}>'
                f"{format_value(value)}</text>"
            )
        label = bar.label if len(bar.label) <= 12 else bar.label[:11] + "…"
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 12:.1f}" font-size="8" text-anchor="middle" {FONT}>'
            f"{_attr(label)}</text>"
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#000" stroke-width="1"/>'
        "</svg>"
    )
    return "".join(parts)


def table_chart(table: Table) -> str:
    """The chart a table asks for, from its own rows; empty string for none."""
    if not table.chart or not table.chart_column:
        return ""
    chart_id = f"c-{table.id}"
    if table.chart == "bar":
        bars = [
            Slice(str(row.label), float(row.values.get(table.chart_column) or 0))
            for row in table.rows
            if row.level == 0
        ]
        return bar_chart(chart_id, table.titel, bars)
    return pie_chart(chart_id, table.titel, chart_slices(table), donut=table.chart == "donut")

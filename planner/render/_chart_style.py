"""Shared look of every figure: fonts, colours, titles, footers, row labels.

Design for a board slide: a title that states the point, direct labels instead of legends where
possible, a colour-blind-safe palette that still separates in greyscale (Okabe-Ito based), and
the sources inside the figure so a screenshot carries them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import plotly.graph_objects as go

from planner.text import SHORT_MILLION, currency_symbol

# The app's own web font first (Streamlit serves it as "Source Sans"), so a chart reads as part
# of the page; the rest for a figure opened outside the app.
FONT = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'

INK = "#1F2933"
MUTED = "#616E7C"
GRID = "#E4E7EB"
BAND_FILL = "#C9D8E8"
BAND_LINE = "#2F5D8A"
OFFER = "#D55E00"  # Okabe-Ito vermillion: stands out from the blues, also in greyscale
# Cost components, dark to light so the stack reads in greyscale (Okabe-Ito based).
COMPONENT_COLOURS = {
    "Salary": "#1B3A5C",
    "Employer on-costs": "#4F7CAC",
    "Bonus": "#9DB9D8",
    "Recruiting": "#E69F00",
}
BUDGET = "#D55E00"

_AXIS = {
    "showgrid": False,
    "gridcolor": GRID,
    "zeroline": False,
    "showline": False,
    "ticks": "",
    "ticklabelstandoff": 6,
    "tickfont": {"color": MUTED, "size": 13},
    "title": {"font": {"color": MUTED, "size": 13}},
}
# Our whole look as one plotly template, so a figure carries it wherever it is drawn: the page
# shows it with Streamlit's theme switched off (ui/charts.py), a figure saved from the CLI or a
# notebook looks the same. Streamlit's theme restyled every figure in the browser on every
# redraw: a third of a changed answer's chart time (bench/results.md).
TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": FONT, "size": 14, "color": INK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": [*COMPONENT_COLOURS.values()],
        # x: layout() leaves room for tick labels below the plot; measuring them instead
        # (automargin) is a second layout pass on every redraw, 20 ms of a changed answer.
        "xaxis": _AXIS,
        # y: labels of any width on the left (tornado rows, money), never cut off; value
        # lines across, none down the bars.
        "yaxis": {**_AXIS, "automargin": True, "showgrid": True},
        "hoverlabel": {
            "bgcolor": "white",
            "bordercolor": GRID,
            "font": {"family": FONT, "size": 14, "color": INK},
        },
        "modebar": {"bgcolor": "rgba(255,255,255,0.8)", "color": MUTED, "activecolor": INK},
    }
)


def money_axis(currency: str) -> dict[str, object]:
    return {
        "tickprefix": currency_symbol(currency),
        "tickformat": "~s",
        "gridcolor": GRID,
        "zeroline": False,
    }


def layout(
    fig: go.Figure, title: str, subtitle: str, footer: str, height: int, tick_lines: int = 1
) -> None:
    """Title, subtitle, footer and margins; keep titles under ~38 characters for phones.

    The x axis does not measure its labels (TEMPLATE), so the bottom margin is set here: room
    for `tick_lines` lines of tick labels (2 for "Q1<br>Jan 2026" or plotly's dates), then the
    footer."""
    subtitle = subtitle if "<br>" in subtitle else wrap(subtitle, 58)
    footer = footer if "<br>" in footer else wrap(footer)
    footer_lines = footer.count("<br>") + 1 if footer else 0
    subtitle_lines = subtitle.count("<br>") + 1
    # Plotly sets lines of text 1.3 em apart: 15 px for the 11 px footer, 18 px for the subtitle.
    ticks = 17 * (tick_lines - 1)
    total_height = height + ticks + 15 * footer_lines + 18 * (subtitle_lines - 1)
    has_legend = any(trace.showlegend is not False for trace in fig.data)
    top = (125 if has_legend else 80) + 18 * (subtitle_lines - 1)
    bottom = 45 + ticks + 15 * footer_lines
    plot_height = total_height - top - bottom
    fig.update_layout(
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 14, "color": MUTED}},
            "x": 0,
            "xanchor": "left",
            "y": 0.97,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 19, "color": INK, "weight": 600},
        },
        template=TEMPLATE,
        height=total_height,
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "xanchor": "left",
            "traceorder": "normal",
            "font": {"size": 13},
        },
    )
    if not footer:
        return
    fig.add_annotation(  # added, not set: figures may carry annotations of their own
        text=footer,
        xref="paper",
        yref="paper",
        x=0,
        y=-(bottom - 4) / plot_height,  # 4 px above the figure's bottom edge
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 11, "color": MUTED},
        align="left",
    )


def wrap(text: str, width: int = 62) -> str:
    """`text` in lines of at most `width` characters, joined by plotly's <br>."""
    # Plotly does not wrap annotations; 62 characters of 11 px text fit a 390 px phone.
    return "<br>".join(wrap_lines(text, width))


def wrap_lines(text: str, width: int = 62) -> list[str]:
    """`text` in lines of at most `width` characters (a longer word keeps its own line)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines


def label_rows(fig: go.Figure, labels: list[str], thickness: float) -> None:
    """Row labels above each bar, left-aligned: the plot keeps the full width on a phone."""
    for i, label in enumerate(labels):
        fig.add_annotation(
            text=label,
            xref="paper",
            x=0,
            yref="y",
            y=i - thickness / 2 - 0.04,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font={"size": 14, "color": INK},
        )
    fig.update_yaxes(
        autorange=False,
        range=[len(labels) - 0.5, -0.5 - 0.35],  # reversed: first row on top, room for label
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        title=None,
    )


# ECharts: the cost chart, which changes with every answer (_charts.py). The same look
# as the plotly figures: the same fonts, sizes, colours and places for title, legend, footer.
ROW_HEIGHT = 70  # px per bar, as the plotly cost chart had
RIGHT_LABEL = {"show": True, "position": "right", "color": INK, "fontSize": 14}


def _text(size: int, color: str = INK, weight: int | str = "normal") -> dict[str, object]:
    return {"fontFamily": FONT, "fontSize": size, "color": color, "fontWeight": weight}


class EChart(NamedTuple):
    """An ECharts option and the height it was laid out for (ECharts has no height of its own)."""

    option: dict[str, Any]
    height: int


@dataclass(frozen=True)
class MoneyUnit:
    """Money in thousands or millions: ECharts' text templates cannot format numbers, so the
    data are scaled and the unit is written around the value ("$" "{value}" "k")."""

    symbol: str
    divisor: float
    suffix: str

    def scaled(self, value: float) -> float:
        return round(value / self.divisor, 1 if self.suffix == "k" else 2)

    def axis(self, top: float) -> dict[str, object]:
        """A value axis from 0 past `top` in 3 to 6 round steps (1, 2, 2.5 or 5 x 10^n), the
        tightest such, labelled."""
        top = max(top / self.divisor, 1.0)  # at least one unit, even for an empty plan
        exponent = math.floor(math.log10(top))
        steps = [m * 10.0**e for e in (exponent - 1, exponent) for m in (1, 2, 2.5, 5)]
        step = min(
            (s for s in steps if 3 <= math.ceil(top / s) <= 6),
            key=lambda s: (math.ceil(top / s) * s, s),
        )
        return {
            "type": "value",
            "min": 0,
            "max": math.ceil(top / step) * step,
            "interval": step,
            "splitLine": {"show": False},
            "axisLine": {"show": False},
            "axisLabel": {
                **_text(13, MUTED),
                "formatter": f"{self.symbol}{{value}}{self.suffix}",
                "showMinLabel": False,  # "$0k": the bars start at the edge
            },
        }


def money_unit(largest: float, currency: str) -> MoneyUnit:
    symbol = currency_symbol(currency)
    if largest >= SHORT_MILLION:  # where short_money() switches too: "$1.30M" on bar and axis
        return MoneyUnit(symbol, 1_000_000, "M")
    return MoneyUnit(symbol, 1_000, "k")


def echart(
    *,
    title: str,
    subtitle: str,
    footer: str,
    legend: list[str],
    rows: list[str],
    x_axis: dict[str, object],
    series: list[dict[str, Any]],
    description: str,
) -> EChart:
    """Horizontal bars, one row per item, laid out as our plotly figures are: title and
    subtitle, legend, each row's label above its bar ("{b|bold part} rest"), the footer with
    the sources at the bottom so a screenshot carries them. Streamlit's own toolbar saves it as
    a 2x PNG, on white. `description` is what a screen reader says (ECharts' own reads out
    every number and our label markup)."""
    footer_lines = wrap_lines(footer)  # plain text: a "<br>" in a source stays as it is
    top = 110
    bottom = 30 + 15 * len(footer_lines)
    height = top + bottom + ROW_HEIGHT * max(1, len(rows)) + 20
    # Legend entries are ~13 px marker + 7.5 px a character + gaps; below that width the
    # legend takes two lines (below half of it, three), so the bars move down.
    legend_width = sum(34 + 7.5 * len(name) for name in legend)
    base = {
        "animation": False,  # a board screenshot never catches a half-drawn bar
        "backgroundColor": "white",  # the PNG is opaque: it works on a dark slide too
        "aria": {"enabled": True, "label": {"description": description}},
        "textStyle": _text(14),
        "title": [
            {
                "text": title,
                "subtext": subtitle,
                "left": 0,
                "top": 0,
                "itemGap": 10,
                "textStyle": _text(19, INK, 600),
                "subtextStyle": _text(14, MUTED),
            },
            {
                "text": "\n".join(footer_lines),
                "left": 0,
                "bottom": 0,
                "textStyle": {**_text(11, MUTED), "lineHeight": 15},
            },
        ],
        "legend": {
            "data": legend,
            "top": 66,
            "left": 0,
            "icon": "rect",
            "itemWidth": 13,
            "itemHeight": 13,
            "selectedMode": False,  # a part clicked away would change the total's meaning
            "textStyle": _text(13),
        },
        "grid": {"left": 6, "right": 60, "top": top, "bottom": bottom},
        "tooltip": {
            "trigger": "item",
            "confine": True,
            "textStyle": _text(13),
            "borderColor": GRID,
        },
        "xAxis": x_axis,
        "yAxis": {
            "type": "category",
            "inverse": True,  # first hire on top
            "data": rows,
            "axisTick": {"show": False},
            "axisLine": {"show": False},
            "axisLabel": {
                **_text(14),
                "inside": True,  # above the bar, from the left edge: full width on a phone
                "margin": 0,
                "verticalAlign": "bottom",
                "padding": [0, 0, ROW_HEIGHT // 2 - 13, 0],
                "rich": {"b": _text(14, INK, 600)},
            },
        },
        "series": series,
    }
    # Later rules win where both match: two legend lines, then three.
    media = [
        {"query": {"maxWidth": legend_width}, "option": {"grid": {"top": top + 22}}},
        {"query": {"maxWidth": legend_width / 2}, "option": {"grid": {"top": top + 44}}},
    ]
    return EChart({"baseOption": base, "media": media}, height)

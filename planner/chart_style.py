"""Shared look of every figure: fonts, colours, titles, footers, row labels.

Design for a board slide: a title that states the point, direct labels instead of legends where
possible, a colour-blind-safe palette that still separates in greyscale (Okabe-Ito based), and
the sources inside the figure so a screenshot carries them.
"""

from __future__ import annotations

import plotly.graph_objects as go

from planner.report import currency_symbol

FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"
INK = "#1F2933"
MUTED = "#616E7C"
GRID = "#E4E7EB"
BAND_FILL = "#C9D8E8"
BAND_LINE = "#2F5D8A"
OFFER = "#D55E00"  # Okabe-Ito vermillion: stands out from the blues, also in greyscale
# Cost components, dark to light so the stack reads in greyscale (Okabe-Ito based).
COMPONENT_COLOURS = {
    "Salary": "#1B3A5C",
    "Benefits": "#4F7CAC",
    "Equity": "#9DB9D8",
    "Recruiting": "#E69F00",
    "Interviews": "#F5D08A",
    "Ramp-up": "#8C8C8C",
    "Empty seat": "#CC79A7",
}
BUDGET = "#D55E00"


def money_axis(currency: str) -> dict[str, object]:
    return {
        "tickprefix": currency_symbol(currency),
        "tickformat": "~s",
        "gridcolor": GRID,
        "zeroline": False,
    }


def layout(fig: go.Figure, title: str, subtitle: str, footer: str, height: int) -> None:
    """Title, subtitle, footer and margins; keep titles under ~38 characters for phones."""
    subtitle = subtitle if "<br>" in subtitle else wrap(subtitle, 58)
    footer = footer if "<br>" in footer else wrap(footer)
    footer_lines = footer.count("<br>") + 1 if footer else 0
    subtitle_lines = subtitle.count("<br>") + 1
    total_height = height + 14 * footer_lines + 16 * (subtitle_lines - 1)
    has_legend = any(trace.showlegend is not False for trace in fig.data)
    top = (125 if has_legend else 80) + 16 * (subtitle_lines - 1)
    bottom = 45 + 14 * footer_lines
    plot_height = total_height - top - bottom
    fig.update_layout(
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 13, "color": MUTED}},
            "x": 0,
            "xanchor": "left",
            "y": 0.97,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 18, "color": INK},
        },
        font={"family": FONT, "size": 13, "color": INK},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=total_height,
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "xanchor": "left",
            "traceorder": "normal",
            "font": {"size": 12},
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
        font={"size": 10, "color": MUTED},
        align="left",
    )


def wrap(text: str, width: int = 62) -> str:
    # Plotly does not wrap annotations; 62 characters of 10 px text fit a 390 px phone.
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


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
            font={"size": 13, "color": INK},
        )
    fig.update_yaxes(
        autorange=False,
        range=[len(labels) - 0.5, -0.5 - 0.35],  # reversed: first row on top, room for label
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        title=None,
    )

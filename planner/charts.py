"""Plotly figures from a plan. No streamlit here: the same figures go to exports later.

Design for a board slide: a title that states the point, direct labels instead of legends where
possible, a colour-blind-safe palette that still separates in greyscale, and the sources inside
the figure so a screenshot carries them.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from planner.bandtable import SHIPPED
from planner.costs import salary_at
from planner.models import LOCATION_TITLE, Band, Level, Plan
from planner.report import currency_symbol, short_cite, short_money
from planner.rules import ARCHETYPE_TITLE

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
    "Recruiting": "#E69F00",
    "Interviews": "#B8C4D0",
}


def _money_axis(currency: str) -> dict[str, object]:
    return {
        "tickprefix": currency_symbol(currency),
        "tickformat": "~s",
        "gridcolor": GRID,
        "zeroline": False,
    }


def _layout(fig: go.Figure, title: str, subtitle: str, footer: str, height: int) -> None:
    footer_lines = footer.count("<br>") + 1
    total_height = height + 14 * footer_lines
    has_legend = any(trace.showlegend is not False for trace in fig.data)
    top, bottom = (125 if has_legend else 80), 45 + 14 * footer_lines
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
        annotations=[
            {
                "text": footer,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -(bottom - 4) / plot_height,  # 4 px above the figure's bottom edge
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 10, "color": MUTED},
                "align": "left",
            }
        ],
    )


def _wrap(text: str, width: int = 62) -> str:
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


def _label_rows(fig: go.Figure, labels: list[str], thickness: float) -> None:
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


def market_band_figure(plan: Plan) -> go.Figure:
    """Per archetype in the plan: P10-P90 whiskers, P25-P75 box, median line, offer marked."""
    fig = go.Figure()
    cur = plan.cost.currency
    pct = plan.cost.pay_percentile
    bands = sorted(
        plan.bands,
        key=lambda b: (list(ARCHETYPE_TITLE).index(b.archetype), list(Level).index(b.level)),
    )
    offers = [salary_at(b, pct) for b in bands]
    rows = list(range(len(bands)))
    thickness = 0.42
    fig.add_trace(
        go.Box(
            y=rows,
            q1=[b.p25 for b in bands],
            median=[b.p50 for b in bands],
            q3=[b.p75 for b in bands],
            lowerfence=[b.p10 for b in bands],
            upperfence=[b.p90 for b in bands],
            orientation="h",
            name="Market band",
            showlegend=False,
            width=thickness,
            fillcolor=BAND_FILL,
            line={"color": BAND_LINE, "width": 2},
            whiskerwidth=0.6,
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=offers,
            y=rows,
            mode="markers",
            marker={
                "symbol": "diamond",
                "size": 14,
                "color": OFFER,
                "line": {"width": 1.5, "color": "white"},
            },
            name=f"Planned offer (P{pct})",
            showlegend=False,
            hovertemplate="Offer %{x:,.0f}<extra></extra>",
        )
    )
    footer = _wrap(market_footer(plan, bands))
    _layout(
        fig,
        "Planned offers against the market",
        f"◆ offer (P{pct}) · box P25–P75 · whiskers P10–P90{_origin(bands)}",
        footer,
        height=150 + 85 * max(1, len(bands)),
    )
    _label_rows(
        fig,
        [
            f"<b>{ARCHETYPE_TITLE[b.archetype]}</b> · {b.level.value}  offer {short_money(o, cur)}"
            for b, o in zip(bands, offers, strict=True)
        ],
        thickness,
    )
    fig.update_xaxes(**_money_axis(cur), title=None)
    return fig


def _origin(bands: Sequence[Band]) -> str:
    """' · your data (file.csv)' when any band came from an upload, else nothing."""
    uploads = sorted({b.origin for b in bands} - {SHIPPED})
    return f" · your data ({', '.join(uploads)})" if uploads else ""


def market_footer(plan: Plan, bands: Sequence[Band]) -> str:
    """One paragraph: what the bands are, where they come from, how they were adjusted."""
    cur = plan.cost.currency
    series = "; ".join(sorted({short_cite(b.source) for b in bands}))
    premiums = sorted(
        {
            f"{b.ml_premium:.1%} AI/ML premium ({short_cite(b.ml_premium_source)})"
            for b in bands
            if b.ml_premium_source
        }
    )
    lifted = f", plus {'; '.join(premiums)}" if premiums else ""
    fx = sorted({b.fx_note.split(" (")[0] for b in bands if b.fx_note})
    converted = f"; {'; '.join(fx)} (FX: see About the data)" if fx else ""
    where = LOCATION_TITLE[plan.answers.location]
    return f"Base salary, {cur}/yr, {where}. {series}{lifted}{converted}."


def cost_breakdown_figure(plan: Plan) -> go.Figure:
    """First-year cost per hire as a stacked bar: base, benefits, recruiting, interviewer time."""
    cur = plan.cost.currency
    lines = plan.cost.lines
    rows = list(range(len(lines)))
    thickness = 0.45
    parts = {
        "Salary": [ln.base for ln in lines],
        "Benefits": [ln.benefits for ln in lines],
        "Recruiting": [ln.recruiting for ln in lines],
        "Interviews": [ln.interviewing for ln in lines],
    }
    fig = go.Figure()
    for name, values in parts.items():
        fig.add_trace(
            go.Bar(
                x=values,
                y=rows,
                orientation="h",
                width=thickness,
                name=name,
                marker={"color": COMPONENT_COLOURS[name]},
                hovertemplate=f"{name}: %{{x:,.0f}}<extra></extra>",
            )
        )
    totals = [ln.total for ln in lines]
    fig.add_trace(
        go.Scatter(
            x=totals,
            y=rows,
            mode="text",
            text=[f"  {short_money(t, cur)}" for t in totals],
            textposition="middle right",
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    sources = "; ".join(dict.fromkeys(short_cite(s) for s in plan.cost.sources))
    _layout(
        fig,
        f"First-year cost: {short_money(plan.cost.first_year_total, cur)} for "
        f"{len(lines)} hire{'s' if len(lines) != 1 else ''}",
        "Per hire, in hiring order, first 12 months",
        _wrap(f"{cur}. Sources: {sources}. Details under the chart and on About the data."),
        height=170 + 70 * max(1, len(lines)),
    )
    _label_rows(
        fig,
        [f"<b>#{ln.order} {ARCHETYPE_TITLE[ln.archetype]}</b> · {ln.level.value}" for ln in lines],
        thickness,
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(**_money_axis(cur), title=None, range=[0, max(totals, default=1) * 1.2])
    return fig

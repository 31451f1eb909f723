"""Charts of the market and of each hire's cost. No streamlit: exports reuse them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from planner.costing import salary_at
from planner.market import SHIPPED
from planner.models import LOCATION_TITLE, Band, Level, Plan, count
from planner.render._chart_style import (
    BAND_FILL,
    BAND_LINE,
    COMPONENT_COLOURS,
    OFFER,
    RIGHT_LABEL,
    EChart,
    echart,
    label_rows,
    layout,
    money_axis,
    money_unit,
    wrap,
)
from planner.stage import ARCHETYPE_TITLE
from planner.text import (
    MAX_SHORT_CITE,
    html_text,
    money,
    one_line,
    pay_words,
    short_cite,
    short_money,
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
    footer = wrap(market_footer(plan, bands))
    layout(
        fig,
        "Planned offers against the market",
        f"◆ offer (P{pct}) · box P25–P75 · whiskers P10–P90{_origin(bands)}",
        footer,
        height=150 + 85 * max(1, len(bands)),
    )
    label_rows(
        fig,
        [
            f"<b>{ARCHETYPE_TITLE[b.archetype]}</b> · {b.level.value}  offer {short_money(o, cur)}"
            for b, o in zip(bands, offers, strict=True)
        ],
        thickness,
    )
    # Up to seven ticks: left to itself, plotly shows two in the narrow slide column.
    fig.update_xaxes(**money_axis(cur), title=None, nticks=7)
    return fig


def _origin(bands: Sequence[Band]) -> str:
    """' · your data (file.csv)' when any band came from an upload, else nothing. The file
    name is the user's: escaped for plotly's HTML-like labels."""
    uploads = sorted({html_text(b.origin, MAX_SHORT_CITE) for b in bands} - {SHIPPED})
    return f" · your data ({', '.join(uploads)})" if uploads else ""


def market_footer(plan: Plan, bands: Sequence[Band]) -> str:
    """One paragraph: what the bands are, where they come from, how they were adjusted. For
    plotly: a band's source may be an upload's cell, so every source is escaped (html_text)."""
    cur = plan.cost.currency
    series = "; ".join(sorted({html_text(short_cite(b.source), MAX_SHORT_CITE) for b in bands}))
    premiums = sorted(
        {
            f"{b.ml_premium:.1%} AI/ML premium "
            f"({html_text(short_cite(b.ml_premium_source), MAX_SHORT_CITE)})"
            for b in bands
            if b.ml_premium_source
        }
    )
    lifted = f", plus {'; '.join(premiums)}" if premiums else ""
    fx = sorted({b.fx_note.split(" (")[0] for b in bands if b.fx_note})
    converted = f"; {'; '.join(fx)} (FX: see About the data)" if fx else ""
    where = LOCATION_TITLE[plan.answers.location]
    return f"Base salary, {cur}/yr, {where}. {series}{lifted}{converted}."


def cost_breakdown_chart(plan: Plan) -> EChart:
    """Cash per hire in the plan's first 12 months as a stacked bar (salary, employer
    on-costs, bonus, recruiting fee), total at the end, in hiring order; an ECharts option.
    The cost of the search is not cash and is not in this chart.

    ECharts, not plotly: this chart changes with every answer, and the browser updates an
    ECharts canvas in place where it rebuilds a plotly figure (bench/results.md).
    """
    cur, lines = plan.cost.currency, plan.cost.lines
    parts = {
        "Salary": [ln.base * ln.paid_share for ln in lines],
        "Employer on-costs": [ln.benefits * ln.paid_share for ln in lines],
        "Bonus": [ln.bonus * ln.paid_share for ln in lines],
        "Recruiting": [ln.fee_12m for ln in lines],
    }
    totals = [ln.cash_12m for ln in lines]
    longest = max(totals, default=0)
    unit = money_unit(longest, cur)
    # "#1 Model researcher": row labels, tooltips and the description all name hires so.
    # Tooltips are HTML templates: only our own archetype titles and numbers go in them.
    who = [f"#{ln.order} {ARCHETYPE_TITLE[ln.archetype]}" for ln in lines]
    series: list[dict[str, Any]] = [
        {
            "type": "bar",
            "name": name,
            "stack": "cost",
            "barWidth": "45%",
            "itemStyle": {"color": COMPONENT_COLOURS[name]},
            "data": [
                {  # whose part it is, exactly: "#1 Model researcher / Salary: $184,937"
                    "value": unit.scaled(v),
                    "tooltip": {"formatter": f"{hire}<br/>{name}: {money(v, cur)}"},
                }
                for hire, v in zip(who, values, strict=True)
            ],
        }
        for name, values in parts.items()
        if any(values)  # the bonus, until the user sets it
    ]
    series.append(  # the total at the end of each bar: a bar of nothing with a label
        {
            "type": "bar",
            "name": "Total",
            "stack": "cost",
            "silent": True,
            "tooltip": {"show": False},
            "data": [
                {"value": 0, "label": {**RIGHT_LABEL, "formatter": short_money(t, cur)}}
                for t in totals
            ],
        }
    )
    # ECharts draws this footer as plain canvas text (no rich-text styles on it): cut, not
    # escaped. A band's source may be an upload's cell.
    sources = "; ".join(
        dict.fromkeys(one_line(short_cite(s), MAX_SHORT_CITE) for s in plan.cost.sources)
    )
    title = (
        f"Cash in the first 12 months: {short_money(plan.cost.first_year_total, cur)} "
        f"for {count(len(lines), 'hire')}"
    )
    footer = f"{cur}. Sources: {sources}. Details under the chart and on About the data."
    each = "; ".join(
        f"{hire}, {ln.level.value}: {short_money(ln.cash_12m, cur)}"
        for hire, ln in zip(who, lines, strict=True)
    )
    return echart(
        title=title,
        subtitle=f"Per hire, in hiring order: {pay_words(plan.cost)} from the first day, and "
        "the recruiting fee",
        footer=footer,
        legend=[str(x["name"]) for x in series[:-1]],
        rows=[f"{{b|{hire}}} · {ln.level.value}" for hire, ln in zip(who, lines, strict=True)],
        x_axis=unit.axis(longest * 1.15),
        series=series,
        description=f"Bar chart. {title}, first 12 months: {each}. {footer}",
    )

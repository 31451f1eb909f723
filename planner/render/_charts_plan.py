"""Plotly figures of the plan over time: uncertainty, the quarter plan, and what moves the cost."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import plotly.graph_objects as go

from planner.costing import YEAR_QUARTERS
from planner.models import Plan, count
from planner.render._chart_style import (
    BAND_FILL,
    BAND_LINE,
    BUDGET,
    INK,
    MUTED,
    OFFER,
    layout,
    money_axis,
)
from planner.text import pay_words, short_money

HISTOGRAM_BINS = 40
LEGEND_ABOVE = 45  # px layout() keeps above the plot for a legend row


def _histogram(values: np.ndarray, bins: int = HISTOGRAM_BINS) -> tuple[np.ndarray, np.ndarray]:
    counts, edges = np.histogram(values, bins=bins)
    return (edges[:-1] + edges[1:]) / 2, counts / max(1, counts.sum())


def _marker_lines(fig: go.Figure, marks: list[tuple[float, str]], top: float) -> None:
    for x, text in marks:
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=top, line={"color": OFFER, "width": 2})
        fig.add_annotation(
            x=x,
            y=top,
            text=text,
            showarrow=False,
            yanchor="bottom",
            font={"color": OFFER, "size": 13},
        )


def _distribution(
    x: object,
    share: np.ndarray,
    hover: str,
    marks: list[tuple[float, str]],
    titles: tuple[str, str, str],
    tick_lines: int = 1,
) -> go.Figure:
    """A histogram of simulated futures with P50 and P90 marked, titled for a slide."""
    fig = go.Figure(
        go.Bar(
            x=x,
            y=share,
            hovertemplate=hover,
            showlegend=False,
            marker={"color": BAND_FILL, "line": {"color": BAND_LINE, "width": 0.5}},
        )
    )
    top = float(share.max()) * 1.05
    _marker_lines(fig, marks, top)
    layout(fig, *titles, height=330, tick_lines=tick_lines)
    fig.update_yaxes(tickformat=".0%", gridcolor="#E4E7EB", range=[0, top * 1.15])
    return fig


def cost_outlook_figure(plan: Plan) -> go.Figure:
    """Distribution of the plan's 12-month cash over the simulated futures, P50 and P90."""
    assert plan.outlook is not None
    o, cur = plan.outlook, plan.cost.currency
    x, share = _histogram(np.array(o.cost_samples))
    fig = _distribution(
        x,
        share,
        "%{x:,.0f}: %{y:.1%} of futures<extra></extra>",
        [
            (o.cost_p50, f"P50 {short_money(o.cost_p50, cur)}"),
            (o.cost_p90, f"P90 {short_money(o.cost_p90, cur)}"),
        ],
        (
            f"Cash in the first 12 months: {short_money(o.cost_p50, cur)} (P50)",
            f"P90 {short_money(o.cost_p90, cur)} · {o.trials:,} simulated futures (seed {o.seed}) "
            "varying offers, the AI/ML premium, search times and mis-hires",
            "Share of futures per cost bucket. Assumptions: About the data and the Plan page.",
        ),
    )
    fig.update_xaxes(**money_axis(cur))
    return fig


def team_date_figure(plan: Plan, start: date) -> go.Figure:
    """Distribution of the day the whole mix is in place, P50 and P90 as dates."""
    assert plan.outlook is not None
    o = plan.outlook
    days, share = _histogram(np.array(o.days_samples))
    fig = _distribution(
        [start + timedelta(days=float(d)) for d in days],
        share,
        "%{x|%d %b %Y}: %{y:.1%} of futures<extra></extra>",
        [
            (_ms(start + timedelta(days=o.days_p50)), f"P50 {o.date_p50:%d %b %Y}"),
            (_ms(start + timedelta(days=o.days_p90)), f"P90 {o.date_p90:%d %b %Y}"),
        ],
        (
            f"Team in place by {o.date_p50:%b %Y} (P50)",
            f"P90 {o.date_p90:%b %Y} · first day of the last hire, {o.trials:,} simulated futures",
            "Search times: Workable engineering time to fill (2017) with our spread; "
            "see About the data.",
        ),
        tick_lines=2,  # plotly may write dates as "Feb 15<br>2026"
    )
    fig.update_xaxes(gridcolor="#E4E7EB")
    return fig


def _ms(d: date) -> float:
    """Plotly date axes take milliseconds since the epoch for shapes."""
    return (d - date(1970, 1, 1)).total_seconds() * 1000


def quarter_figure(plan: Plan) -> go.Figure:
    """Cash spent per quarter (bars), cumulative (line) and the budget (dashed)."""
    assert plan.quarters is not None
    q, cur = plan.quarters, plan.cost.currency
    labels = [x.label.replace(" · ", "<br>") for x in q.quarters]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=[x.spend for x in q.quarters],
            name="Spend in the quarter",
            marker={"color": BAND_FILL, "line": {"color": BAND_LINE, "width": 1}},
            text=[_starts(x.starts) for x in q.quarters],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": INK},
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=[x.cumulative for x in q.quarters],
            name="Cumulative",
            mode="lines+markers",
            line={"color": BAND_LINE, "width": 3},
            hovertemplate="%{x}: %{y:,.0f} so far<extra></extra>",
        )
    )
    if q.budget is not None:
        year = labels[:YEAR_QUARTERS]  # the budget is for the first 12 months only
        fig.add_trace(
            go.Scatter(
                x=year,
                y=[q.budget] * len(year),
                name="Budget, first 12 months",
                mode="lines",
                line={"color": BUDGET, "width": 2, "dash": "dash"},
                hovertemplate="Budget %{y:,.0f}<extra></extra>",
            )
        )
    fits = (
        ""
        if q.budget is None
        else f" · budget covers {q.funded} of {count(len(plan.hires), 'hire')}"
    )
    over = (
        ""
        if len(labels) == YEAR_QUARTERS
        else f" · {short_money(q.quarters[-1].cumulative, cur)} over "
        f"{count(len(labels), 'quarter')}"
    )
    layout(
        fig,
        f"Cash in the first 12 months: {short_money(plan.cost.first_year_total, cur)}",
        f"Hires land in the recommended order{fits}{over}",
        f"{pay_words(plan.cost).capitalize()} from each first day; the recruiting fee when the "
        "offer is accepted.",
        height=360,
        tick_lines=2,  # "Q1<br>Jan 2026"
    )
    fig.update_yaxes(**money_axis(cur))
    fig.update_xaxes(tickangle=0)
    return fig


def _starts(orders: tuple[int, ...]) -> str:
    return ("starts " + ", ".join(f"#{n}" for n in orders)) if orders else ""


def tornado_figure(plan: Plan) -> go.Figure:
    """Which assumptions move the 12-month cash most: low and high, around today's total."""
    cur, base = plan.cost.currency, plan.cost.first_year_total
    rows = list(reversed(plan.sensitivity))  # biggest at the top
    labels = [r.assumption for r in rows]
    fig = go.Figure()
    for word, colour, totals, texts in (
        ("low", BAND_LINE, [r.low_total for r in rows], [r.low_label for r in rows]),
        ("high", OFFER, [r.high_total for r in rows], [r.high_label for r in rows]),
    ):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=[t - base for t in totals],
                base=[base] * len(rows),
                orientation="h",
                name="Assumption lower" if word == "low" else "Assumption higher",
                marker={"color": colour},
                text=texts,
                textposition="outside",
                textfont={"color": MUTED},
                hovertemplate=f"%{{y}} at its {word} value: %{{x:,.0f}} vs today<extra></extra>",
            )
        )
    top = rows[-1] if rows else None
    layout(
        fig,
        f"Biggest cost driver: {top.assumption.lower()}" if top else "What moves the cost",
        "12-month cash when one assumption moves 20% (pay: 15 points; AI/ML premium: its "
        "published range) and the rest stay; "
        f"today {short_money(base, cur)}",
        "",
        height=160 + 42 * max(1, len(rows)),
    )
    fig.update_layout(barmode="overlay", margin={"l": 10})
    ends = [base] + [t for r in rows for t in (r.low_total, r.high_total)]
    pad = (max(ends) - min(ends)) * 0.35 or base * 0.05  # room for the value labels
    fig.update_xaxes(**money_axis(cur), range=[min(ends) - pad, max(ends) + pad])
    fig.update_yaxes(automargin=True)
    return fig


def jd_share_figure(
    share: dict[str, float], jobs: int, asked: tuple[str, ...] | list[str] | None = None
) -> go.Figure:
    """How a job description splits across the four kinds of work; the jobs asked stand out.

    `asked` names the kinds the checker counts as jobs; without it, 20% or more counts.
    """
    kinds = {
        "researcher": "Research",
        "developer": "Development",
        "operator": "Operations",
        "data_engineering": "Data engineering",
    }
    names = list(kinds)
    values = [share.get(n, 0.0) for n in names]
    chosen = set(asked) if asked is not None else {n for n in names if share.get(n, 0.0) >= 0.2}
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[kinds[n] + (" (a job)" if n in chosen else "") for n in names],
            orientation="h",
            marker={"color": [BAND_LINE if n in chosen else BAND_FILL for n in names]},
            text=[f"{v:.0%}" for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.0%} of the classified lines<extra></extra>",
            showlegend=False,
        )
    )
    layout(
        fig,
        f"This posting asks for {count(jobs, 'job')}",
        "Share of the classified lines per kind of work (dense lines count more); dark bars are "
        "the kinds asked for as a job",
        "Lexicon, rules and thresholds: data/jd_lexicon.toml.",
        height=300,
    )
    fig.update_xaxes(tickformat=".0%", range=[0, 1.15], gridcolor="#E4E7EB")
    fig.update_yaxes(autorange="reversed")
    return fig


def compare_figure(plans: dict[str, Plan]) -> go.Figure:
    """Cumulative cash per quarter for 2-4 scenarios, overlaid (same currency assumed), and
    each scenario's budget for the first 12 months as a dashed line in its colour (one line
    when they share it).

    The keys are the legend's labels, plotly HTML already: a scenario's name is the user's,
    so the caller escapes it (planner.text.html_text). The hover text names the trace by
    reference, so a name is never read as a hover template ("%{y}")."""
    fig = go.Figure()
    dashes = ["solid", "dash", "dot", "dashdot"]
    colours = [BAND_LINE, OFFER, "#009E73", "#CC79A7"]  # Okabe-Ito: distinct in colour and dash
    shown = {name: plan.quarters for name, plan in plans.items() if plan.quarters is not None}
    currency = next(iter(plans.values())).cost.currency if plans else "USD"
    longest = max(shown.values(), key=lambda q: len(q.quarters), default=None)
    same_calendar = len({(q.start, q.fiscal_start_month) for q in shown.values()}) <= 1
    # The same quarters in every scenario: name them; else only their order is shared.
    axis = [
        x.label.replace(" · ", "<br>") if same_calendar else f"Quarter {x.index}"
        for x in (longest.quarters if longest else ())
    ]
    budgets = {q.budget for q in shown.values()}
    for i, (name, q) in enumerate(shown.items()):
        colour = colours[i % 4]
        fig.add_trace(
            go.Scatter(
                x=axis[: len(q.quarters)],
                y=[x.cumulative for x in q.quarters],
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": 3, "dash": dashes[i % 4]},
                hovertemplate="%{fullData.name}: %{y:,.0f}<extra></extra>",
            )
        )
        if q.budget is not None and (len(budgets) > 1 or i == 0):
            shared = len(budgets) == 1
            year = axis[:YEAR_QUARTERS]  # the budget is for the first 12 months only
            fig.add_trace(
                go.Scatter(
                    x=year,
                    y=[q.budget] * len(year),
                    name="Budget, first 12 months" if shared else f"Budget: {name}",
                    mode="lines",
                    # Shared: ink grey, not a scenario's colour (the second one is BUDGET's orange).
                    line={"color": INK if shared else colour, "width": 2, "dash": "longdash"},
                    opacity=1 if shared else 0.7,
                    # One legend line per scenario; its own budget is labelled on the chart.
                    showlegend=shared,
                    hovertemplate="%{fullData.name}: %{y:,.0f}<extra></extra>",
                )
            )
            if not shared:
                fig.add_annotation(
                    x=year[-1], y=q.budget, text=f"budget · {name}", showarrow=False,
                    xanchor="right", yanchor="bottom", font={"size": 11, "color": colour},
                )  # fmt: skip
    tick_lines = 2 if same_calendar else 1
    layout(
        fig,
        "Cash over time, scenario by scenario",
        "Cumulative spend per quarter; dashed: the budget for the first 12 months",
        "Each scenario uses its own answers and assumptions.",
        height=380,
        tick_lines=tick_lines,
    )
    _legend_below(fig, sum(1 for t in fig.data if t.showlegend is not False), tick_lines)
    fig.update_yaxes(**money_axis(currency))
    fig.update_xaxes(tickangle=0)
    return fig


LEGEND_ROW = 21  # px per line of a 13 px legend


def _legend_below(fig: go.Figure, rows: int, tick_lines: int) -> None:
    """The legend one name a line under the plot, above the footer: scenario names side by
    side wrap over the subtitle on a phone, and a list has the same height at any width.
    The plot keeps its height: the room layout() left above it for a legend moves below."""
    margin, height = fig.layout.margin, int(fig.layout.height)
    plot = height - margin.t - margin.b
    room = LEGEND_ROW * rows + 8
    bottom = margin.b + room
    fig.update_layout(
        height=height + room - LEGEND_ABOVE,
        margin={"t": margin.t - LEGEND_ABOVE, "b": bottom},
        legend={
            "orientation": "v",
            "yref": "paper",
            "y": -(45 + 17 * (tick_lines - 1)) / plot,  # under the tick labels
            "yanchor": "top",
        },
    )
    if fig.layout.annotations:  # layout()'s footer, the last annotation: to the bottom edge
        fig.layout.annotations[-1].y = -(bottom - 4) / plot

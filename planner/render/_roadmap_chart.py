"""The roadmap as figures: reqs from opening to in place over the milestones, the team
underneath; and cash per quarter against the budget's 12-month periods.

The x axis counts quarters from the roadmap's start (0 = the first day of Q1); a day after the
start is at day / DAYS_PER_QUARTER, the rule planner.roadmap.quarter_of uses.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from planner.costing import DAYS_PER_QUARTER, YEAR_QUARTERS
from planner.models import LOCATION_TITLE, Archetype, count
from planner.render._chart_style import BUDGET, GRID, INK, MUTED, layout, money_axis
from planner.roadmap import Milestone, Roadmap, RoadmapReq, parse_milestone
from planner.stage import ARCHETYPE_TITLE
from planner.text import short_cite, short_money

# Okabe-Ito blue, bluish green, orange: apart in colour and in greyscale; lighter for P50-P90.
ARCHETYPE_COLOUR = {
    Archetype.RESEARCHER: "#0072B2",
    Archetype.DEVELOPER: "#009E73",
    Archetype.OPERATOR: "#E69F00",
}
LATER_OPACITY = 0.35
ROW_PX = 44  # per req: its label above, its bar
TEAM_PX = 190
GAP_PX = 64  # between reqs and team: the team's key, two lines
MILESTONE = "#5A5A5A"
# Above the first req, a strip for the milestones' labels: three staggered lines of them.
STRIP_TOP, STRIP_LINES, STRIP_LINE_PX = -1.9, 3, 15


def _ticks(roadmap: Roadmap) -> dict[str, object]:
    """Quarter names under the middle of each quarter, the year only where it changes
    ("Q1<br>2027", "Q2", …): twelve of them fit a phone's width."""
    text, year = [], ""
    for q in roadmap.quarters:
        name, _, rest = q.label.split(" · ")[0].partition(" ")
        text.append(f"{name}<br>{rest}" if rest and rest != year else name)
        year = rest or year
    return {
        "tickmode": "array",
        "tickvals": [q.quarter - 0.5 for q in roadmap.quarters],
        "ticktext": text,
        "range": [0, len(roadmap.quarters)],
        "tickangle": 0,
    }


def in_place_x(req: RoadmapReq) -> tuple[float, float]:
    """Where a req's P50 and P90 in place are drawn. On time, P50 is the first day of the
    quarter it is due (the roadmap opens it for that); otherwise only the quarter is known,
    and the middle of it stands for it, as for P90."""
    due = req.need_quarter + req.delayed_quarters
    p50 = req.in_place_quarter_p50 - (1.0 if req.in_place_quarter_p50 == due else 0.5)
    return p50, max(p50, req.in_place_quarter_p90 - 0.5)


def req_label(i: int, req: RoadmapReq) -> str:
    what = f"{req.level.value.capitalize()} {ARCHETYPE_TITLE[req.archetype].lower()}"
    return f"{i} · {what}{' backfill' if req.backfill else ''} · {LOCATION_TITLE[req.location]}"


def milestone_words(m: Milestone) -> list[str]:
    """A milestone's changes in a few words each: "1 live model", "repeatable data"."""
    words = []
    if m.data_maturity is not None:
        words.append(f"{m.data_maturity.value.replace('_', '-')} data")
    if m.problem_validation is not None:
        words.append(f"problem {m.problem_validation.value}")
    if m.live_models is not None:
        words.append(count(m.live_models, "live model"))
    if m.products is not None:
        words.append(count(m.products, "product"))
    if m.regions is not None:
        words.append(count(m.regions, "region"))
    return words


def _add_reqs(fig: go.Figure, roadmap: Roadmap) -> None:
    horizon = len(roadmap.quarters)
    for i, req in enumerate(roadmap.reqs):
        start = req.open_day / DAYS_PER_QUARTER
        p50, p90 = in_place_x(req)
        colour = ARCHETYPE_COLOUR[req.archetype]
        hover = (
            f"{req_label(i + 1, req)}<br>opens Q{req.open_quarter}, in place "
            f"Q{req.in_place_quarter_p50} (P50), Q{req.in_place_quarter_p90} (P90)<br>"
            f"needed from Q{req.need_quarter}<extra></extra>"
        )
        for (lo, hi), opacity in (((start, p50), 1.0), ((p50, p90), LATER_OPACITY)):
            lo, hi = min(lo, horizon), min(hi, horizon)  # past the horizon: cut at its end
            if hi <= lo:
                continue
            fig.add_trace(
                go.Bar(
                    x=[hi - lo], base=[lo], y=[i], orientation="h", width=0.42,
                    marker={"color": colour, "opacity": opacity, "line": {"width": 0}},
                    showlegend=False, hovertemplate=hover,
                ),
                row=1, col=1,
            )  # fmt: skip
        if p90 > horizon:
            fig.add_annotation(
                x=horizon, y=i, xref="x", yref="y", text=f"→ Q{req.in_place_quarter_p90}",
                showarrow=False, xanchor="right", font={"size": 12, "color": INK},
            )  # fmt: skip
        fig.add_annotation(
            text=req_label(i + 1, req), xref="x domain", x=0, yref="y", y=i - 0.25,
            xanchor="left", yanchor="bottom", showarrow=False, font={"size": 13, "color": INK},
        )  # fmt: skip
    if roadmap.reqs:
        fig.add_trace(
            go.Scatter(
                x=[r.need_quarter - 1 for r in roadmap.reqs], y=list(range(len(roadmap.reqs))),
                mode="markers", showlegend=False, hoverinfo="skip",
                marker={"symbol": "line-ns", "size": 16, "line": {"width": 2, "color": INK}},
            ),
            row=1, col=1,
        )  # fmt: skip
    else:
        fig.add_annotation(
            text="No reqs: the team you have covers every quarter", xref="x domain", x=0,
            yref="y", y=0, xanchor="left", showarrow=False, font={"color": MUTED},
        )  # fmt: skip
    rows = max(1, len(roadmap.reqs))
    fig.update_yaxes(
        range=[rows - 0.5, STRIP_TOP], showticklabels=False, showgrid=False, zeroline=False,
        row=1, col=1,
    )  # fmt: skip


def _add_team(fig: go.Figure, roadmap: Roadmap) -> None:
    x = [q.quarter - 0.5 for q in roadmap.quarters]
    for a in Archetype:
        fig.add_trace(
            go.Bar(
                x=x, y=[q.team.get(a, 0) for q in roadmap.quarters], width=0.7,
                name=ARCHETYPE_TITLE[a], showlegend=False,
                marker={"color": ARCHETYPE_COLOUR[a]},
                hovertemplate=f"{ARCHETYPE_TITLE[a]}s in place: %{{y}}<extra></extra>",
            ),
            row=2, col=1,
        )  # fmt: skip
    needed = [sum(q.needed.values()) for q in roadmap.quarters]
    fig.add_trace(
        go.Scatter(
            x=[q.quarter - 1 for q in roadmap.quarters] + [len(roadmap.quarters)],
            y=[*needed, needed[-1]], mode="lines", line_shape="hv", showlegend=False,
            line={"color": INK, "width": 2, "dash": "dot"},
            hovertemplate="the stage needs %{y}<extra></extra>",
        ),
        row=2, col=1,
    )  # fmt: skip
    top = max([*needed, *(sum(q.team.values()) for q in roadmap.quarters), 1])
    fig.update_yaxes(
        tickformat="d", rangemode="tozero", dtick=1 if top <= 6 else None,
        range=[0, top * 1.1], row=2, col=1,
    )  # fmt: skip
    # The key, as a line of coloured words over the bars: no legend to fit on a phone.
    key = " ".join(
        f'<span style="color:{ARCHETYPE_COLOUR[a]}">■</span> {a.value}s' for a in Archetype
    )
    fig.add_annotation(
        text=f"<b>People in place (P50)</b><br>{key}  ┈ the stage needs", xref="x domain", x=0,
        yref="y2 domain", y=1, yanchor="bottom", xanchor="left", yshift=4, showarrow=False,
        font={"size": 13, "color": INK}, align="left",
    )  # fmt: skip


def _add_milestones(fig: go.Figure, roadmap: Roadmap) -> list[str]:
    """A dashed line where each milestone takes effect, labelled with its first change in the
    strip above the reqs; milestones close together take the strip's lines in turn."""
    texts, last_x, line = [], -9.0, -1
    for q in roadmap.quarters:
        for text in q.milestones:
            m = parse_milestone(text, len(roadmap.quarters))
            words = milestone_words(m)
            texts.append(f"{q.label.split(' · ')[0]}: {', '.join(words)}")
            x = m.quarter - 1
            fig.add_shape(
                type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                line={"color": MILESTONE, "width": 1.5, "dash": "dash"},
            )  # fmt: skip
            line = (line + 1) % STRIP_LINES if x - last_x < 3 else 0
            last_x = x
            more = f" +{len(words) - 1}" if len(words) > 1 else ""
            fig.add_annotation(
                text=f"{words[0]}{more}", x=x, xref="x", y=STRIP_TOP, yref="y",
                yanchor="top", xanchor="left", xshift=3, yshift=-STRIP_LINE_PX * line,
                showarrow=False, font={"size": 12, "color": MILESTONE},
            )  # fmt: skip
    return texts


def roadmap_figure(roadmap: Roadmap) -> go.Figure:
    """Reqs as bars from opening to in place (P50 solid, on to P90 lighter), milestones as
    dashed lines, and the people in place per quarter underneath."""
    reqs_px = round(ROW_PX * (max(1, len(roadmap.reqs)) - STRIP_TOP))
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[reqs_px, TEAM_PX],
        vertical_spacing=GAP_PX / (reqs_px + TEAM_PX + GAP_PX),
    )  # fmt: skip
    _add_reqs(fig, roadmap)
    _add_team(fig, roadmap)
    milestones = _add_milestones(fig, roadmap)
    last = roadmap.quarters[-1]
    team = sum(last.team.values())
    backfills = sum(r.backfill for r in roadmap.reqs)
    title = f"{count(len(roadmap.reqs), 'req')}: a team of {team} by {last.label.split(' · ')[0]}"
    said = f"Milestones: {'; '.join(milestones)}. " if milestones else ""
    layout(
        fig,
        title,
        "Each req from opening to in place: P50 solid, to P90 lighter; a tick where it is "
        "needed; dashed lines: milestones"
        + (f"; {count(backfills, 'backfill')} for attrition" if backfills else ""),
        f"{said}In place = offer, notice and ramp-up done (time to fill: Workable, 2017; notice "
        f"by country, see About the data). Attrition {roadmap.attrition:.0%} a year "
        f"({short_cite(roadmap.attrition_source)}).",
        height=80 + 45 + GAP_PX + reqs_px + TEAM_PX,
        tick_lines=2,
    )
    fig.update_layout(barmode="stack", bargap=0.2, hovermode="closest", showlegend=False)
    fig.update_xaxes(**_ticks(roadmap), showgrid=False)
    fig.update_xaxes(showticklabels=False, row=1, col=1)
    # Quarter boundaries as the grid: ticks in the middle, lines at the edges.
    for k in range(1, len(roadmap.quarters)):
        fig.add_vline(x=k, line={"color": GRID, "width": 1}, layer="below")
    return fig


def roadmap_cash_figure(roadmap: Roadmap) -> go.Figure:
    """Cash per quarter (after slips), P90 as a whisker, and within each 12-month period the
    cash so far against that period's budget."""
    cur, quarters = roadmap.currency.value, roadmap.quarters
    x = [q.quarter - 0.5 for q in quarters]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=x, y=[q.spend for q in quarters], width=0.6, name="Cash in the quarter",
            marker={"color": "#9DB9D8", "line": {"color": "#2F5D8A", "width": 1}},
            error_y={
                "type": "data", "symmetric": False, "color": MUTED,
                "array": [max(0.0, q.spend_p90 - q.spend) for q in quarters],
                "arrayminus": [0.0] * len(quarters),
            },
            hovertemplate="%{y:,.0f} in the quarter<extra></extra>",
        )
    )  # fmt: skip
    so_far: list[float | None] = []
    xs: list[float | None] = []
    for q in quarters:
        first = (q.quarter - 1) // YEAR_QUARTERS * YEAR_QUARTERS
        if q.quarter > 1 and q.quarter - 1 == first:  # a new 12 months: the line starts again
            so_far.append(None)
            xs.append(None)
        so_far.append(sum(p.spend for p in quarters[first : q.quarter]))
        xs.append(q.quarter - 0.5)
    fig.add_trace(
        go.Scatter(
            x=xs, y=so_far, mode="lines+markers", name="So far in its 12 months",
            line={"color": "#1B3A5C", "width": 2.5},
            hovertemplate="%{y:,.0f} so far in these 12 months<extra></extra>",
        )
    )  # fmt: skip
    budget = roadmap.budget
    if budget.amount is not None:
        for i, y in enumerate(budget.years):
            fig.add_trace(
                go.Scatter(
                    x=[y.first_quarter - 1, y.last_quarter], y=[budget.amount] * 2,
                    mode="lines", name="Budget per 12 months", showlegend=i == 0,
                    line={"color": BUDGET, "width": 2, "dash": "dash"},
                    hovertemplate="budget %{y:,.0f}<extra></extra>",
                )
            )  # fmt: skip
    total = sum(q.spend for q in quarters)
    fits = ""
    if budget.amount is not None:
        fits = " · within budget" if budget.fits else f" · {count(len(budget.slips), 'req')} slip"
    layout(
        fig,
        f"Cash over {count(len(quarters), 'quarter')}: {short_money(total, cur)}",
        f"Bars: cash in each quarter, whisker to P90 ({roadmap.trials:,} simulated futures); "
        f"line: cash so far in each 12-month period{fits}",
        "Salary, employer on-costs and any bonus from each first day; the recruiting fee when "
        "the offer is accepted (as on the Plan page).",
        height=380,
        tick_lines=2,
    )
    fig.update_xaxes(**_ticks(roadmap))
    fig.update_yaxes(**money_axis(cur), rangemode="tozero")
    return fig

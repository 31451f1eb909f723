"""Presentation view: the plan as one 16:9 board slide.

It leads with the decision and its cost, gives the next likely failure as the reason, shows the
hires against the market and across the quarters, and names its sources in one line. The
totals are the plan's own (plan.cost.first_year_total, as on every other view); the simulated
figures say they are simulated. The slide fills the browser window (a 1920x1080 or 1280x720
screen shared to a meeting): _FRAME_CSS sizes it to the window, since Streamlit sizes
elements in pixels only; the way out sits below it, outside the frame.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from planner import Plan
from planner.models import LOCATION_TITLE, count
from planner.render import market_band_figure, milestone_words, quarter_figure, roadmap_figure
from planner.roadmap import Roadmap, plan_years
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import MAX_SHORT_CITE, md_line, short_cite, short_money
from ui.charts import chart_config, figure
from ui.state import set_presenting

MAX_SLIDE_SOURCES = 4  # publishers named on the slide; About the data lists every one
SLIDE_KEY = "slide"  # its container's class is "st-key-slide"
# Our own constant CSS, no user text. The page frame's top padding shrinks to the header's
# height, the slide is the window's height less that, and its charts row takes what the
# headline, figures and source line leave. Applied only while the slide is on the page.
_FRAME_CSS = """
[data-testid="stMainBlockContainer"]:has(.st-key-slide) {
  padding-top: 3.75rem !important; padding-bottom: 1rem !important;
}
.st-key-slide {
  height: calc(100vh - 4.75rem) !important; flex: none !important; flex-direction: column;
}
.st-key-slide div:has(> .st-key-slide_charts) { flex: 1 1 0 !important; min-height: 0; }
.st-key-slide_charts { height: 100% !important; }
.st-key-slide_charts [data-testid="stLayoutWrapper"],
.st-key-slide_charts [data-testid="stHorizontalBlock"],
.st-key-slide_charts [data-testid="stColumn"],
.st-key-slide_charts [data-testid="stColumn"] > div { height: 100% !important; }
.st-key-slide_charts .stElementContainer:has(.stPlotlyChart) {
  flex: 1 1 0 !important; min-height: 0; height: 100%;
}
.st-key-slide_charts [data-testid="stFullScreenFrame"]:has(.stPlotlyChart),
.st-key-slide_charts .stPlotlyChart { height: 100% !important; }
.st-key-slide h1 {
  font-size: clamp(1.5rem, 2.3vw, 3rem) !important; line-height: 1.15; padding-top: 0 !important;
}
.st-key-slide [data-testid="stMarkdownContainer"] p { font-size: clamp(0.9rem, 1.05vw, 1.3rem); }
.st-key-slide [data-testid="stMetricValue"] p {
  font-size: clamp(1.3rem, 1.9vw, 2.5rem) !important; font-weight: 600;
}
.st-key-slide [data-testid="stMetricLabel"] p {
  font-size: clamp(0.8rem, 0.9vw, 1.1rem) !important;
}
"""
_frame = st.components.v2.component("planner_slide_frame", css=_FRAME_CSS, isolate_styles=False)


def hires_phrase(plan: Plan) -> str:
    """The hires in order, as a sentence: "Hire a model developer, then 2 model operators"."""
    runs: list[tuple[str, int]] = []
    for line in plan.cost.lines:
        title = ARCHETYPE_TITLE[line.archetype].lower()
        if runs and runs[-1][0] == title:
            runs[-1] = (title, runs[-1][1] + 1)
        else:
            runs.append((title, 1))
    parts = [f"a {title}" if n == 1 else count(n, title) for title, n in runs]
    return "Hire " + ", then ".join(parts)


def decision(plan: Plan) -> str:
    """The slide's headline: what to do and what it costs in cash over the next 12 months."""
    if not plan.hires:
        return "No new hires: the team already covers this stage"
    cash = short_money(plan.cost.first_year_total, plan.cost.currency)
    return f"{hires_phrase(plan)} — {cash} cash in the next 12 months"


def source_line(plan: Plan) -> str:
    """The slide's sources in one line: the first few publishers (the market data's come
    first) and how many more are listed under About the data."""
    # A band's source may be an upload's cell: escaped (md_line) and cut.
    names = list(dict.fromkeys(md_line(short_cite(s), MAX_SHORT_CITE) for s in plan.cost.sources))
    more = len(names) - MAX_SLIDE_SOURCES
    rest = f" and {more} more" if more > 0 else ""
    return f"Sources: {'; '.join(names[:MAX_SLIDE_SOURCES])}{rest}, all under About the data."


def _on_slide(fig: go.Figure) -> go.Figure:
    """A copy of a page figure for the slide, whose height follows the window. The page's
    figures place their footer as a fraction of their own fixed height; here it is pinned in
    pixels to the bottom edge instead (4 px above it, as on the page)."""
    fig = go.Figure(fig)
    bottom = fig.layout.margin.b or 0
    for note in fig.layout.annotations:
        if note.yref == "paper" and (note.y or 0) < 0:
            note.update(y=0, yanchor="bottom", yshift=-(bottom - 4))
    fig.update_traces(textangle=0, selector={"type": "bar"})  # labels stay level when narrow
    return fig


def _market_figure(plan: Plan) -> go.Figure:
    return _on_slide(market_band_figure(plan))


def _quarter_figure(plan: Plan) -> go.Figure:
    return _on_slide(quarter_figure(plan))


def _figures(plan: Plan) -> None:
    """The plan's totals, the same ones as every other view, then the simulated spread."""
    cur, o = plan.cost.currency, plan.outlook
    cells = [
        ("Cash, next 12 months", short_money(plan.cost.first_year_total, cur)),
        ("Cash a year once hired", short_money(plan.cost.run_rate, cur)),
    ]
    if o is not None and plan.hires:
        cells += [
            ("Simulated cash, 12 months: P50 / P90", f"{short_money(o.cost_p50, cur)} / "
             f"{short_money(o.cost_p90, cur)}"),
            ("Simulated: whole team in place (P50)", f"{o.date_p50:%b %Y}"),
        ]  # fmt: skip
    for label, value in cells:
        st.metric(label, value)


def _hires(plan: Plan) -> None:
    cur = plan.cost.currency
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Hire": f"{ln.order}. {ARCHETYPE_TITLE[ln.archetype]}, {ln.level.value}",
                    "Cash, 12 months": short_money(ln.cash_12m, cur),
                }
                for ln in plan.cost.lines
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={"Cash, 12 months": st.column_config.TextColumn(alignment="right")},
    )


def show_presentation(plan: Plan) -> None:
    """The slide, filling the window."""
    d = plan.diagnosis
    _frame(key="slide_frame")
    with st.container(key=SLIDE_KEY, gap="small"):
        st.title(decision(plan), anchor=False)
        st.markdown(
            f"**Why: the next likely failure is {FAILURE_TITLE[d.next_failure].lower()}.** "
            f"{md_line(FAILURE_SUMMARY[d.next_failure])} "
            f"Market: {md_line(LOCATION_TITLE[plan.answers.location])}."
        )
        with st.container(key="slide_charts"):
            if plan.hires:
                left, middle, right = st.columns([1.15, 1.3, 1.3], gap="large")
                with left:
                    _hires(plan)
                    _figures(plan)
                    if plan.warnings:
                        st.caption(md_line(plan.warnings[0]))
                for where, build, key, name in (
                    (middle, _market_figure, "present.market", "ml-hires-vs-market"),
                    (right, _quarter_figure, "present.quarters", "ml-hiring-quarter-plan"),
                ):
                    where.plotly_chart(
                        figure(build, plan),
                        width="stretch",
                        height="stretch",
                        config=chart_config(name),
                        theme=None,
                        key=key,
                    )
            else:
                _figures(plan)
        st.caption(source_line(plan))


def exit_presentation() -> None:
    """The way back, below the slide: outside the frame a screen share shows."""
    st.button(
        "Exit presentation",
        key="plan.present_off",
        icon=":material/close:",
        type="tertiary",
        on_click=set_presenting,
        args=(False,),
    )


def roadmap_decision(roadmap: Roadmap) -> str:
    """The roadmap slide's headline: how many reqs, over how long, and the cash."""
    total = roadmap.quarters[-1].cumulative_spend if roadmap.quarters else 0.0
    n = len(roadmap.quarters)
    return (
        f"Open {count(len(roadmap.reqs), 'req')} over {count(n, 'quarter')} — "
        f"{short_money(total, roadmap.currency)} cash"
    )


def roadmap_reason(roadmap: Roadmap) -> str:
    """Why, as the stage unfolds: the failure now, and each change with the quarter and the
    milestone that brings it."""
    first, *rest = roadmap.quarters
    parts = [f"{FAILURE_TITLE[first.next_failure].lower()} now"]
    for q in rest:
        if q.failure_changed:
            words = [
                w for m in roadmap.request.milestones if m.quarter == q.quarter
                for w in milestone_words(m)
            ]  # fmt: skip
            why = f" ({', '.join(words)})" if words else ""
            parts.append(f"{FAILURE_TITLE[q.next_failure].lower()} from Q{q.quarter}{why}")
    return "**Why: the next likely failure is " + "; then ".join(parts) + ".**"


def _roadmap_figure(roadmap: Roadmap) -> go.Figure:
    return _on_slide(roadmap_figure(roadmap))


def _roadmap_reqs(roadmap: Roadmap) -> None:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Req": f"{i}. {ARCHETYPE_TITLE[r.archetype]}, {r.level.value}"
                    + (" (backfill)" if r.backfill else ""),
                    "Opens": f"Q{r.open_quarter}",
                    "In place": f"Q{r.in_place_quarter_p50} (P90 Q{r.in_place_quarter_p90})",
                }
                for i, r in enumerate(roadmap.reqs, 1)
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def show_roadmap_presentation(roadmap: Roadmap, sources: str) -> None:
    """The roadmap as one slide, filling the window: the reqs on the roadmap chart, the list
    of reqs beside it, and the cash per 12 months against the budget."""
    _frame(key="slide_frame")
    with st.container(key=SLIDE_KEY, gap="small"):
        st.title(roadmap_decision(roadmap), anchor=False)
        st.markdown(roadmap_reason(roadmap))
        with st.container(key="slide_charts"):
            left, right = st.columns([2.2, 1], gap="large")
            left.plotly_chart(
                figure(_roadmap_figure, roadmap),
                width="stretch",
                height="stretch",
                config=chart_config("ml-headcount-roadmap"),
                theme=None,
                key="present.roadmap",
            )
            with right:
                _roadmap_reqs(roadmap)
                cur, b = roadmap.currency, roadmap.budget
                for start, end in plan_years(len(roadmap.quarters)):
                    cash = sum(q.spend for q in roadmap.quarters[start:end])
                    st.metric(f"Cash, Q{start + 1}–Q{end}", short_money(cash, cur))
                if b.amount is not None:
                    st.caption(
                        f"Budget {short_money(b.amount, cur)} per 12 months: "
                        + ("every req fits." if b.fits else f"{count(len(b.slips), 'req')} slip.")
                    )
        st.caption(sources)

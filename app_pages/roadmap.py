"""Roadmap: today's answers plus milestones -> the stage per quarter, reqs timed to the
failures they guard, the team over time, cash against the budget, and what slips."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from planner.models import LOCATION_TITLE, Archetype, Location, Source, count
from planner.questions import ANSWER_BOUNDS
from planner.render import (
    roadmap_cash_figure,
    roadmap_csv,
    roadmap_figure,
    roadmap_pptx,
    roadmap_workbook,
)
from planner.roadmap import (
    MAX_QUARTERS,
    Milestone,
    Roadmap,
    RoadmapInput,
    roadmap_sources,
    roadmap_to_dict,
)
from planner.scenarios import (
    ATTRITION_BOUND,
    MIN_LINK_QUARTERS,
    is_roadmap_key,
    make_roadmap_link,
)
from planner.stage import ARCHETYPE_TITLE, FAILURE_TITLE
from planner.text import md_line, money, short_cite
from ui.charts import show_chart
from ui.data import active_table, shipped_data
from ui.present import exit_presentation, show_roadmap_presentation
from ui.roadmap_state import (
    ATTRITION,
    BUDGET,
    EDITED,
    EDITOR,
    IGNORED,
    PLAN,
    QUARTERS,
    ROWS,
    hire_in,
    hire_key,
    init_roadmap_state,
    milestones_from_rows,
    roadmap_for,
    save_roadmap_state,
)
from ui.state import current_inputs, presenting, set_presenting

shipped, shipped_assumptions, shipped_fx = shipped_data()
answers, assumptions, notice, fx = current_inputs(shipped_assumptions, shipped_fx)
default_rate = assumptions.attrition_rate.value
init_roadmap_state(st.query_params.to_dict(), default_rate)
today = date.today()


def _roadmap(
    horizon: int, rate_shown: float, budget_given: float | None, milestones: tuple[Milestone, ...]
) -> Roadmap:
    """The roadmap of today's answers and the page's inputs (as the inputs show them)."""
    rate = ATTRITION_BOUND.model(rate_shown)
    budget = answers.budget if budget_given is None else float(budget_given)
    request = RoadmapInput(
        answers=answers.model_copy(update={"budget": budget}),
        milestones=milestones,
        quarters=horizon,
        attrition=None if rate == default_rate else rate,
        hire_in=hire_in(),
    )
    return roadmap_for(request, active_table(shipped), assumptions, fx, today)


if presenting():  # the slide, from the inputs as last left (their widgets are not drawn)
    shown_horizon = int(st.session_state[QUARTERS])
    kept, _ = milestones_from_rows(st.session_state[EDITED].to_dict("records"), shown_horizon)
    slide = _roadmap(shown_horizon, st.session_state[ATTRITION], st.session_state[BUDGET], kept)
    show_roadmap_presentation(
        slide,
        f"Attrition {slide.attrition:.0%} a year ({md_line(short_cite(slide.attrition_source))}); "
        "salary bands, employer on-costs and time to hire: the Plan page's sources, all under "
        "About the data.",
    )
    exit_presentation()
    st.stop()

st.title("Roadmap", anchor=False)
st.button(
    "Presentation view",
    key="roadmap.present_on",
    icon=":material/slideshow:",
    on_click=set_presenting,
    args=(True,),
    help="The roadmap as one 16:9 board slide. Its address opens it as a slide too.",
)
st.caption(
    "The headcount plan quarter by quarter: from your answers on the Plan page, as the "
    "milestones below change them. Change today's answers there."
)
if ignored := st.session_state.get(IGNORED):
    st.info(md_line("Some link parameters were ignored: " + "; ".join(ignored), 2000))
if notice:
    st.warning(notice)

table_col, settings_col = st.columns([3, 2], gap="large")
with settings_col:
    horizon = st.slider(
        "Horizon (quarters)", MIN_LINK_QUARTERS, MAX_QUARTERS, key=QUARTERS,
        help="How many quarters the roadmap covers, from the next quarter's first day.",
    )  # fmt: skip
    rate_shown = st.number_input(
        "Attrition a year (%)", float(ATTRITION_BOUND.low), float(ATTRITION_BOUND.high),
        step=float(ATTRITION_BOUND.step), format=ATTRITION_BOUND.format, key=ATTRITION,
        help=f"Share of the team that leaves in a year; default {default_rate:.0%} "
        f"({short_cite(assumptions.attrition_rate.as_source())}).",
    )  # fmt: skip
    bound = ANSWER_BOUNDS["budget"]
    budget_given = st.number_input(
        "Budget per 12 months", float(bound.low), float(bound.high), step=float(bound.step),
        format=bound.format,
        key=BUDGET, placeholder=(
            "none" if answers.budget is None else f"the plan's, {money(answers.budget, '')}"
        ),
        help="Cash for each 12 months of the roadmap (Q1–Q4, Q5–Q8, Q9–Q12), in "
        f"{answers.display_currency.value}. Empty: the Plan page's budget.",
    )  # fmt: skip
    with st.expander("Where each archetype is hired"):
        for a in Archetype:
            st.selectbox(
                ARCHETYPE_TITLE[a] + "s", [PLAN, *(loc.value for loc in Location)],
                key=hire_key(a),
                format_func=lambda v: (
                    f"As the plan: {LOCATION_TITLE[answers.location]}"
                    if v == PLAN else LOCATION_TITLE[Location(v)]
                ),
            )  # fmt: skip

with table_col:
    st.subheader("Milestones", anchor=False)
    st.caption(
        "From the quarter on, the answers change as given; an empty cell leaves that answer as "
        "it is. Quarter 1 is the roadmap's first."
    )
    live, scale = ANSWER_BOUNDS["live_models"], ANSWER_BOUNDS["products"]
    regions = ANSWER_BOUNDS["regions"]
    edited = st.data_editor(
        st.session_state[ROWS],
        key=EDITOR,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "quarter": st.column_config.NumberColumn(
                "Quarter",
                min_value=1,
                max_value=MAX_QUARTERS,
                step=1,
                format="Q%d",
                help=f"1 to the horizon ({horizon})",
            ),
            "data_maturity": st.column_config.SelectboxColumn(
                "Data", options=["ad_hoc", "repeatable", "platform"]
            ),
            "problem": st.column_config.SelectboxColumn(
                "Problem", options=["exploring", "validated", "proven"]
            ),
            "live_models": st.column_config.NumberColumn(
                "Live models", min_value=int(live.low), max_value=int(live.high), step=1
            ),
            "products": st.column_config.NumberColumn(
                "Products", min_value=int(scale.low), max_value=int(scale.high), step=1
            ),
            "regions": st.column_config.NumberColumn(
                "Regions", min_value=int(regions.low), max_value=int(regions.high), step=1
            ),
        },
    )
    milestones, problems = milestones_from_rows(edited.to_dict("records"), horizon)
    for problem in problems:
        st.error(md_line(problem, 400), icon=":material/error:")

roadmap = _roadmap(horizon, rate_shown, budget_given, milestones)


def stage_rows(r: Roadmap) -> pd.DataFrame:
    rows = []
    for q in r.quarters:
        if q.milestones:
            moved = "milestone " + ", ".join(q.milestones)
            moved += "" if q.failure_changed or q.quarter == 1 else " (stage unchanged)"
        elif q.quarter == 1:
            moved = "today's answers"
        else:
            moved = "the team hired so far" if q.failure_changed else ""
        rows.append(
            {
                "#": f"Q{q.quarter}",
                "Quarter": q.label,
                "Next likely failure": FAILURE_TITLE[q.next_failure],
                "What moves it": moved,
            }
        )
    return pd.DataFrame(rows)


def req_rows(r: Roadmap) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "#": i,
                "Req": ARCHETYPE_TITLE[req.archetype] + (" (backfill)" if req.backfill else ""),
                "Level": req.level.value,
                "Hired in": LOCATION_TITLE[req.location],
                "Opens": f"Q{req.open_quarter}",
                "In place P50": f"Q{req.in_place_quarter_p50}",
                "In place P90": f"Q{req.in_place_quarter_p90}",
                "Needed from": f"Q{req.need_quarter}",
                "Why": req.reason,
            }
            for i, req in enumerate(r.reqs, 1)
        ],
        columns=["#", "Req", "Level", "Hired in", "Opens", "In place P50", "In place P90",
                 "Needed from", "Why"],
    )  # fmt: skip


def team_rows(r: Roadmap) -> pd.DataFrame:
    rows = []
    for q in r.quarters:
        row: dict[str, object] = {"#": f"Q{q.quarter}"}
        for a in Archetype:
            row[ARCHETYPE_TITLE[a] + "s"] = f"{q.team.get(a, 0)} (needs {q.needed.get(a, 0)})"
        row["Expected leavers so far"] = sum(q.leavers.values())
        row["Surplus"] = (
            ", ".join(count(n, ARCHETYPE_TITLE[a].lower()) for a, n in q.surplus.items() if n > 0)
            or "none"
        )
        rows.append(row)
    return pd.DataFrame(rows)


def cash_rows(r: Roadmap) -> pd.DataFrame:
    cur = r.currency.value
    return pd.DataFrame(
        [
            {
                "#": f"Q{q.quarter}",
                "Quarter": q.label,
                "Cash": money(q.spend, cur),
                "P50": money(q.spend_p50, cur),
                "P90": money(q.spend_p90, cur),
                "So far": money(q.cumulative_spend, cur),
            }
            for q in r.quarters
        ]
    )


cur = roadmap.currency.value
st.subheader("The roadmap", anchor=False)
reqs, backfills = len(roadmap.reqs), sum(r.backfill for r in roadmap.reqs)
c1, c2, c3 = st.columns(3)
c1.metric("Reqs to open", reqs, help=f"{count(backfills, 'backfill')} for attrition")
c2.metric(
    f"Cash over {count(horizon, 'quarter')}", money(roadmap.quarters[-1].cumulative_spend, cur)
)
b = roadmap.budget
verdict = "fits" if b.fits else f"{count(len(b.slips), 'req')} slip"
c3.metric("Budget", "none given" if b.amount is None else verdict)
show_chart(roadmap_figure, roadmap, key="roadmap.chart", filename="ml-headcount-roadmap")

st.subheader("Stage by quarter", anchor=False)
st.dataframe(stage_rows(roadmap), hide_index=True, width="stretch", key="roadmap.stage")

st.subheader("Reqs, in hiring order", anchor=False)
st.caption(
    "In place = offer accepted, notice served, ramp-up done. Each opens so that its hire is in "
    "place (P50) when the failure it guards arrives; a backfill opens when its leaver resigns."
)
if roadmap.reqs:
    st.dataframe(req_rows(roadmap), hide_index=True, width="stretch", key="roadmap.reqs")
else:
    st.success("No reqs: the team you have covers every quarter.")

st.subheader("Team over time", anchor=False)
st.caption(
    f"People in place (P50), and how many the stage needs; a surplus is more people than the "
    f"stage needs and one to cover the role. Attrition {roadmap.attrition:.0%} a "
    f"year ({md_line(short_cite(roadmap.attrition_source))}); expected leavers are counted in "
    "whole people per archetype, so a small team may show none within the horizon (two "
    "developers at 10% a year leave 0.4 people in two years)."
)
st.dataframe(team_rows(roadmap), hide_index=True, width="stretch", key="roadmap.team")

st.subheader("Cash against the budget", anchor=False)
show_chart(roadmap_cash_figure, roadmap, key="roadmap.cash_chart", filename="ml-roadmap-cash")
st.dataframe(cash_rows(roadmap), hide_index=True, width="stretch", key="roadmap.cash")
if b.amount is not None:
    for y in b.years:
        verdict = "within budget" if y.within else "over budget"
        st.caption(
            f"Q{y.first_quarter}–Q{y.last_quarter}: needs {money(y.needed_spend, cur)}, "
            f"spends {money(y.spend, cur)} against {money(b.amount, cur)} ({verdict})."
        )
    if b.slips:
        st.warning(
            "What slips to fit the budget:\n\n"
            + "\n".join(f"- {md_line(s.text, 400)}" for s in b.slips)
        )
    else:
        st.success("The budget covers every req when it is needed.")
for note in roadmap.notes:
    st.info(md_line(note, 400))

st.subheader("Download", anchor=False)
table = active_table(shipped)


def _sources() -> list[Source]:
    return roadmap_sources(roadmap, table, assumptions, fx)


# Every file is built only when its button is clicked, not on each rerun (the slides and the
# workbook price a plan for their sources: about a second).
EXPORTS: tuple[tuple[str, Callable[[], str | bytes], str, str], ...] = (
    ("Workbook (.xlsx)", lambda: roadmap_workbook(roadmap, _sources()), "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("Slides (.pptx)", lambda: roadmap_pptx(roadmap, _sources()), "pptx",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("Roadmap (JSON)",
     lambda: json.dumps(roadmap_to_dict(roadmap), indent=2, ensure_ascii=False), "json",
     "application/json"),
    ("Quarters (CSV)", lambda: roadmap_csv(roadmap), "csv", "text/csv"),
)  # fmt: skip
for column, (label, build, ext, mime) in zip(st.columns(len(EXPORTS)), EXPORTS, strict=True):
    column.download_button(
        label, build, file_name=f"roadmap.{ext}", mime=mime, key=f"roadmap.export.{ext}",
        on_click="ignore", width="stretch",
    )  # fmt: skip

save_roadmap_state(edited)
# The address carries the roadmap's own inputs beside whatever else it holds (the plan's).
link = make_roadmap_link(
    milestones, horizon, roadmap.request.attrition, budget_given, roadmap.request.hire_in
)
current = st.query_params.to_dict()
if {k: v for k, v in current.items() if is_roadmap_key(k)} != link:
    st.query_params.from_dict({k: v for k, v in current.items() if not is_roadmap_key(k)} | link)

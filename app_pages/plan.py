"""Plan page: stage questions -> next likely failure -> mix -> cost against the market."""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner import Plan
from planner.models import count
from planner.text import md_line
from ui._st167_address import defer_address
from ui.data import active_table, plan_for, shipped_data
from ui.outlook import show_comparison, show_drivers, show_outlook, show_quarters
from ui.present import exit_presentation, show_presentation
from ui.questionnaire import ask_costs, ask_market, ask_scale, ask_stage, ask_team
from ui.results import show_cost, show_diagnosis, show_exports, show_market, show_mix
from ui.state import (
    Inputs,
    changed_assumptions,
    current_inputs,
    init_state,
    saved_link,
    search,
    set_presenting,
)

MAX_NOTES = 10  # ignored link parameters named in the notice; a link may carry thousands
SECTIONS = ("Cost", "Market pay", "How sure", "All-in-one req", "Quarter plan", "Cost drivers")

shipped, shipped_assumptions, shipped_fx = shipped_data()
init_state(st.query_params.to_dict(), shipped_assumptions, shipped_fx)


def current_plan(inputs: Inputs) -> tuple[Plan, date]:
    """The plan for these inputs and the day it starts."""
    answers, assumptions, _, fx = inputs
    today = date.today()
    return plan_for(answers, active_table(shipped), assumptions, fx, today), today


def ignored_notice(notes: list[str]) -> str:
    """The link's ignored parameters as plain text (each note quotes the visitor's key or
    value: escaped, never Markdown), the first MAX_NOTES named and the rest counted."""
    named = "; ".join(md_line(note) for note in notes[:MAX_NOTES])
    more = f"; and {count(len(notes) - MAX_NOTES, 'other')}" if len(notes) > MAX_NOTES else ""
    return f"Some link parameters were ignored: {named}{more}."


@st.fragment
def show_section(plan: Plan, notice: str | None, today: date) -> None:
    """One results section at a time (one chart, mostly); switching reruns only this part."""
    section = st.radio(
        "Show", list(SECTIONS), horizontal=True, key="plan.section", label_visibility="collapsed"
    )
    if section == "Cost":
        show_cost(plan, notice)
    elif section == "Market pay":
        show_market(plan)
    elif section == "How sure":
        show_outlook(plan, today)
    elif section == "All-in-one req":
        show_comparison(plan)
    elif section == "Quarter plan":
        show_quarters(plan)
    elif section == "Cost drivers":
        show_drivers(plan)


@st.fragment
def plan_page() -> None:
    """Questions and results. A changed answer reruns this fragment only: the header above
    it is not sent again, and closed question groups send one element each."""
    # Widget values are in session state before the widgets are drawn: read them once.
    inputs = current_inputs(shipped_assumptions, shipped_fx)
    answers = inputs.answers
    questions, results = st.columns([2, 3], gap="large")
    with questions:
        ask_stage()
        ask_scale(answers)
        ask_team(answers)
        ask_market(answers)
        ask_costs(answers)
        if changed := changed_assumptions(shipped_assumptions, shipped_fx):
            st.caption(f"Costs use your values for {'; '.join(changed)}.")
        st.page_link(
            "app_pages/assumptions.py",
            label="Edit assumptions",
            icon=":material/tune:",
            help="Every cost and time assumption, with its default and source.",
        )
    plan, today = current_plan(inputs)
    with results:
        show_diagnosis(plan)
        show_mix(plan)
        show_section(plan, inputs.notice, today)
        show_exports(plan, changed)
    # An answer reruns only this fragment: its link reaches the address after the paint.
    defer_address(search(saved_link(shipped_assumptions, shipped_fx)))


# Switching the view is a full run (the page links come and go); an answer reruns plan_page.
if st.session_state.get("plan.present"):
    show_presentation(current_plan(current_inputs(shipped_assumptions, shipped_fx))[0])
    exit_presentation()
    if ignored := st.session_state.get("plan.ignored"):  # below the slide, with the way out
        st.info(ignored_notice(ignored))
else:
    st.title("ML Team-Mix Planner", anchor=False)
    st.caption("Which machine-learning people to hire next, in what order, and what it will cost.")
    st.button(
        "Presentation view",
        key="plan.present_on",
        icon=":material/slideshow:",
        on_click=set_presenting,
        args=(True,),
        help="The plan as one 16:9 board slide. Its address opens it as a slide too.",
    )
    if ignored := st.session_state.get("plan.ignored"):
        st.info(ignored_notice(ignored))
    plan_page()

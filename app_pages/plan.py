"""Plan page: stage questions -> next likely failure -> mix -> cost against the market."""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner import make_plan
from planner.query import answers_to_query
from ui.data import active_table, shipped_data
from ui.outlook import show_comparison, show_drivers, show_outlook, show_quarters
from ui.questionnaire import (
    ask_costs,
    ask_market,
    ask_stage,
    ask_team,
    current_answers,
    current_assumptions,
    current_fx,
    init_state,
    save_state,
)
from ui.results import show_cost, show_diagnosis, show_exports, show_mix

shipped, shipped_assumptions, shipped_fx = shipped_data()
init_state(st.query_params.to_dict(), shipped_assumptions, shipped_fx)

st.title("ML Team-Mix Planner", anchor=False)
st.caption("Which machine-learning people to hire next, in what order, and what it will cost.")
if ignored := st.session_state.get("plan.ignored"):
    st.info("Some link parameters were ignored: " + "; ".join(ignored) + ".")

questions, results = st.columns([2, 3], gap="large")
with questions:
    st.subheader("Your stage", anchor=False)
    ask_stage()
    ask_team()
    ask_market()
    answers = current_answers()
    ask_costs(answers.display_currency.value)

answers = current_answers()
assumptions, notice = current_assumptions(shipped_assumptions)
today = date.today()
plan = make_plan(answers, active_table(shipped), assumptions, current_fx(shipped_fx), start=today)
st.query_params.from_dict(answers_to_query(answers))
save_state()

with results:
    show_diagnosis(plan)
    show_mix(plan)
    show_cost(plan, notice)
    show_outlook(plan, today)
    show_comparison(plan)
    show_quarters(plan)
    show_drivers(plan)
    show_exports(plan)

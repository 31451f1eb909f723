"""Assumptions: every cost and timing figure that is not a market band, editable, with sources.

They live on their own page: the Plan page stays quick to change (each edit reruns the page,
and 30 inputs there cost more than the plan itself), and here each one has room for its source.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner.text import money
from ui.data import active_table, plan_for, shipped_data
from ui.questionnaire import ask_assumptions
from ui.state import (
    changed_assumptions,
    current_inputs,
    init_state,
    reset_assumptions,
)

shipped, shipped_assumptions, shipped_fx = shipped_data()
init_state(st.query_params.to_dict(), shipped_assumptions, shipped_fx)

st.title("Assumptions", anchor=False)
st.write(
    "The planner prices every hire from a market band and the figures below. Each default is a "
    "published figure with its source and year, or our own assumption, labelled as such (hover "
    "the ? of any input). Change any of them: the Plan page, its exports and its share link use "
    "your values for the rest of this session."
)

answers, assumptions, notice, fx = current_inputs(shipped_assumptions, shipped_fx)
if notice:
    st.error(notice)

changed = changed_assumptions(shipped_assumptions, shipped_fx)
left, right = st.columns([3, 1], vertical_alignment="center")
with left:
    if changed:
        st.info(f"{len(changed)} changed from the defaults: " + "; ".join(changed) + ".")
    else:
        st.caption("All values are the defaults.")
right.button(
    "Reset all to defaults",
    on_click=reset_assumptions,
    args=(shipped_assumptions, shipped_fx),
    disabled=not changed,
    key="assume.reset",
    width="stretch",
)
right.page_link("app_pages/plan.py", label="Back to the plan", icon=":material/arrow_back:")

today = date.today()
table = active_table(shipped)
mine = plan_for(answers, table, assumptions, fx, today)
cur, delta = mine.cost.currency, None
if changed and mine.hires:  # the plan at the defaults only when there is something to compare
    default = plan_for(answers, table, shipped_assumptions, shipped_fx, today)
    diff = mine.cost.first_year_total - default.cost.first_year_total
    delta = f"{'-' if diff < 0 else ''}{money(abs(diff), cur)} against the defaults"
st.metric(
    "Your plan's cash in its first 12 months with these values",
    money(mine.cost.first_year_total, cur),
    delta=delta,
    delta_color="inverse",
    help="The plan as answered on the Plan page, priced with the values on this page.",
)

ask_assumptions(shipped_assumptions, shipped_fx, answers.location)

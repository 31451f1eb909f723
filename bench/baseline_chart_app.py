"""The bare baseline with the Plan page's cost chart instead of its three bars, shown as the
Plan page shows it: one radio and one chart. bench/browser.py times it to show how much
of a rerun is that chart alone."""

from datetime import date

import streamlit as st

from planner import Answers, load_assumptions, load_benchmarks, load_fx, make_plan
from planner.render import EChart, cost_breakdown_chart
from ui.charts import show_echart


@st.cache_resource
def _charts() -> dict[str, EChart]:
    # Three plans a radio flips between, as an answer on the Plan page would.
    table, assumptions, fx = load_benchmarks(), load_assumptions(), load_fx()
    return {
        option: cost_breakdown_chart(
            make_plan(Answers(problem_validation=problem), table, assumptions, fx,
                      start=date(2026, 1, 1))
        )
        for option, problem in (("a", "exploring"), ("b", "proven"), ("c", "validated"))
    }  # fmt: skip


choice = st.radio("Pick one", ["a", "b", "c"], key="base.choice")
show_echart(_charts()[choice], key="base.chart")  # as the Plan page shows it

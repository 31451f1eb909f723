"""Scenarios: save the current plan by name, reopen, rename, delete, compare two to four."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from planner import Answers, make_plan
from planner.charts_plan import compare_figure
from planner.report import money
from planner.rules import FAILURE_TITLE
from planner.share import parse_link
from planner.store import ScenarioStore, StoreError, default_url
from ui.charts import plot
from ui.data import active_table, shipped_data
from ui.state import open_link, saved_link

shipped, assumptions, fx = shipped_data()


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ScenarioStore:
    # One engine per database per server process; the URL comes from the environment.
    return ScenarioStore(url)


st.title("Scenarios", anchor=False)
st.caption(
    "Save the plan you are looking at, come back to it, and compare up to four side by side. "
    "Scenarios are stored as their share links: answers and assumptions, nothing else."
)
store = _store(default_url())

st.subheader("Save the current plan", anchor=False)
with st.form("scen.save_form", clear_on_submit=False, border=True):
    name = st.text_input("Name", max_chars=80, key="scen.name", placeholder="e.g. Lean 2027")
    overwrite = st.checkbox("Replace a scenario with the same name", key="scen.overwrite")
    if st.form_submit_button("Save"):
        try:
            store.save(name, saved_link(assumptions, fx), overwrite=overwrite)
            st.success(f"Saved “{' '.join(name.split())}”.")
        except ValueError as exc:
            st.warning(f"Not saved: {exc}.")
        except StoreError as exc:
            st.error(str(exc))

try:
    scenarios = store.list()
except StoreError as exc:
    st.error(str(exc))
    st.stop()

st.subheader("Your scenarios", anchor=False)
if not scenarios:
    st.info("No scenarios yet: set up a plan on the Plan page, then save it here.")
    st.stop()
st.dataframe(
    pd.DataFrame(
        [
            {
                "Name": s.name,
                "Saved": f"{s.updated_at:%d %b %Y %H:%M}",
                "Changes from the defaults": ", ".join(f"{k}={v}" for k, v in s.params.items())
                or "none",
            }
            for s in scenarios
        ]
    ),
    hide_index=True,
    width="stretch",
    key="scen.table",
)
names = [s.name for s in scenarios]
chosen = st.selectbox("Scenario", names, key="scen.chosen")
c1, c2, c3 = st.columns(3)
if c1.button("Open on the Plan page", key="scen.open"):
    params = store.get(chosen).params
    open_link(params)
    st.switch_page("app_pages/plan.py", query_params=params)  # navigation clears the URL
with c2.popover("Rename"):
    new_name = st.text_input("New name", max_chars=80, key="scen.new_name")
    if st.button("Rename", key="scen.rename"):
        try:
            store.rename(chosen, new_name)
            st.rerun()
        except ValueError as exc:
            st.warning(f"Not renamed: {exc}.")
        except StoreError as exc:
            st.error(str(exc))
with c3.popover("Delete"):
    st.write(f"Delete “{chosen}”? This cannot be undone.")
    if st.button("Delete", key="scen.delete", type="primary"):
        try:
            store.delete(chosen)
            st.rerun()
        except (ValueError, StoreError) as exc:
            st.error(str(exc))

st.subheader("Compare", anchor=False)
picked = st.multiselect("Two to four scenarios", names, max_selections=4, key="scen.compare")
if len(picked) >= 2:
    by_name = {s.name: s for s in scenarios}
    default = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
    plans = {}
    for name in picked:
        state = parse_link(by_name[name].params, default, assumptions, fx)
        rates = fx
        for currency, rate in state.fx.items():
            rates = rates.with_rate(currency, rate)
        plans[name] = make_plan(
            state.answers,
            active_table(shipped),
            assumptions.with_values(**state.assumptions),
            rates,
            start=date.today(),
        )
    keys = sorted({k for name in picked for k in by_name[name].params})
    differing = [k for k in keys if len({by_name[n].params.get(k, "default") for n in picked}) > 1]
    rows = [{"": k, **{n: by_name[n].params.get(k, "default") for n in picked}} for k in differing]
    outcome = {
        "Next likely failure": lambda p: FAILURE_TITLE[p.diagnosis.next_failure],
        "Hires": lambda p: str(len(p.hires)),
        "Cash, first 12 months": lambda p: money(p.cost.first_year_total, p.cost.currency),
        "Cash, first 12 months, P90": lambda p: money(p.outlook.cost_p90, p.cost.currency),
        "Cash a year once hired": lambda p: money(p.cost.run_rate, p.cost.currency),
        "In place by (P50)": lambda p: f"{p.outlook.date_p50:%d %b %Y}",
    }
    rows += [{"": label, **{n: f(plans[n]) for n in picked}} for label, f in outcome.items()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="scen.diff")
    if len({p.cost.currency for p in plans.values()}) > 1:
        st.warning("These scenarios use different currencies; compare the chart with care.")
    plot(compare_figure(plans), key="scen.chart", filename="ml-scenarios-compared")
elif picked:
    st.caption("Pick at least two.")

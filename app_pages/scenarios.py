"""Scenarios: save the current plan by name, reopen, rename, delete, share, compare two to four.

A visitor sees and changes only their own scenarios (ui/auth.py says whose). Each action is
bound, when its button is drawn, to the id and revision of the scenario the visitor is looking
at; the store re-checks both at the moment of the action, so a scenario deleted or changed in
another session is reported and nothing else is touched. Names are user text: every one is
escaped (planner.text) before Markdown or a chart legend shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from planner import Answers, Plan, make_plan
from planner.models import count
from planner.render import compare_figure
from planner.scenarios import (
    Scenario,
    ScenarioGone,
    ScenarioStore,
    StoreError,
    default_url,
    parse_link,
)
from planner.stage import FAILURE_TITLE
from planner.text import html_text, md, md_line, money, one_line
from ui.address import search
from ui.auth import account, visitor
from ui.charts import plot
from ui.data import active_table, shipped_data
from ui.state import open_link, saved_link

NOTICES = "scen.notices"  # messages from the action callbacks, shown on the next run
OPENING = "scen.opening"  # a scenario's params, checked, to open on the Plan page
SEEN = "scen.seen"  # id -> name of the scenarios listed last run: to name one that vanished

shipped, assumptions, fx = shipped_data()


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ScenarioStore:
    # One engine per database per server process; the URL comes from the environment.
    return ScenarioStore(url)


def _notify(kind: str, message: str) -> None:
    st.session_state.setdefault(NOTICES, []).append((kind, md(message)))


def _base_url() -> str:
    """The planner's address as the browser sees it (the Plan page is its home page)."""
    url = st.context.url
    if not url:
        return ""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rsplit("/", 1)[0] + "/", "", ""))


def _act(action: str, owner: str, scenario_id: int, revision: int) -> None:
    """A button's callback: do `action` to the scenario the button was drawn for, if it is
    still that scenario (same id, owner and revision), else say why not."""
    store = _store(default_url())
    try:
        if action == "open":
            st.session_state[OPENING] = store.get(owner, scenario_id, revision).params
        elif action == "rename":
            new = store.rename(
                owner, scenario_id, st.session_state.get("scen.new_name", ""), revision
            )
            _notify("success", f"Renamed to “{new.name}”.")
        elif action == "delete":
            name = st.session_state.get(SEEN, {}).get(scenario_id, "the scenario")
            store.delete(owner, scenario_id, revision)
            st.session_state.pop("scen.chosen", None)
            _notify("success", f"Deleted “{name}”.")
    except ScenarioGone as exc:
        st.session_state.pop("scen.chosen", None)  # told here; the list moves on without it
        _notify("warning", f"Not done: {exc}")
    except StoreError as exc:
        _notify("warning", f"Not done: {exc}")


st.title("Scenarios", anchor=False)
st.caption(
    "Save the plan you are looking at, come back to it, and compare up to four side by side. "
    "Scenarios are stored as their share links: answers and assumptions, nothing else."
)
who = visitor()
account(who)
if who.owner is None:
    st.info(md(who.reason or ""))
    st.stop()
owner = who.owner
store = _store(default_url())

if (opening := st.session_state.pop(OPENING, None)) is not None:
    open_link(opening)
    st.switch_page("app_pages/plan.py", query_params=opening)  # navigation clears the URL
for kind, message in st.session_state.pop(NOTICES, []):
    getattr(st, kind)(message)

st.subheader("Save the current plan", anchor=False)
with st.form("scen.save_form", clear_on_submit=False, border=True):
    name = st.text_input("Name", max_chars=80, key="scen.name", placeholder="e.g. Lean 2027")
    overwrite = st.checkbox("Replace a scenario with the same name", key="scen.overwrite")
    if st.form_submit_button("Save"):
        try:
            saved = store.save(owner, name, saved_link(assumptions, fx), overwrite=overwrite)
            st.success(f"Saved “{md_line(saved.name)}”.")
        except StoreError as exc:
            st.warning(md(f"Not saved: {exc}"))

try:
    listing = store.list(owner)
except StoreError as exc:
    st.error(md(str(exc)))
    st.stop()

st.subheader("Your scenarios", anchor=False)
if listing.skipped:
    named = ", ".join(f"“{md_line(s.name, 60)}” (id {s.id})" for s in listing.skipped)
    st.warning(
        f"{count(len(listing.skipped), 'saved scenario')} could not be read and "
        f"{'is' if len(listing.skipped) == 1 else 'are'} not shown: {named}. The saved data "
        "is damaged; delete and save the plans again."
    )
    if st.button("Delete the unreadable scenarios", key="scen.delete_skipped"):
        for bad in listing.skipped:
            try:
                store.delete(owner, bad.id)
            except StoreError as exc:
                st.warning(md(f"Not deleted: {exc}"))
        st.rerun()
scenarios = listing.scenarios
by_id: dict[int, Scenario] = {s.id: s for s in scenarios}
if (stale := st.session_state.get("scen.chosen")) is not None and stale not in by_id:
    # The chosen scenario went away between runs (deleted in another session): say so, and
    # let nothing act on whichever scenario the list would fall back to.
    gone = st.session_state.get(SEEN, {}).get(stale, "The scenario you had chosen")
    st.info(md(f"“{gone}” is no longer there: it was deleted, perhaps in another session."))
    del st.session_state["scen.chosen"]
labels = {s.id: s.name for s in scenarios}  # options are ids; a widget shows labels as text
st.session_state[SEEN] = labels
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
chosen = by_id[
    st.selectbox(
        "Scenario", list(by_id), format_func=lambda i: labels.get(i, ""), key="scen.chosen"
    )
]
# Each button is bound to `chosen` as drawn now (id, revision), not to a later selection.
c1, c2, c3, c4 = st.columns(4)
c1.button(
    "Open on the Plan page",
    key="scen.open",
    on_click=_act,
    args=("open", owner, chosen.id, chosen.revision),
)
with c2.popover("Rename"):
    st.text_input("New name", max_chars=80, key="scen.new_name")
    st.button(
        "Rename",
        key="scen.rename",
        on_click=_act,
        args=("rename", owner, chosen.id, chosen.revision),
    )
with c3.popover("Delete"):
    st.text(f"Delete “{one_line(chosen.name)}”? This cannot be undone.")  # text, not Markdown
    st.button(
        "Delete",
        key="scen.delete",
        type="primary",
        on_click=_act,
        args=("delete", owner, chosen.id, chosen.revision),
    )
with c4.popover("Share"):
    st.markdown(
        "Anyone with this link sees this plan, read-only: its answers and assumptions, not "
        "your list of scenarios, and nothing they do changes yours. They can save it as "
        "their own."
    )
    st.code(_base_url() + search(chosen.params), language=None, wrap_lines=True)

st.subheader("Compare", anchor=False)
st.session_state["scen.compare"] = [
    i for i in st.session_state.get("scen.compare", []) if i in by_id
]
picked = st.multiselect(
    "Two to four scenarios",
    list(by_id),
    format_func=lambda i: labels.get(i, ""),
    max_selections=4,
    key="scen.compare",
)
if len(picked) >= 2:
    default = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
    plans: dict[int, Plan] = {}
    for i in picked:
        state = parse_link(by_id[i].params, default, assumptions, fx)
        rates = fx
        for currency, rate in state.fx.items():
            rates = rates.with_rate(currency, rate)
        plans[i] = make_plan(
            state.answers,
            active_table(shipped),
            assumptions.with_values(**state.assumptions),
            rates,
            start=date.today(),
        )
    names = {i: by_id[i].name for i in picked}  # dataframe cells and headers are plain text
    keys = sorted({k for i in picked for k in by_id[i].params})
    differing = [k for k in keys if len({by_id[i].params.get(k, "default") for i in picked}) > 1]
    rows = [
        {"": k, **{names[i]: by_id[i].params.get(k, "default") for i in picked}} for k in differing
    ]
    outcome: dict[str, Callable[[Plan], str]] = {
        "Next likely failure": lambda p: FAILURE_TITLE[p.diagnosis.next_failure],
        "Hires": lambda p: str(len(p.hires)),
        "Cash, first 12 months": lambda p: money(p.cost.first_year_total, p.cost.currency),
        "Cash, first 12 months, P90": lambda p: (
            money(p.outlook.cost_p90, p.cost.currency) if p.outlook else "–"
        ),
        "Cash a year once hired": lambda p: money(p.cost.run_rate, p.cost.currency),
        "In place by (P50)": lambda p: f"{p.outlook.date_p50:%d %b %Y}" if p.outlook else "–",
    }
    rows += [{"": label, **{names[i]: f(plans[i]) for i in picked}} for label, f in outcome.items()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="scen.diff")
    if len({p.cost.currency for p in plans.values()}) > 1:
        st.warning("These scenarios use different currencies; compare the chart with care.")
    # The legend is HTML: names go in escaped (distinct names stay distinct when escaped).
    legend: dict[str, Plan] = {}
    for i in picked:
        label = html_text(names[i])
        legend[label if label not in legend else f"{label} ({i})"] = plans[i]
    plot(compare_figure(legend), key="scen.chart", filename="ml-scenarios-compared")
elif picked:
    st.caption("Pick at least two.")

"""Scenarios: save the current plan by name, reopen, rename, delete, share, compare two to four.

A visitor sees and changes only their own scenarios (ui/auth.py says whose). Each action is
bound, when its button is drawn, to the id and revision of the scenario the visitor is looking
at; the store re-checks both at the moment of the action, so a scenario deleted or changed in
another session is reported and nothing else is touched. Names are user text: every one is
escaped (planner.text) before Markdown or a chart legend shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import NamedTuple, cast
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from planner import Answers, BandTable, Plan, validate_benchmarks
from planner.market import Assumptions
from planner.models import Currency, count
from planner.questions import ASSUMPTION_BOUNDS, BY_KEY, QUESTION, QUESTIONS, SETTING
from planner.render import compare_figure, comparison_pptx
from planner.scenarios import (
    Scenario,
    ScenarioGone,
    ScenarioStore,
    StoreError,
    default_url,
    parse_link,
)
from planner.stage import FAILURE_TITLE
from planner.text import CASH_LABEL, html_text, md, md_line, money, one_line
from ui.auth import account, visitor
from ui.charts import plot
from ui.data import plan_for, shipped_data, upload_csv, uploaded, use_upload
from ui.roadmap_state import forget_roadmap_state, roadmap_params
from ui.state import open_link, saved_link, search

NOTICES = "scen.notices"  # messages from the action callbacks, shown on the next run
OPENING = "scen.opening"  # a scenario's params, checked, to open on the Plan page
SEEN = "scen.seen"  # id -> name of the scenarios listed last run: to name one that vanished
BANDS = "scen.bands"  # (id, revision) -> the shipped bands with a scenario's saved ones over
MAX_HEADLINE = 3  # changes named in a scenario's headline; the rest are counted
# How a headline names an answer after its value ("3 products" needs no word; a percentile does).
_SHORT = {
    "pay_percentile": "pay",
    "budget": "budget",
    "data_maturity": "data",
    "problem_validation": "problem",
    "have_researchers": "researchers on the team",
    "have_developers": "developers on the team",
    "have_operators": "operators on the team",
    "seed": "Seed",
}
BUDGET = QUESTION["budget"].title
_FIRST = tuple(  # row labels a headline names first, in this order
    QUESTION[f].title for f in ("channel", "pay_percentile", "budget", "location", "currency")
)

shipped, assumptions, fx = shipped_data()
DEFAULT_ANSWERS = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))


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


def _saved_bands(scenario: Scenario, csv: str | None) -> BandTable | None:
    """The bands a scenario was saved with, checked again like an upload; None (with a notice)
    if they no longer pass, e.g. after the upload rules changed."""
    if csv is None:
        return None
    report = validate_benchmarks(csv.encode("utf-8"), name="saved bands")
    if report.table is None or not report.ok:
        _notify(
            "warning",
            f"The bands saved with “{scenario.name}” no longer pass the upload checks and were "
            "not used; the shipped market data prices it. Upload them again on Your data.",
        )
        return None
    return report.table


def _restore_bands(scenario: Scenario, csv: str | None) -> None:
    """Opening a scenario brings back the bands it was saved with. One saved on the shipped
    data leaves a session's own upload in place (nothing the user gave is dropped), and says
    that the numbers may differ from when it was saved."""
    table = _saved_bands(scenario, csv)
    if table is not None:
        use_upload(f"{scenario.name} (saved bands)", table, shipped)
        _notify("info", f"“{scenario.name}” uses the uploaded bands it was saved with.")
    elif csv is None and uploaded() is not None:
        _notify(
            "info",
            f"“{scenario.name}” was saved with the shipped market data, and your uploaded "
            "bands are still in use, so its numbers may differ from when it was saved. Remove "
            "the upload on Your data to see it as saved.",
        )


def _act(action: str, owner: str, scenario_id: int, revision: int) -> None:
    """A button's callback: do `action` to the scenario the button was drawn for, if it is
    still that scenario (same id, owner and revision), else say why not."""
    store = _store(default_url())
    try:
        if action == "open":
            scenario = store.get(owner, scenario_id, revision)
            _restore_bands(scenario, store.bands(owner, scenario_id, revision))
            st.session_state[OPENING] = scenario.params
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


class Shown(NamedTuple):
    """A scenario as compared: its name (user text), what its link restores, its plan."""

    name: str
    answers: Answers
    edits: dict[str, float]  # assumptions that differ from the shipped ones
    oncosts: dict[str, float]
    fx: dict[Currency, float]
    plan: Plan


def answer_text(field: str, value: object, currency: str) -> str:
    """An answer as a person says it: "In-house recruiting", "P75", "$1.5M", "3 products"."""
    question = QUESTION[field]
    if field == "pay_percentile":
        return f"P{value}"
    if field == "budget":
        return "no budget" if value is None else money(float(cast(float, value)), currency)
    if question.choices or question.unset:
        raw = "none" if value is None else str(getattr(value, "value", value))
        raw = question.unset.value if value is None and question.unset else raw
        try:
            return question.choice(raw).name
        except KeyError:
            return raw
    if isinstance(value, int) and question.unit not in ("", "people"):
        return count(value, question.unit.removesuffix("s"))  # "1 product", "3 products"
    return f"{value:,}" if isinstance(value, int) else str(value)


def assumption_text(key: str, value: float) -> str:
    bound = ASSUMPTION_BOUNDS.get(key)
    if bound is not None and bound.percent:
        return f"{value * 100:.4g}%"
    unit = SETTING[key].unit if key in SETTING else ""
    unit = "" if unit in ("%", "plan currency") else unit
    return f"{value:,.6g} {unit}".strip()


def changes_text(params: Mapping[str, str]) -> str:
    """A saved link's changes as a person says them: "Recruiting channel: In-house
    recruiting; Pay percentile: P75" (a key the planner does not know is shown as saved)."""
    state = parse_link(params, DEFAULT_ANSWERS, assumptions, fx)
    parts = []
    for key, raw in params.items():
        question = BY_KEY.get(key)
        if question is not None:
            value = getattr(state.answers, question.field)
            currency = state.answers.display_currency
            parts.append(f"{question.title}: {answer_text(question.field, value, currency)}")
        elif key in state.assumptions:
            label = SETTING[key].label if key in SETTING else key
            parts.append(f"{label}: {assumption_text(key, state.assumptions[key])}")
        else:
            parts.append(f"{key}={raw}")
    return "; ".join(parts) or "none"


def setting_rows(shown: Sequence[Shown], a: Assumptions) -> list[tuple[str, str, list[str]]]:
    """What the scenarios set differently: (row label, short label for a headline, values)."""
    rows: list[tuple[str, str, list[str]]] = []
    for question in QUESTIONS:
        values = [getattr(s.answers, question.field) for s in shown]
        if len(set(map(str, values))) > 1:
            texts = [
                answer_text(question.field, v, s.plan.cost.currency)
                for v, s in zip(values, shown, strict=True)
            ]
            rows.append((question.title, _SHORT.get(question.field, ""), texts))
    # A headline names the money levers first: "In-house recruiting, P75 pay".
    rows.sort(key=lambda row: _FIRST.index(row[0]) if row[0] in _FIRST else len(_FIRST))
    keys = sorted({k for s in shown for k in s.edits})
    for key in keys:
        values = [s.edits.get(key, getattr(a, key).value) for s in shown]
        if len(set(values)) > 1:
            label = SETTING[key].label if key in SETTING else getattr(a, key).label
            rows.append((label, label.split(" (")[0], [assumption_text(key, v) for v in values]))
    for key in sorted({k for s in shown for k in s.oncosts}):
        values = [s.oncosts.get(key) for s in shown]
        if len(set(values)) > 1:
            texts = ["default" if v is None else f"{v:,.6g}" for v in values]
            rows.append((f"Employer on-cost {key}", f"on-cost {key}", texts))
    for cur in sorted({c for s in shown for c in s.fx}, key=str):
        values = [s.fx.get(cur) for s in shown]
        if len(set(values)) > 1:
            texts = ["shipped rate" if v is None else f"{v:.4g}" for v in values]
            rows.append((f"US dollars per {cur}", f"USD per {cur}", texts))
    return rows


def headline(n: int, rows: Sequence[tuple[str, str, list[str]]]) -> str:
    """A scenario named by what sets it apart, the money levers first: the first by its own
    values, another by what differs from the first ("In-house recruiting, P75 pay")."""
    parts = [
        f"{short} {values[n]}" if short.startswith(("USD", "on-cost")) or short[:1].isupper()
        else values[n] if short in values[n] else f"{values[n]} {short}".strip()
        for _, short, values in rows
        if n == 0 or values[n] != values[0]
    ]  # fmt: skip
    if not parts:
        return "the same settings as the first"
    text = ", ".join(parts[:MAX_HEADLINE])
    more = len(parts) - MAX_HEADLINE
    what = "more setting" if n == 0 else "more change"
    return text + (f" and {count(more, what)}" if more > 0 else "")


def _budget_text(p: Plan) -> str:
    cur, budget, total = p.cost.currency, p.answers.budget, p.cost.first_year_total
    if budget is None:
        return "no budget set"
    if total <= budget + 1e-6:
        return f"within, {money(budget - total, cur)} to spare"
    return f"over by {money(total - budget, cur)}"


def _p90(p: Plan) -> float | None:
    return p.outlook.cost_p90 if p.outlook else None


def _in_place(p: Plan) -> str:
    return f"{p.outlook.date_p50:%d %b %Y}" if p.outlook and p.hires else "–"


# Outcome rows: label, the text of a plan's value, its number (money: the change is shown).
OUTCOMES: tuple[tuple[str, Callable[[Plan], str], Callable[[Plan], float | None]], ...] = (
    ("Next likely failure", lambda p: FAILURE_TITLE[p.diagnosis.next_failure], lambda p: None),
    ("Hires", lambda p: str(len(p.hires)), lambda p: None),
    (
        CASH_LABEL,
        lambda p: money(p.cost.first_year_total, p.cost.currency),
        lambda p: p.cost.first_year_total,
    ),
    (
        f"{CASH_LABEL}, P90",
        lambda p: "–" if _p90(p) is None else money(cast(float, _p90(p)), p.cost.currency),
        _p90,
    ),
    (
        "Budget, first 12 months",
        lambda p: answer_text("budget", p.answers.budget, p.cost.currency),
        lambda p: p.answers.budget,
    ),
    ("Against the budget", _budget_text, lambda p: None),
    (
        "Cash a year once hired",
        lambda p: money(p.cost.run_rate, p.cost.currency),
        lambda p: p.cost.run_rate,
    ),
    ("In place by (P50)", _in_place, lambda p: None),
)


def _change(value: float | None, first: float | None, currency: str) -> str:
    if value is None or first is None or abs(value - first) < 0.5:  # under half a unit: the same
        return ""
    return f"({'+' if value > first else '−'}{money(abs(value - first), currency)})"


def card_text(
    n: int, s: Shown, shown: Sequence[Shown], settings: Sequence[tuple[str, str, list[str]]]
) -> str:
    """One scenario's card as Markdown: its name and headline (escaped), what it sets, what it
    gives; a value that differs from the first scenario's is highlighted, money with its change."""
    first, cur = shown[0].plan, s.plan.cost.currency
    role = "baseline" if n == 0 else "against the first"
    lines = [f"**{md_line(s.name, 80)}**", f":gray[{md_line(headline(n, settings))} · {role}]"]
    # The budget is an outcome row below, with what it leaves or lacks: not twice.
    rows = [(label, values[n], values[0], "") for label, _, values in settings if label != BUDGET]
    for label, text, number in OUTCOMES:
        change = "" if n == 0 else _change(number(s.plan), number(first), cur)
        rows.append((label, text(s.plan), text(first), change))
    for label, value, base, change in rows:
        shown_value = md_line(value) + (f" {md_line(change)}" if change else "")
        if n and value != base:
            shown_value = f":orange-background[**{shown_value}**]"
        lines.append(f"{md_line(label)}: {shown_value}")
    return "  \n".join(lines)


st.title("Scenarios", anchor=False)
st.caption(
    "Save the plan you are looking at, come back to it, and compare up to four side by side. "
    "A scenario keeps its answers and assumptions, and the bands you uploaded if the plan "
    "used them."
)


def _table_of(scenario: Scenario) -> BandTable:
    """The bands a saved scenario is priced with: the shipped ones, with the bands it was
    saved with over them. Checked once per scenario revision in this session."""
    if not scenario.has_bands:
        return shipped
    cache: dict[tuple[int, int], BandTable | None] = st.session_state.setdefault(BANDS, {})
    key = (scenario.id, scenario.revision)
    if key not in cache:
        saved = _saved_bands(scenario, store.bands(owner, scenario.id, scenario.revision))
        cache[key] = None if saved is None else shipped.overlay(saved)
    return cache[key] or shipped


def _comparison_slide(plans: dict[str, Plan], budgets: list[float | None]) -> None:
    """A download of the comparison as one board slide (and its sources). One budget line when
    the scenarios share a budget; none when their budgets differ."""
    budget = budgets[0] if len(set(budgets)) == 1 else None
    try:
        deck = comparison_pptx(plans, budget)
    except ValueError as exc:  # different currencies: the slide would mislead
        st.caption(md_line(f"No comparison slide: {exc}."))
        return
    st.download_button(
        "Download the comparison slide (.pptx)",
        deck,
        file_name="ml-scenarios-compared.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="scen.compare_pptx",
        on_click="ignore",
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
    forget_roadmap_state()  # the Roadmap page takes its inputs from the scenario's link too
    st.switch_page("app_pages/plan.py", query_params=opening)  # navigation clears the URL
for kind, message in st.session_state.pop(NOTICES, []):
    getattr(st, kind)(message)

st.subheader("Save the current plan", anchor=False)
with st.form("scen.save_form", clear_on_submit=False, border=True):
    name = st.text_input("Name", max_chars=80, key="scen.name", placeholder="e.g. Lean 2027")
    overwrite = st.checkbox("Replace a scenario with the same name", key="scen.overwrite")
    if st.form_submit_button("Save"):
        try:
            bands = upload_csv()
            # The plan's link, and the Roadmap page's inputs where it has any.
            params = saved_link(assumptions, fx) | roadmap_params()
            saved = store.save(owner, name, params, overwrite=overwrite, bands=bands)
            kept = " with your uploaded bands" if bands is not None else ""
            st.success(f"Saved “{md_line(saved.name)}”{kept}.")
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
                "Changes from the defaults": changes_text(s.params),
                "Saved": f"{s.updated_at:%d %b %Y %H:%M}",
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
    shown: list[Shown] = []
    for i in picked:
        state = parse_link(by_id[i].params, DEFAULT_ANSWERS, assumptions, fx)
        rates = fx
        for currency, rate in state.fx.items():
            rates = rates.with_rate(currency, rate)
        edited = assumptions.with_values(**state.assumptions)
        edited = edited.with_oncosts(state.oncosts) if state.oncosts else edited
        plan = plan_for(state.answers, _table_of(by_id[i]), edited, rates, date.today())
        shown.append(
            Shown(by_id[i].name, state.answers, state.assumptions, state.oncosts, state.fx, plan)
        )
    settings = setting_rows(shown, assumptions)
    st.caption(
        "Each scenario is a card; the first is the baseline and what differs from it is "
        "highlighted, with the change in money."
    )
    # Cards side by side on a wide screen; Streamlit stacks columns on a phone, so nothing
    # scrolls sideways at 390 px.
    for card, (n, s) in zip(st.columns(len(shown)), enumerate(shown), strict=True):
        with card.container(border=True):
            st.markdown(card_text(n, s, shown, settings))
    if len({s.plan.cost.currency for s in shown}) > 1:
        st.warning("These scenarios use different currencies; compare the chart with care.")
    # The legend is HTML: names go in escaped (distinct names stay distinct when escaped).
    legend: dict[str, Plan] = {}
    for i, s in zip(picked, shown, strict=True):
        label = html_text(s.name)
        legend[label if label not in legend else f"{label} ({i})"] = s.plan
    plot(compare_figure(legend), key="scen.chart", filename="ml-scenarios-compared")
    if with_bands := [s.name for i, s in zip(picked, shown, strict=True) if by_id[i].has_bands]:
        st.caption(
            md_line("Priced with the uploaded bands each was saved with: " + ", ".join(with_bands))
        )
    _comparison_slide({s.name: s.plan for s in shown}, [s.answers.budget for s in shown])
elif picked:
    st.caption("Pick at least two.")

"""The questions and the assumption inputs: widgets only. Their state is ui/state.py's."""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner import Answers, Assumptions, FxTable
from planner.bounds import FX_BOUND, ONCOST_BOUNDS, Bound
from planner.market import Assumption, editable_components, jurisdiction_for
from planner.models import LOCATION_TITLE, Channel, Location, count
from planner.questions import ASSUMPTION_GROUP_TITLE, QUESTION, QUESTIONS, SETTINGS
from ui.lazy import Container, lazy_expander
from ui.state import FX_EDITABLE, P, oncost_fields, shown

_REQ = QUESTION["planned_req"]
REQ_LABEL = {c.value: c.name for c in (*((_REQ.unset,) if _REQ.unset else ()), *_REQ.choices)}
CHANNEL_LABEL = {Channel(c.value): c.name for c in QUESTION["channel"].choices}


def _ask(where: Any, field: str, *, label: str = "", **kwargs: Any) -> None:
    """The question's input as planner/questions.py defines it: a number with its bounds, or a
    pick of its choices (the "not set" one first), with its label and help."""
    q = QUESTION[field]
    if q.bound is not None:
        _number(where, label or q.label, q.bound, P + field, help=q.help, **kwargs)
        return
    options = [*((q.unset,) if q.unset else ()), *q.choices]
    labels = {c.value: c.label for c in options}
    widget = where.radio if q.group == "stage" or kwargs.pop("radio", False) else where.selectbox
    widget(
        label or q.label,
        list(labels),
        format_func=labels.__getitem__,
        key=P + field,
        help=q.help,
        persist_state="session",  # kept on every page: the plan's one source of truth
        **kwargs,
    )


def ask_stage() -> None:
    """The two stage questions, always on screen: they decide the diagnosis most."""
    _ask(st, "data_maturity")
    _ask(st, "problem_validation")


def _group(label: str, key: str) -> Container | None:
    """A question group: it says its answers in its label and draws its widgets only while
    open. Its widgets keep their values while it is closed (persist_state). Every element on
    the page is redrawn on each answer (bench/results.md), so a closed group is one element."""
    return lazy_expander(label, P + "open." + key)


def _number(where: Container, label: str, bound: Bound, key: str, **kwargs: Any) -> None:
    """A number input with the bounds, step and format of planner/bounds.py: what a share link
    may set is exactly what this input can show."""
    if bound.whole:
        where.number_input(
            label,
            min_value=int(bound.low),
            max_value=int(bound.high),
            step=int(bound.step),
            key=key,
            persist_state="session",
            **kwargs,
        )
    else:
        where.number_input(
            label,
            min_value=float(bound.low),
            max_value=float(bound.high),
            step=float(bound.step),
            format=bound.format,
            key=key,
            persist_state="session",
            **kwargs,
        )


def _count_group(title: str, key: str, fields: tuple[str, ...]) -> None:
    """A question group of whole-number answers side by side."""
    group = _group(title, key)
    if group is None:
        return
    for col, field in zip(group.columns(len(fields)), fields, strict=True):
        _ask(col, field)


def scale_summary(answers: Answers) -> str:
    """'1 live model · 1 product · 2 regions'."""
    return " · ".join(
        (
            count(answers.live_models, "live model"),
            count(answers.products, "product"),
            count(answers.regions, "region"),
        )
    )


def ask_scale(answers: Answers) -> None:
    _count_group(
        f"Models in production: {scale_summary(answers)}",
        "scale",
        tuple(q.field for q in QUESTIONS if q.group == "scale"),
    )


def team_summary(answers: Answers) -> str:
    """'none' or '1 researcher, 2 developers': the existing team in a few words."""
    counts = [
        (answers.have_researchers, "researcher"),
        (answers.have_developers, "developer"),
        (answers.have_operators, "operator"),
    ]
    return ", ".join(count(n, noun) for n, noun in counts if n) or "none"


def ask_team(answers: Answers) -> None:
    _count_group(
        f"Your ML team today: {team_summary(answers)}",
        "team",
        tuple(q.field for q in QUESTIONS if q.group == "team"),
    )


def market_summary(answers: Answers) -> str:
    """The planned req and the hiring market, as the group's label shows them."""
    req = "no req yet" if answers.planned_req is None else REQ_LABEL[answers.planned_req]
    parts = [req, LOCATION_TITLE[answers.location]]
    if answers.currency is not None:
        parts.append(f"in {answers.currency.value}")
    return " · ".join(parts)


def ask_market(answers: Answers) -> None:
    group = _group(f"Req and market: {market_summary(answers)}", "market")
    if group is None:
        return
    _ask(group, "planned_req")
    place, money = group.columns([3, 2])  # the market's names are long: give them room
    _ask(place, "location")
    _ask(money, "currency")


def costs_summary(answers: Answers) -> str:
    """Pay percentile, level, channel, budget and horizon in a few words."""
    parts = [
        f"P{answers.pay_percentile} offers",
        *([f"every hire {answers.level.value}"] if answers.level else []),
        CHANNEL_LABEL[answers.channel].lower(),
        "no budget"
        if answers.budget is None
        else f"budget {answers.budget:,.0f} {answers.display_currency.value}",
        count(answers.horizon_quarters, "quarter"),
    ]
    return " · ".join(parts)


def ask_costs(answers: Answers) -> None:
    group = _group(f"Pay and budget: {costs_summary(answers)}", "pay")
    if group is None:
        return
    _ask(group, "pay_percentile")
    _ask(group, "level")
    _ask(group, "channel", radio=True, horizontal=True)
    budget = QUESTION["budget"]
    _ask(
        group,
        "budget",
        label=f"{budget.label} ({answers.display_currency.value}, optional)",
        placeholder="No budget set",
    )
    _ask(group, "horizon_quarters")


def ask_oncosts(shipped: Assumptions, location: Location) -> None:
    """The employer on-costs of the plan's country, each line editable, with its source; a line
    off by default is switched on by entering its rate or amount."""
    parts = shipped.employer_costs.chain(jurisdiction_for(location))
    names = " and ".join(j.name for _, j in parts)
    st.subheader(f"Employer on-costs: {names}", anchor=False)
    st.caption(
        "What the employer pays on top of salary for a hire in this market, by its rules: a "
        "rate applies to the slice of pay between its floor and cap. Enter 0 to leave a line "
        "out; lines off by default apply only to some employers (see their help). Other "
        "countries' lines: choose that market on the Plan page."
    )
    fields = oncost_fields(shipped)
    cols = st.columns(3, gap="large")
    for i, (key, c) in enumerate(editable_components(shipped.employer_costs, location)):
        label, pct, default = fields["oc." + key]
        when = "" if c.default_on else f" Off by default; applies when {c.applies_when}"
        _number(
            cols[i % 3],
            f"{label} ({'% of pay' if pct else c.currency.value + ' a year'})",
            ONCOST_BOUNDS[c.kind],
            P + "oc." + key,
            help=f"Default {shown(default, pct):g}: {c.basis}. {c.source} ({c.year}, "
            f"{c.status.value}).{when}",
        )


def ask_assumptions(shipped: Assumptions, fx: FxTable, location: Location) -> None:
    """Every editable assumption in three columns, each with its default and source."""
    for col, (group, title) in zip(
        st.columns(3, gap="large"), ASSUMPTION_GROUP_TITLE.items(), strict=True
    ):
        with col:
            st.subheader(title, anchor=False)
            for setting in (s for s in SETTINGS if s.group == group):
                default: Assumption = getattr(shipped, setting.key)
                value = setting.bound.shown(default.value)
                _number(
                    col,
                    setting.label,
                    setting.bound,
                    P + "a." + setting.key,
                    help=f"Default {value:g}: {default.source} ({default.year}, "
                    f"{default.status.value}).",
                )
    ask_oncosts(shipped, location)
    c1, c2 = st.columns([2, 1], gap="large")
    with c1:
        st.subheader("Exchange rates", anchor=False)
        cols = st.columns(3)
        for col, cur in zip(cols, FX_EDITABLE, strict=True):
            rate = fx.rates[cur]
            _number(
                col,
                f"USD per {cur.value}",
                FX_BOUND,
                P + "fx." + cur.value,
                help=f"Default {rate.usd_per_unit:g} ({rate.date:%d %b %Y}): {rate.source}.",
            )
    with c2:
        st.subheader("Simulation", anchor=False)
        _ask(c2, "seed")

"""The questions and the assumption inputs: widgets only. Their state is ui/state.py's."""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from planner import Answers, Assumptions, FxTable
from planner.bounds import ANSWER_BOUNDS, ASSUMPTION_BOUNDS, FX_BOUND, ONCOST_BOUNDS, Bound
from planner.market import Assumption, editable_components, jurisdiction_for
from planner.models import (
    LOCATION_TITLE,
    Channel,
    Currency,
    DataMaturity,
    Level,
    Location,
    PlannedReq,
    ProblemValidation,
    count,
)
from ui.lazy import lazy_expander
from ui.state import (
    AUTO,
    COST_ASSUMPTIONS,
    FX_EDITABLE,
    GENERALIST_ASSUMPTIONS,
    NO_REQ,
    TIME_ASSUMPTIONS,
    P,
    oncost_fields,
    shown,
)

DATA_MATURITY_LABEL = {
    DataMaturity.AD_HOC: "Ad hoc — messy events, labels checked by hand",
    DataMaturity.REPEATABLE: "Repeatable — pipelines run and are trusted",
    DataMaturity.PLATFORM: "Platform — shared features, lineage, many consumers",
}
PROBLEM_LABEL = {
    ProblemValidation.EXPLORING: "Exploring — not yet sure ML belongs in the product",
    ProblemValidation.VALIDATED: "Validated — signal shown offline",
    ProblemValidation.PROVEN: "Proven — a model already moves a business metric",
}
REQ_LABEL = {
    NO_REQ: "None yet",
    PlannedReq.GENERALIST: "One all-in-one “ML engineer”",
    PlannedReq.RESEARCHER: "Model researcher",
    PlannedReq.DEVELOPER: "Model developer",
    PlannedReq.OPERATOR: "Model operator / MLOps engineer",
}
CHANNEL_LABEL = {Channel.AGENCY: "Recruiting agency", Channel.IN_HOUSE: "In-house recruiting"}
LEVEL_LABEL = {AUTO: "As the stage calls for", **{lv.value: lv.value.title() for lv in Level}}


def ask_stage() -> None:
    """The two stage questions, always on screen: they decide the diagnosis most."""
    st.radio(
        "How mature is your data?",
        [m.value for m in DataMaturity],
        format_func=DATA_MATURITY_LABEL.__getitem__,
        key=P + "data_maturity",
        help="Where your training data comes from today. Shared feature stores count as platform.",
    )
    st.radio(
        "How sure are you that ML belongs in the product?",
        [p.value for p in ProblemValidation],
        format_func=PROBLEM_LABEL.__getitem__,
        key=P + "problem_validation",
        help="'Validated' means an offline result beat a simple baseline on real data.",
    )


def _group(label: str, key: str) -> DeltaGenerator | None:
    """A question group: it says its answers in its label and draws its widgets only while
    open. Its widgets keep their values while it is closed (persist_state). Every element on
    the page is redrawn on each answer (bench/results.md), so a closed group is one element."""
    return lazy_expander(label, P + "open." + key)


def _number(where: DeltaGenerator, label: str, bound: Bound, key: str, **kwargs: Any) -> None:
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


def _count_group(title: str, key: str, fields: tuple[tuple[str, str, str], ...]) -> None:
    """A question group of whole-number answers side by side: (field, label, help) each."""
    group = _group(title, key)
    if group is None:
        return
    for col, (field, label, hint) in zip(group.columns(len(fields)), fields, strict=True):
        _number(col, label, ANSWER_BOUNDS[field], P + field, help=hint)


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
        (
            ("live_models", "Live models",
             "Models tied to revenue: in production, and their failure would cost money "
             "this quarter."),
            ("products", "Products",
             "Separate products or surfaces that use your models (or will, if none is live)."),
            ("regions", "Regions",
             "Markets or data regions with their own traffic, rules or on-call hours."),
        ),
    )  # fmt: skip


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
        tuple(
            (field, label, f"People on your team today who own {hint}.")
            for field, label, hint in (
                ("have_researchers", "Researchers", "features, model choice, offline evaluation"),
                ("have_developers", "Developers", "pipelines, inference services, tests"),
                ("have_operators", "Operators", "monitoring, drift, retraining, incidents"),
            )
        ),
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
    group.selectbox(
        "The req you were about to open",
        list(REQ_LABEL),
        format_func=REQ_LABEL.__getitem__,
        key=P + "planned_req",
        persist_state="session",
        help="We check it against your stage and say if it fits.",
    )
    place, money = group.columns([3, 2])  # the market's names are long: give them room
    place.selectbox(
        "Hiring market",
        [loc.value for loc in Location],
        format_func=lambda v: LOCATION_TITLE[Location(v)],
        key=P + "location",
        persist_state="session",
        help="Whose salary bands price the plan. About the data shows each market's source.",
    )
    money.selectbox(
        "Currency",
        [AUTO, *(c.value for c in Currency)],
        format_func=lambda v: "Local currency" if v == AUTO else v,
        key=P + "currency",
        persist_state="session",
        help="Every amount, table and chart uses this currency.",
    )


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
    _number(
        group,
        "Pay percentile for offers (10–90)",
        ANSWER_BOUNDS["pay_percentile"],
        P + "pay_percentile",
        help="Where in the market band your offers land. 50 = the market median.",
    )
    group.selectbox(
        "Level of every hire",
        list(LEVEL_LABEL),
        format_func=LEVEL_LABEL.__getitem__,
        key=P + "level",
        persist_state="session",
        help="Override the levels the stage calls for, e.g. to hire mid-level only.",
    )
    group.radio(
        "Recruiting channel",
        [c.value for c in Channel],
        format_func=CHANNEL_LABEL.__getitem__,
        key=P + "channel",
        persist_state="session",
        horizontal=True,
    )
    _number(
        group,
        f"Budget for the first 12 months ({answers.display_currency.value}, optional)",
        ANSWER_BOUNDS["budget"],
        P + "budget",
        placeholder="No budget set",
        help="Cash the plan may pay in its first 12 months: salaries, employer on-costs, "
        "bonus and recruiting fees. We say which hires fit, in order, and by how much the "
        "plan is over.",
    )
    _number(
        group, "Horizon (quarters, 1–12)", ANSWER_BOUNDS["horizon_quarters"], P + "horizon_quarters"
    )


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
    groups = (
        ("Cost", COST_ASSUMPTIONS),
        ("Time to fill and hiring risk", TIME_ASSUMPTIONS),
        ("The all-in-one req", GENERALIST_ASSUMPTIONS),
    )
    for col, (title, items) in zip(st.columns(3, gap="large"), groups, strict=True):
        with col:
            st.subheader(title, anchor=False)
            for key, (label, pct) in items.items():
                default: Assumption = getattr(shipped, key)
                value = shown(default.value, pct)
                _number(
                    col,
                    label,
                    ASSUMPTION_BOUNDS[key],
                    P + "a." + key,
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
        _number(
            c2,
            "Simulation seed",
            ANSWER_BOUNDS["seed"],
            P + "seed",
            help="The same seed gives the same P50 and P90.",
        )

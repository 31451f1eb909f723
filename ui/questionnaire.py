"""The stage questions. Widget state lives in st.session_state under "plan." keys."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from pydantic import ValidationError

from planner import Answers, Assumptions, FxTable
from planner.benchmarks import Assumption
from planner.models import (
    LOCATION_TITLE,
    MAX_BUDGET,
    MAX_LIVE_MODELS,
    MAX_PRODUCTS,
    MAX_REGIONS,
    MAX_TEAM,
    Channel,
    Currency,
    DataMaturity,
    Level,
    Location,
    PlannedReq,
    ProblemValidation,
)
from planner.share import make_link, parse_link

P = "plan."

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
NO_REQ = "none"
REQ_LABEL = {
    NO_REQ: "None yet",
    PlannedReq.GENERALIST: "One all-in-one “ML engineer”",
    PlannedReq.RESEARCHER: "Model researcher",
    PlannedReq.DEVELOPER: "Model developer",
    PlannedReq.OPERATOR: "Model operator / MLOps engineer",
}
CHANNEL_LABEL = {Channel.AGENCY: "Recruiting agency", Channel.IN_HOUSE: "In-house recruiting"}
AUTO = "auto"  # currency: the location's own
# Assumptions a user may edit here: key -> (widget label, shown as percent?)
# Assumptions a user may edit, by expander: key -> (widget label, shown as percent?)
COST_ASSUMPTIONS = {
    "ai_premium": ("AI/ML wage premium (%)", True),
    "benefits_share": ("Benefits share of total compensation (%)", True),
    "agency_fee": ("Agency fee, share of first-year base (%)", True),
    "in_house_cost_per_hire": ("In-house cost per hire (USD)", False),
    "interview_hours": ("Interviewer hours per hire", False),
    "equity_share": ("Equity per year, share of base (%)", True),
    "ramp_months": ("Onboarding ramp (months)", False),
    "ramp_productivity": ("Productivity during the ramp (%)", True),
    "empty_seat_per_month": ("Cost of an empty seat per month", False),
}
TIME_ASSUMPTIONS = {
    "time_to_fill_researcher": ("Median days to fill: researcher", False),
    "time_to_fill_developer": ("Median days to fill: developer", False),
    "time_to_fill_operator": ("Median days to fill: operator", False),
    "time_to_fill_spread": ("Spread of time to fill (log-normal sigma)", False),
    "notice_days": ("Days from offer to first day", False),
    "agency_speedup": ("Time an agency saves (%)", True),
    "parallel_searches": ("Searches run at once", False),
    "offer_spread": ("Spread of offers (percentile points)", False),
    "mishire_rate": ("Chance a hire does not work out (%)", True),
}
GENERALIST_ASSUMPTIONS = {
    "generalist_time_factor": ("All-in-one req: time to fill ×", False),
    "generalist_percentile_uplift": ("All-in-one req: pay percentile + points", False),
    "generalist_mishire_rate": ("All-in-one req: chance of the wrong fit (%)", True),
}
EDITABLE = {**COST_ASSUMPTIONS, **TIME_ASSUMPTIONS, **GENERALIST_ASSUMPTIONS}
LEVEL_LABEL = {AUTO: "As the stage calls for", **{lv.value: lv.value.title() for lv in Level}}


def init_state(params: Mapping[str, str], assumptions: Assumptions, fx: FxTable) -> None:
    """Seed the widgets from the URL (validated) and the data defaults, once per session.

    Streamlit drops a widget's state when its page is not shown, so the answers are also kept
    under a plain key ("plan.saved") and restored when the user comes back to this page.
    """
    if P + "saved" not in st.session_state:
        default = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
        link = parse_link(params, default, assumptions, fx)
        saved = link.answers.model_dump(mode="json")
        saved["planned_req"] = saved["planned_req"] or NO_REQ
        saved["currency"] = saved["currency"] or AUTO
        saved["level"] = saved["level"] or AUTO
        for key, (_, pct) in EDITABLE.items():
            value = link.assumptions.get(key, getattr(assumptions, key).value)
            saved["a." + key] = _shown(value, pct)
        for currency in Currency:
            if currency is not Currency.USD:
                rate = link.fx.get(currency, fx.rates[currency].usd_per_unit)
                saved["fx." + currency.value] = rate
        saved["present"] = link.present
        st.session_state[P + "saved"] = saved
        st.session_state[P + "ignored"] = list(link.ignored)
    for key, value in st.session_state[P + "saved"].items():
        st.session_state.setdefault(P + key, value)


def save_state() -> None:
    """Remember the current answers for when the user returns to this page."""
    saved = st.session_state[P + "saved"]
    for key in saved:
        if P + key in st.session_state:
            saved[key] = st.session_state[P + key]


def ask_stage() -> None:
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
    st.number_input(
        "Live models tied to revenue",
        min_value=0,
        max_value=MAX_LIVE_MODELS,
        step=1,
        key=P + "live_models",
        help="Models in production whose failure would cost money this quarter.",
    )
    c1, c2 = st.columns(2)
    c1.number_input(
        "Products served by ML",
        min_value=1,
        max_value=MAX_PRODUCTS,
        step=1,
        key=P + "products",
        help="Separate products or surfaces that use your models (or will, if none is live).",
    )
    c2.number_input(
        "Regions served by ML",
        min_value=1,
        max_value=MAX_REGIONS,
        step=1,
        key=P + "regions",
        help="Markets or data regions with their own traffic, rules or on-call hours.",
    )


def ask_team() -> None:
    st.markdown("**Your ML team today**")
    cols = st.columns(3)
    for col, (field, label, hint) in zip(
        cols,
        [
            ("have_researchers", "Researchers", "features, model choice, offline evaluation"),
            ("have_developers", "Developers", "pipelines, inference services, tests"),
            ("have_operators", "Operators", "monitoring, drift, retraining, incidents"),
        ],
        strict=True,
    ):
        col.number_input(
            label,
            min_value=0,
            max_value=MAX_TEAM,
            step=1,
            key=P + field,
            help=f"People who own {hint}.",
        )
    st.selectbox(
        "The req you were about to open",
        list(REQ_LABEL),
        format_func=REQ_LABEL.__getitem__,
        key=P + "planned_req",
        help="We check it against your stage and say if it fits.",
    )


def ask_market() -> None:
    c1, c2 = st.columns(2)
    c1.selectbox(
        "Hiring market",
        [loc.value for loc in Location],
        format_func=lambda v: LOCATION_TITLE[Location(v)],
        key=P + "location",
        help="Whose salary bands price the plan. About the data shows each market's source.",
    )
    c2.selectbox(
        "Currency",
        [AUTO, *(c.value for c in Currency)],
        format_func=lambda v: "Local currency" if v == AUTO else v,
        key=P + "currency",
        help="Every amount, table and chart uses this currency.",
    )


def ask_costs(currency: str) -> None:
    with st.expander("Pay, recruiting, budget and horizon", expanded=False):
        st.number_input(
            "Pay percentile for offers (10–90)",
            min_value=10,
            max_value=90,
            step=5,
            key=P + "pay_percentile",
            help="Where in the market band your offers land. 50 = the market median.",
        )
        st.selectbox(
            "Level of every hire",
            list(LEVEL_LABEL),
            format_func=LEVEL_LABEL.__getitem__,
            key=P + "level",
            help="Override the levels the stage calls for, e.g. to hire mid-level only.",
        )
        st.radio(
            "Recruiting channel",
            [c.value for c in Channel],
            format_func=CHANNEL_LABEL.__getitem__,
            key=P + "channel",
            horizontal=True,
        )
        st.number_input(
            f"Hiring budget for the horizon ({currency}, optional)",
            min_value=0.0,
            max_value=float(MAX_BUDGET),
            step=50_000.0,
            format="%.0f",
            placeholder="No budget set",
            key=P + "budget",
            help="Cash for salaries, benefits, equity, recruiting and interviews over the "
            "horizon. We say which hires fit, in order.",
        )
        st.number_input("Horizon (quarters, 1–12)", 1, 12, step=1, key=P + "horizon_quarters")


def ask_assumptions(shipped: Assumptions, fx: FxTable) -> None:
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
                shown = _shown(default.value, pct)
                st.number_input(
                    label,
                    min_value=0.0,
                    max_value=100.0 if pct else 10_000_000.0,
                    step=1.0 if pct else 0.1 if "spread" in key and "offer" not in key else 1.0,
                    key=P + "a." + key,
                    persist_state="session",
                    help=f"Default {shown:g}: {default.source} ({default.year}, "
                    f"{default.status.value}).",
                )
    c1, c2 = st.columns([2, 1], gap="large")
    with c1:
        st.subheader("Exchange rates", anchor=False)
        cols = st.columns(3)
        for col, cur in zip(cols, [c for c in Currency if c is not Currency.USD], strict=True):
            rate = fx.rates[cur]
            col.number_input(
                f"USD per {cur.value}",
                min_value=0.01,
                max_value=100.0,
                step=0.01,
                format="%.3f",
                key=P + "fx." + cur.value,
                persist_state="session",
                help=f"Default {rate.usd_per_unit:g} ({rate.date:%d %b %Y}): {rate.source}.",
            )
    with c2:
        st.subheader("Simulation", anchor=False)
        st.number_input(
            "Simulation seed",
            min_value=0,
            max_value=2**32 - 1,
            step=1,
            key=P + "seed",
            persist_state="session",
            help="The same seed gives the same P50 and P90.",
        )


def _shown(value: float, pct: bool) -> float:
    """An assumption as its widget shows it: shares as percent."""
    return round(value * 100, 4) if pct else value


def changed_assumptions(shipped: Assumptions, fx: FxTable) -> list[str]:
    """The user's edits, one short phrase each: "Agency fee … 25 (default 20)"."""
    out = []
    for key, (label, pct) in EDITABLE.items():
        default = _shown(getattr(shipped, key).value, pct)
        value = st.session_state.get(P + "a." + key, default)
        if value != default:
            out.append(f"{label} {value:g} (default {default:g})")
    for currency in Currency:
        if currency is Currency.USD:
            continue
        default = fx.rates[currency].usd_per_unit
        value = st.session_state.get(P + "fx." + currency.value, default)
        if value != default:
            out.append(f"USD per {currency.value} {value:g} (default {default:g})")
    return out


def reset_assumptions(shipped: Assumptions, fx: FxTable) -> None:
    """Back to the shipped values (a button callback: runs before the widgets exist)."""
    for key, (_, pct) in EDITABLE.items():
        st.session_state[P + "a." + key] = _shown(getattr(shipped, key).value, pct)
    for currency in Currency:
        if currency is not Currency.USD:
            st.session_state[P + "fx." + currency.value] = fx.rates[currency].usd_per_unit


def current_answers() -> Answers:
    """The answers from the widgets; widget limits already keep them valid."""
    values = {f: st.session_state[P + f] for f in Answers.model_fields if P + f in st.session_state}
    if values.get("planned_req") == NO_REQ:
        values["planned_req"] = None
    for field in ("currency", "level"):
        if values.get(field) == AUTO:
            values[field] = None
    return Answers.model_validate(values)


def current_fx(shipped: FxTable) -> FxTable:
    """The shipped FX table with the user's rates (widget limits keep them valid)."""
    fx = shipped
    for currency in Currency:
        key = P + "fx." + currency.value
        if key in st.session_state:
            fx = fx.with_rate(currency, float(st.session_state[key]))
    return fx


def current_assumptions(shipped: Assumptions) -> tuple[Assumptions, str | None]:
    """The shipped assumptions with the user's edits, or the shipped ones and a message."""
    values = {
        key: st.session_state[P + "a." + key] / (100 if pct else 1)
        for key, (_, pct) in EDITABLE.items()
    }
    try:
        return shipped.with_values(**values), None
    except ValidationError as exc:
        err = exc.errors()[0]
        return shipped, f"Your cost assumptions were not applied: {err['msg']}. Using the defaults."


def saved_answers(assumptions: Assumptions) -> Answers:
    """The answers last given on the Plan page, or the defaults if it was never opened."""
    saved = st.session_state.get(P + "saved")
    if not isinstance(saved, dict):
        return Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
    values = {f: saved[f] for f in Answers.model_fields if f in saved}
    for field, empty in (("planned_req", NO_REQ), ("currency", AUTO), ("level", AUTO)):
        if values.get(field) == empty:
            values[field] = None
    return Answers.model_validate(values)


def saved_link(shipped: Assumptions, shipped_fx: FxTable) -> dict[str, str]:
    """The share-link parameters of the plan as last left on the Plan page."""
    saved = st.session_state.get(P + "saved")
    answers = saved_answers(shipped)
    if not isinstance(saved, dict):
        return make_link(answers, shipped, shipped, shipped_fx, shipped_fx)
    values = {
        key: saved["a." + key] / (100 if pct else 1)
        for key, (_, pct) in EDITABLE.items()
        if "a." + key in saved
    }
    try:
        assumptions = shipped.with_values(**values)
    except ValidationError:
        assumptions = shipped
    fx = shipped_fx
    for currency in Currency:
        if "fx." + currency.value in saved:
            fx = fx.with_rate(currency, float(saved["fx." + currency.value]))
    return make_link(answers, assumptions, shipped, fx, shipped_fx)


def open_link(params: Mapping[str, str]) -> None:
    """Forget the Plan page's state so its next run restores `params` like a shared link."""
    for key in [k for k in st.session_state if str(k).startswith(P)]:
        del st.session_state[key]
    st.query_params.from_dict(dict(params))

"""The Plan page's state: the answers and the user's assumption edits, in session state.

Widget values live under "plan." keys. Streamlit drops a widget's value when its page is not
shown, so everything is also kept in one plain dict ("plan.saved") and restored from it; the
other pages read the plan from there. Assumptions are shown as the widgets show them (shares
in percent) and converted to model units here, in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import streamlit as st
from pydantic import ValidationError

from planner import Answers, Assumptions, FxTable
from planner.market import component_value, override_key
from planner.models import Currency
from planner.questions import QUESTIONS, SETTINGS
from planner.scenarios import make_link, parse_link

P = "plan."
# Answers whose widgets use a sentinel string instead of None (planner/questions.py's unset).
SENTINELS = {q.field: q.unset.value for q in QUESTIONS if q.unset is not None}
FX_EDITABLE = [c for c in Currency if c is not Currency.USD]
# The assumptions a user may edit: key -> (widget label, shown as percent?).
EDITABLE = {s.key: (s.label, s.bound.percent) for s in SETTINGS}


def oncost_fields(shipped: Assumptions) -> dict[str, tuple[str, bool, float]]:
    """Every employer on-cost component a user may edit: "oc.<jurisdiction>.<id>" ->
    (label, shown as percent?, default value in model units; 0 for one off by default)."""
    return {
        "oc." + override_key(key, c.id): (
            c.label,
            c.kind == "rate",
            component_value(c) if c.default_on else 0.0,
        )
        for key, j in shipped.employer_costs.jurisdictions.items()
        for c in j.components
    }


def shown(value: float, pct: bool) -> float:
    """An assumption as its widget shows it: shares as percent."""
    return round(value * 100, 4) if pct else value


def _current() -> dict[str, Any]:
    """This run's values, keyed as in "plan.saved" (no "plan." prefix). One copy of the
    session state, not a locked lookup per key: this runs on every answer."""
    state = st.session_state.to_dict()
    return {key: state[P + key] for key in _saved() if P + key in state}


def _saved() -> dict[str, Any]:
    saved = st.session_state.get(P + "saved")
    return saved if isinstance(saved, dict) else {}


def _answers(values: Mapping[str, Any], shipped: Assumptions) -> Answers:
    """Answers from widget values; the sentinels mean None, a missing field its default."""
    data = {f: values[f] for f in Answers.model_fields if f in values}
    for field, sentinel in SENTINELS.items():
        if data.get(field) == sentinel:
            data[field] = None
    data.setdefault("pay_percentile", int(shipped.default_pay_percentile.value))
    return Answers.model_validate(data)


def _assumptions(values: Mapping[str, Any], shipped: Assumptions) -> Assumptions:
    """The shipped assumptions with the edits in `values`; ValidationError if out of range."""
    edits = {
        key: values["a." + key] / (100 if pct else 1)
        for key, (_, pct) in EDITABLE.items()
        if "a." + key in values
    }
    oncosts = {
        key[len("oc.") :]: values[key] / (100 if pct else 1)
        for key, (_, pct, default) in oncost_fields(shipped).items()
        if key in values and values[key] != shown(default, pct)  # as the widget shows it
    }
    edited = shipped.with_values(**edits)
    return edited.with_oncosts(oncosts) if oncosts else edited


def _assumptions_or_shipped(
    values: Mapping[str, Any], shipped: Assumptions
) -> tuple[Assumptions, str | None]:
    """_assumptions(values, shipped), or the shipped ones and why the edits were not applied."""
    try:
        return _assumptions(values, shipped), None
    except ValidationError as exc:
        err = exc.errors()[0]
        return shipped, f"Your cost assumptions were not applied: {err['msg']}. Using the defaults."
    except ValueError as exc:
        return shipped, f"Your cost assumptions were not applied: {exc}. Using the defaults."


def _fx(values: Mapping[str, Any], shipped: FxTable) -> FxTable:
    """The shipped FX table with the rates in `values` (widget limits keep them valid)."""
    fx = shipped
    for currency in FX_EDITABLE:
        if "fx." + currency.value in values:
            fx = fx.with_rate(currency, float(values["fx." + currency.value]))
    return fx


def changed_assumptions(shipped: Assumptions, fx: FxTable) -> list[str]:
    """The user's edits, one short phrase each: "Agency fee … 25 (default 20)"."""
    out = []
    for key, (label, pct) in EDITABLE.items():
        default = shown(getattr(shipped, key).value, pct)
        value = st.session_state.get(P + "a." + key, default)
        if value != default:
            out.append(f"{label} {value:g} (default {default:g})")
    for key, (label, pct, model_default) in oncost_fields(shipped).items():
        default = shown(model_default, pct)
        value = st.session_state.get(P + key, default)
        if value != default:
            where = key.split(".")[1].upper()
            out.append(f"{label} ({where}) {value:g} (default {default:g})")
    for currency in FX_EDITABLE:
        default = fx.rates[currency].usd_per_unit
        value = st.session_state.get(P + "fx." + currency.value, default)
        if value != default:
            out.append(f"USD per {currency.value} {value:g} (default {default:g})")
    return out


def reset_assumptions(shipped: Assumptions, fx: FxTable) -> None:
    """Back to the shipped values (a button callback: runs before the widgets exist)."""
    for key, (_, pct) in EDITABLE.items():
        st.session_state[P + "a." + key] = shown(getattr(shipped, key).value, pct)
    for key, (_, pct, default) in oncost_fields(shipped).items():
        st.session_state[P + key] = shown(default, pct)
    for currency in FX_EDITABLE:
        st.session_state[P + "fx." + currency.value] = fx.rates[currency].usd_per_unit


def init_state(params: Mapping[str, str], assumptions: Assumptions, fx: FxTable) -> None:
    """Seed the widgets from the URL (validated) and the data defaults, once per session,
    and restore any value Streamlit dropped while another page was shown."""
    if P + "saved" not in st.session_state:
        default = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
        link = parse_link(params, default, assumptions, fx)
        saved = link.answers.model_dump(mode="json")
        for field, sentinel in SENTINELS.items():
            saved[field] = saved[field] or sentinel
        for key, (_, pct) in EDITABLE.items():
            value = link.assumptions.get(key, getattr(assumptions, key).value)
            saved["a." + key] = shown(value, pct)
        for key, (_, pct, shipped) in oncost_fields(assumptions).items():
            saved[key] = shown(link.oncosts.get(key[len("oc.") :], shipped), pct)
        for currency in FX_EDITABLE:
            saved["fx." + currency.value] = link.fx.get(currency, fx.rates[currency].usd_per_unit)
        saved["present"] = link.present
        st.session_state[P + "saved"] = saved
        st.session_state[P + "ignored"] = list(link.ignored)
    for key, value in st.session_state[P + "saved"].items():
        st.session_state.setdefault(P + key, value)


def save_state() -> None:
    """Remember the current answers for when the user returns to this page."""
    _saved().update(_current())


class Inputs(NamedTuple):
    """What the Plan page's widgets hold, as the planner takes it."""

    answers: Answers  # widget limits already keep them valid
    assumptions: Assumptions  # the shipped ones with the user's edits, or the shipped ones
    notice: str | None  # why the edits were not applied, if they were not
    fx: FxTable  # the shipped rates with the user's


def current_inputs(shipped: Assumptions, shipped_fx: FxTable) -> Inputs:
    """The answers, assumptions and FX rates in the widgets, from one read of the session
    state (a page needs all three, on every answer)."""
    values = _current()
    assumptions, notice = _assumptions_or_shipped(values, shipped)
    return Inputs(_answers(values, shipped), assumptions, notice, _fx(values, shipped_fx))


def current_fx(shipped: FxTable) -> FxTable:
    """The shipped FX table with the user's rates."""
    return _fx(_current(), shipped)


def saved_answers(shipped: Assumptions) -> Answers:
    """The answers last given on the Plan page, or the defaults if it was never opened."""
    return _answers(_saved(), shipped)


def saved_link(shipped: Assumptions, shipped_fx: FxTable) -> dict[str, str]:
    """The share-link parameters of the plan as last left on the Plan page."""
    saved = _saved()
    assumptions, _ = _assumptions_or_shipped(saved, shipped)
    return make_link(
        _answers(saved, shipped), assumptions, shipped, _fx(saved, shipped_fx), shipped_fx
    )


def open_link(params: Mapping[str, str]) -> None:
    """Forget the Plan page's state so its next run restores `params` like a shared link."""
    for key in [k for k in st.session_state if str(k).startswith(P)]:
        del st.session_state[key]
    st.query_params.from_dict(dict(params))

"""The plan's state: the answers and the user's assumption edits, in session state.

One source of truth: the widgets' own values under "plan." keys, seeded once per session from
the address (st.query_params) and kept on every page by Streamlit (persist_state="session"). The
address follows them on every page (keep_address), so it is always this plan's share link.
Assumptions are shown as the widgets show them (shares in percent) and converted to model
units here, in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlencode

import streamlit as st
from pydantic import ValidationError

from planner import Answers, Assumptions, FxTable
from planner.market import component_value, override_key
from planner.models import Currency
from planner.questions import QUESTIONS, SETTINGS
from planner.scenarios import is_roadmap_key, make_link, parse_link

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


FIELDS = P + "fields"  # the plan's value keys (no "plan." prefix), set once per session
PRESENT = P + "present"  # the presentation view is on (buttons, not a widget)
PRESENT_PARAM = "present"  # in the address: present=1 opens the presentation view
UPLOAD_NOT_IN_LINK = (
    "This link does not carry your uploaded bands; a colleague opening it sees the shipped "
    "market data."
)


def _current() -> dict[str, Any]:
    """This run's values, keyed as in FIELDS (no "plan." prefix). One copy of the session
    state, not a locked lookup per key: this runs on every answer."""
    state = st.session_state.to_dict()
    fields = state.get(FIELDS, ())
    return {key: state[P + key] for key in fields if P + key in state}


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
    """Seed the plan's widgets from the address (validated) and the data defaults: once per
    session, and again after open_link."""
    if FIELDS in st.session_state:
        return
    default = Answers(pay_percentile=int(assumptions.default_pay_percentile.value))
    # The Roadmap page reads its own keys (app_pages/roadmap.py); the rest is the plan's.
    link_params = {k: v for k, v in params.items() if k != PRESENT_PARAM and not is_roadmap_key(k)}
    link = parse_link(link_params, default, assumptions, fx)
    values = link.answers.model_dump(mode="json")
    for field, sentinel in SENTINELS.items():
        values[field] = values[field] or sentinel
    for key, (_, pct) in EDITABLE.items():
        value = link.assumptions.get(key, getattr(assumptions, key).value)
        values["a." + key] = shown(value, pct)
    for key, (_, pct, shipped) in oncost_fields(assumptions).items():
        values[key] = shown(link.oncosts.get(key[len("oc.") :], shipped), pct)
    for currency in FX_EDITABLE:
        values["fx." + currency.value] = link.fx.get(currency, fx.rates[currency].usd_per_unit)
    for key, value in values.items():
        st.session_state[P + key] = value
    st.session_state[FIELDS] = tuple(values)
    st.session_state[PRESENT] = link.present or params.get(PRESENT_PARAM) == "1"
    ignored = list(link.ignored)
    if params.get(PRESENT_PARAM, "1") != "1":
        ignored.append(f"{PRESENT_PARAM}: use present=1")
    st.session_state[P + "ignored"] = ignored


def presenting() -> bool:
    """Whether the presentation view is on."""
    return bool(st.session_state.get(PRESENT, False))


def set_presenting(on: bool) -> None:
    """Turn the presentation view on or off (a button callback)."""
    st.session_state[PRESENT] = on


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
    """The plan's answers, wherever they were last given (or the link's, or the defaults)."""
    return _answers(_current(), shipped)


def saved_link(shipped: Assumptions, shipped_fx: FxTable) -> dict[str, str]:
    """The share-link parameters of the plan, presentation view included."""
    values = _current()
    assumptions, _ = _assumptions_or_shipped(values, shipped)
    link = make_link(
        _answers(values, shipped), assumptions, shipped, _fx(values, shipped_fx), shipped_fx
    )
    if presenting():
        link[PRESENT_PARAM] = "1"
    return link


def search(link: Mapping[str, str]) -> str:
    """An address's query part for a share link: "" for the default plan, else "?k=v&..."."""
    return "?" + urlencode(dict(link)) if link else ""


def keep_address(shipped: Assumptions, shipped_fx: FxTable) -> None:
    """Have the address carry the plan's share link, beside the Roadmap page's own keys.
    Written only when it differs: each write is a message to the browser and a change of
    address."""
    current = st.query_params.to_dict()
    link = saved_link(shipped, shipped_fx) | {k: v for k, v in current.items() if is_roadmap_key(k)}
    if current != link:
        st.query_params.from_dict(link)


def open_link(params: Mapping[str, str]) -> None:
    """Forget the plan's state so that the next run restores `params` like a shared link."""
    for key in [k for k in st.session_state if str(k).startswith(P)]:
        del st.session_state[key]
    st.query_params.from_dict(dict(params))

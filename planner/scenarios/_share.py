"""Share links: every answer, assumption and rate in the URL, with readable keys.

Strings in, each value validated on its own; a bad or unknown value is dropped with a note
naming it and the rest still applies. Nothing is ever unpickled or evaluated.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from planner.bounds import FX_BOUND, ONCOST_BOUNDS, number_text
from planner.market import Assumptions, FxTable, override_key
from planner.models import Answers, Currency
from planner.questions import ASSUMPTION_BOUNDS
from planner.scenarios._query import (
    QUERY_KEYS,
    answers_from_query,
    answers_to_query,
    link_number,
)
from planner.scenarios._query import shown_value as _shown

# Assumptions a link may carry: the ones users can edit in the app (model units, e.g. 0.25).
ASSUMPTION_KEYS: tuple[str, ...] = tuple(ASSUMPTION_BOUNDS)
FX_PREFIX = "usd_per_"
OC_PREFIX = "oc."  # an employer on-cost edit: oc.<jurisdiction>.<component>=<rate or amount>
VIEW_KEY, PRESENT = "view", "present"
FX_EDITABLE = tuple(c for c in Currency if c is not Currency.USD)


class SharedState(BaseModel):
    """What a link restores."""

    model_config = ConfigDict(frozen=True)

    answers: Answers
    assumptions: dict[str, float]  # only the values that differ from the shipped ones
    oncosts: dict[str, float] = {}  # on-cost edits, "<jurisdiction>.<component>" -> value
    fx: dict[Currency, float]
    present: bool
    ignored: tuple[str, ...]


def parse_link(
    params: Mapping[str, str], default: Answers, assumptions: Assumptions, fx: FxTable
) -> SharedState:
    """Everything a link sets, checked value by value: a value is accepted only if the input
    it restores can show it (planner/bounds.py); every other parameter is named in `ignored`."""
    answer_params = {k: v for k, v in params.items() if k in QUERY_KEYS}
    answers, ignored = answers_from_query(answer_params, default)
    oncost_kinds = {
        OC_PREFIX + override_key(key, c.id): c.kind
        for key, j in assumptions.employer_costs.jurisdictions.items()
        for c in j.components
    }
    fx_keys = {FX_PREFIX + c.value.lower(): c for c in FX_EDITABLE}
    values: dict[str, float] = {}
    oncosts: dict[str, float] = {}
    rates: dict[Currency, float] = {}
    present = False
    for key, raw in params.items():
        if key in QUERY_KEYS:
            continue
        if key == VIEW_KEY:
            if raw == PRESENT:
                present = True
            else:
                ignored.append(f"{key}={_shown(raw)} (use view=present)")
            continue
        if key in ASSUMPTION_BOUNDS:
            bound = ASSUMPTION_BOUNDS[key]
        elif key in oncost_kinds:
            bound = ONCOST_BOUNDS[oncost_kinds[key]]
        elif key in fx_keys:
            bound = FX_BOUND
        elif key.startswith(OC_PREFIX):
            ignored.append(f"{_shown(key)} (no such employer on-cost, e.g. oc.us.social_security)")
            continue
        else:
            ignored.append(f"unknown parameter {_shown(key)}")
            continue
        try:
            number = link_number(bound, raw)
        except ValueError as exc:
            ignored.append(f"{key}={_shown(raw)} ({exc})")
            continue
        if key in ASSUMPTION_BOUNDS:
            values[key] = number
        elif key in oncost_kinds:
            oncosts[key[len(OC_PREFIX) :]] = number
        else:
            rates[fx_keys[key]] = number
    return SharedState(
        answers=answers,
        assumptions=values,
        oncosts=oncosts,
        fx=rates,
        present=present,
        ignored=tuple(ignored),
    )


def make_link(
    answers: Answers,
    assumptions: Assumptions,
    shipped: Assumptions,
    fx: FxTable,
    shipped_fx: FxTable,
    present: bool = False,
) -> dict[str, str]:
    """Query parameters for the current state: only what differs from the defaults."""
    out = answers_to_query(answers)
    for key in ASSUMPTION_KEYS:
        value = getattr(assumptions, key).value
        if value != getattr(shipped, key).value:
            out[key] = number_text(value)
    for key, value in sorted(assumptions.oncost_overrides.items()):
        out[OC_PREFIX + key] = number_text(value)
    for currency, rate in fx.rates.items():
        if rate.usd_per_unit != shipped_fx.rates[currency].usd_per_unit:
            out[FX_PREFIX + currency.value.lower()] = number_text(rate.usd_per_unit)
    if present:
        out[VIEW_KEY] = PRESENT
    return out

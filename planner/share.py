"""Share links: every answer, assumption and rate in the URL, with readable keys.

Strings in, each value validated on its own; a bad or unknown value is dropped with a note
naming it and the rest still applies. Nothing is ever unpickled or evaluated.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, ValidationError

from planner.benchmarks import Assumptions
from planner.fx import FxTable
from planner.models import Answers, Currency
from planner.query import MAX_VALUE_LENGTH, QUERY_KEYS, answers_from_query, answers_to_query

# Assumptions a link may carry: the ones users can edit in the app (model units, e.g. 0.25).
ASSUMPTION_KEYS: tuple[str, ...] = (
    "ai_premium",
    "agency_fee",
    "in_house_cost_per_hire",
    "interview_hours",
    "bonus_share",
    "equity_share",
    "ramp_months",
    "ramp_productivity",
    "empty_seat_per_month",
    "time_to_fill_researcher",
    "time_to_fill_developer",
    "time_to_fill_operator",
    "time_to_fill_spread",
    "notice_days",
    "agency_speedup",
    "parallel_searches",
    "offer_spread",
    "mishire_rate",
    "generalist_time_factor",
    "generalist_percentile_uplift",
    "generalist_mishire_rate",
)
FX_PREFIX = "usd_per_"
OC_PREFIX = "oc."  # an employer on-cost edit: oc.<jurisdiction>.<component>=<rate or amount>
VIEW_KEY, PRESENT = "view", "present"
MIN_RATE, MAX_RATE = 0.01, 100.0


class SharedState(BaseModel):
    """What a link restores."""

    model_config = ConfigDict(frozen=True)

    answers: Answers
    assumptions: dict[str, float]  # only the values that differ from the shipped ones
    oncosts: dict[str, float] = {}  # on-cost edits, "<jurisdiction>.<component>" -> value
    fx: dict[Currency, float]
    present: bool
    ignored: tuple[str, ...]


def _shown(text: str) -> str:
    return repr(text if len(text) <= MAX_VALUE_LENGTH else text[:MAX_VALUE_LENGTH] + "…")


def parse_link(
    params: Mapping[str, str], default: Answers, assumptions: Assumptions, fx: FxTable
) -> SharedState:
    """Everything a link sets, checked value by value."""
    answer_params = {k: v for k, v in params.items() if k in QUERY_KEYS}
    answers, ignored = answers_from_query(answer_params, default)
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
        number = _number(raw)
        if key in ASSUMPTION_KEYS:
            try:
                if number is None:
                    raise ValueError("not a number")
                assumptions.with_values(**{key: number})
            except ValidationError as exc:
                reason = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
                ignored.append(f"{key}={_shown(raw)} ({reason})")
                continue
            except ValueError:
                ignored.append(f"{key}={_shown(raw)} (not a number)")
                continue
            values[key] = number
        elif key.startswith(OC_PREFIX):
            try:
                if number is None:
                    raise ValueError("not a number")
                assumptions.with_oncosts({key[len(OC_PREFIX) :]: number})
            except ValueError as exc:
                ignored.append(f"{_shown(key)}={_shown(raw)} ({exc})")
                continue
            oncosts[key[len(OC_PREFIX) :]] = number
        elif key.startswith(FX_PREFIX) and key[len(FX_PREFIX) :].upper() in Currency.__members__:
            currency = Currency(key[len(FX_PREFIX) :].upper())
            if currency is Currency.USD or number is None or not MIN_RATE <= number <= MAX_RATE:
                ignored.append(f"{key}={_shown(raw)} (a rate between {MIN_RATE} and {MAX_RATE:g})")
                continue
            rates[currency] = number
        else:
            ignored.append(f"unknown parameter {_shown(key)}")
    return SharedState(
        answers=answers,
        assumptions=values,
        oncosts=oncosts,
        fx=rates,
        present=present,
        ignored=tuple(ignored),
    )


def _number(raw: str) -> float | None:
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


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
            out[key] = f"{value:g}"
    for key, value in sorted(assumptions.oncost_overrides.items()):
        out[OC_PREFIX + key] = f"{value:g}"
    for currency, rate in fx.rates.items():
        if rate.usd_per_unit != shipped_fx.rates[currency].usd_per_unit:
            out[FX_PREFIX + currency.value.lower()] = f"{rate.usd_per_unit:g}"
    if present:
        out[VIEW_KEY] = PRESENT
    return out

"""Bounds in one place: a link value is accepted only if the input it restores can show it."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from planner import Answers
from planner.bounds import FX_BOUND, ONCOST_BOUNDS, Bound, number_text
from planner.market._oncosts import component_value, editable_components, override_key
from planner.questions import ANSWER_BOUNDS, ASSUMPTION_BOUNDS
from planner.scenarios._query import QUERY_KEYS
from planner.scenarios._share import FX_EDITABLE, OC_PREFIX, make_link, parse_link
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
ASSUMPTIONS_PAGE = "app_pages/assumptions.py"
QUERY_KEY = {field: key for key, field in QUERY_KEYS.items()}


def _unit(bound: Bound) -> float:
    """The smallest change the input shows."""
    return 1.0 if bound.whole else 10.0**-bound.decimals


def _at(bound: Bound, side: str) -> str:
    """The link text of the bound itself, in model units."""
    return number_text(bound.model(bound.low if side == "low" else bound.high))


def _outside(bound: Bound, side: str) -> str:
    """The link text of the value one shown unit past the bound."""
    shown = bound.low - _unit(bound) if side == "low" else bound.high + _unit(bound)
    return number_text(bound.model(shown))


def _oncost_cases(assumptions):
    """Every employer on-cost a link may set: (link key, bound)."""
    return [
        (OC_PREFIX + override_key(key, c.id), ONCOST_BOUNDS[c.kind])
        for key, j in assumptions.employer_costs.jurisdictions.items()
        for c in j.components
    ]


def _every_input(assumptions):
    """(link key, bound) for every number a link may carry."""
    return [
        *((QUERY_KEY[field], bound) for field, bound in ANSWER_BOUNDS.items()),
        *ASSUMPTION_BOUNDS.items(),
        *_oncost_cases(assumptions),
        *(("usd_per_" + c.value.lower(), FX_BOUND) for c in FX_EDITABLE),
    ]


def _accepted(state, key: str) -> float | None:
    if key in ASSUMPTION_BOUNDS:
        return state.assumptions.get(key)
    if key.startswith(OC_PREFIX):
        return state.oncosts.get(key[len(OC_PREFIX) :])
    if key.startswith("usd_per_"):
        return next((v for c, v in state.fx.items() if c.value.lower() == key[8:]), None)
    return getattr(state.answers, QUERY_KEYS[key])


@pytest.mark.parametrize("side", ["low", "high"])
def test_a_value_at_the_bound_is_accepted(assumptions, fx, side):
    """Every number a link may set (answers, assumptions, on-costs, rates) is taken at each
    end of its input's range."""
    for key, bound in _every_input(assumptions):
        state = parse_link({key: _at(bound, side)}, Answers(), assumptions, fx)
        assert state.ignored == (), key
        assert _accepted(state, key) == pytest.approx(float(_at(bound, side))), key


@pytest.mark.parametrize("side", ["low", "high"])
def test_a_value_just_outside_is_ignored_and_named(assumptions, fx, side):
    """One shown unit past either end, a link value is refused, the note names the key and the
    range in plain words, and the default stays."""
    default = Answers()
    for key, bound in _every_input(assumptions):
        state = parse_link({key: _outside(bound, side)}, default, assumptions, fx)
        assert len(state.ignored) == 1, key
        (note,) = state.ignored
        assert note.startswith(f"{key}='{_outside(bound, side)}' ("), note
        assert "from" in note and "to" in note, note  # "a share from 0 to 1, i.e. 0–100%"
        assert not re.search(r"[*_`\[\]<>]", note.removeprefix(key)), note  # no markup
        assert state.assumptions == {} and state.oncosts == {} and state.fx == {}
        assert state.answers == default


def test_the_issue_examples(assumptions, fx):
    """ai_premium=1.5 (150%) and equity_share=5 are refused: their inputs stop at 100%."""
    state = parse_link({"ai_premium": "1.5", "equity_share": "5"}, Answers(), assumptions, fx)
    assert state.assumptions == {}
    assert state.ignored == (
        "ai_premium='1.5' (a share from 0 to 1, i.e. 0–100%)",
        "equity_share='5' (a share from 0 to 1, i.e. 0–100%)",
    )


@pytest.mark.parametrize(
    ("key", "raw", "note"),
    [
        ("budget", "1234.56", "budget='1234.56' (the input shows whole numbers only)"),
        ("ai_premium", "0.12345", "ai_premium='0.12345' (the input shows 2 decimals of a percent)"),
        ("usd_per_gbp", "1.3712", "usd_per_gbp='1.3712' (the input shows 3 decimals)"),
        ("oc.us.health_insurance", "7885.5", "oc.us.health_insurance='7885.5' (the input shows "
         "whole numbers only)"),
        ("live_models", "1.0", "live_models='1.0' (a whole number from 0 to 1,000)"),
        ("products", "1_0", "products='1_0' (a whole number from 1 to 500)"),
        ("seed", "٣", "seed='٣' (a whole number from 0 to 4,294,967,295)"),
        ("interview_hours", "1_0", "interview_hours='1_0' (not a number)"),
        ("in_house_cost_per_hire", "5e6",
         "in_house_cost_per_hire='5e6' (a number from 0 to 1,000,000)"),
        ("oc.us.nope", "1", "'oc.us.nope' (no such employer on-cost, e.g. oc.us.social_security)"),
    ],
)  # fmt: skip
def test_values_an_input_could_not_show_are_named(assumptions, fx, key, raw, note):
    """More decimals than the input shows, or digits it would not read, are refused too."""
    assert parse_link({key: raw}, Answers(), assumptions, fx).ignored == (note,)


def test_a_long_value_is_cut_in_the_note(assumptions, fx):
    """A 5,000-character value shows as its first 40 characters and an ellipsis."""
    (note,) = parse_link({"ai_premium": "9" * 5000}, Answers(), assumptions, fx).ignored
    assert note == f"ai_premium='{'9' * 40}…' (a share from 0 to 1, i.e. 0–100%)"


def test_every_bound_lies_within_the_model(assumptions):
    """What an input can hold, the model takes: no widget value is refused later."""
    for key, bound in ASSUMPTION_BOUNDS.items():
        for shown in (bound.low, bound.high):
            assumptions.with_values(**{key: bound.model(shown)})
    for key, bound in _oncost_cases(assumptions):
        for shown in (bound.low, bound.high):
            assumptions.with_oncosts({key[len(OC_PREFIX) :]: bound.model(shown)})


def test_answer_bounds_are_the_models_own():
    """The answer inputs take exactly what Answers takes: the bounds and no more."""
    for field, bound in ANSWER_BOUNDS.items():
        Answers.model_validate({field: bound.low})
        Answers.model_validate({field: bound.high})
        for outside in (bound.low - 1, bound.high + 1):
            with pytest.raises(ValidationError):
                Answers.model_validate({field: outside})


def test_every_shipped_default_is_shown_exactly(assumptions, fx):
    """No default is rounded by its input: every one passes its own bound."""
    for key, bound in ASSUMPTION_BOUNDS.items():
        assert bound.refusal(getattr(assumptions, key).value) is None, key
    for jkey, j in assumptions.employer_costs.jurisdictions.items():
        for c in j.components:
            assert ONCOST_BOUNDS[c.kind].refusal(component_value(c)) is None, (jkey, c.id)
    for currency in FX_EDITABLE:
        assert FX_BOUND.refusal(fx.rates[currency].usd_per_unit) is None, currency


def test_the_pages_edit_exactly_the_bounded_assumptions(assumptions):
    """ui/state.py's editable assumptions are the table's, shown as percent where it says."""
    from ui.state import EDITABLE, oncost_fields

    assert set(EDITABLE) == set(ASSUMPTION_BOUNDS)
    assert {k: pct for k, (_, pct) in EDITABLE.items()} == {
        k: b.percent for k, b in ASSUMPTION_BOUNDS.items()
    }
    for key, (_, pct, _) in oncost_fields(assumptions).items():
        assert pct is (dict(_oncost_cases(assumptions))[key] is ONCOST_BOUNDS["rate"])


def test_a_link_round_trips_seven_digit_amounts(assumptions, fx):
    """Amounts keep every digit in a link (no 1.23457e+06)."""
    edited = assumptions.with_values(in_house_cost_per_hire=987_654, empty_seat_per_month=1_234_567)
    answers = Answers(budget=123_456_789)
    link = make_link(answers, edited, assumptions, fx, fx)
    assert link["budget"] == "123456789" and link["empty_seat_per_month"] == "1234567"
    state = parse_link(link, Answers(), assumptions, fx)
    assert state.answers.budget == 123_456_789 and state.ignored == ()
    assert state.assumptions == {
        "in_house_cost_per_hire": 987_654,
        "empty_seat_per_month": 1_234_567,
    }


def _app(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _plain(text: str) -> str:
    return text.replace("\\", "")  # a notice may escape Markdown characters; the words stay


@pytest.mark.parametrize("side", ["low", "high"])
def test_the_assumptions_page_shows_a_link_at_the_bounds_exactly(assumptions, side):
    """A link with every assumption, US on-cost, rate and the seed at one end of its range:
    nothing is ignored, and each input on the Assumptions page holds and prints that value."""
    cases = {
        **ASSUMPTION_BOUNDS,
        **{k: b for k, b in _oncost_cases(assumptions) if k.startswith("oc.us.")},
        **{"usd_per_" + c.value.lower(): FX_BOUND for c in FX_EDITABLE},
        "seed": ANSWER_BOUNDS["seed"],
    }
    at = _app({key: _at(bound, side) for key, bound in cases.items()})
    assert not at.exception
    assert not at.session_state["plan.ignored"]
    at.switch_page(ASSUMPTIONS_PAGE).run()
    assert not at.exception
    assert not at.error  # every value was applied
    us = {k for k, _ in editable_components(assumptions.employer_costs, Answers().location)}
    for key, bound in cases.items():
        widget_key = (
            "plan.a." + key if key in ASSUMPTION_BOUNDS
            else "plan." + key if key.startswith(OC_PREFIX)
            else "plan.fx." + key[8:].upper() if key.startswith("usd_per_")
            else "plan.seed"
        )  # fmt: skip
        if key.startswith(OC_PREFIX):
            assert key[len(OC_PREFIX) :] in us
        widget = at.number_input(key=widget_key)
        expected = bound.low if side == "low" else bound.high
        assert widget.value == pytest.approx(expected), key
        assert (widget.min, widget.max) == (bound.low, bound.high), key
        assert widget.proto.format == bound.format, key
        assert float(widget.proto.format % widget.value) == pytest.approx(expected), key


NAMED = 10  # the Plan page names the first ten ignored parameters and counts the rest
KEYS = list(ASSUMPTION_BOUNDS)
CHUNKS = [KEYS[i : i + NAMED] for i in range(0, len(KEYS), NAMED)]


@pytest.mark.parametrize("keys", CHUNKS, ids=[f"{c[0]}…" for c in CHUNKS])
def test_the_assumptions_page_keeps_defaults_for_values_past_the_bounds(assumptions, keys):
    """A link with assumptions one shown unit past their maximum: the Plan page's notice names
    each one, in plain text, and every input on the Assumptions page shows its default."""
    at = _app({key: _outside(ASSUMPTION_BOUNDS[key], "high") for key in keys})
    assert not at.exception
    (notice,) = [e.value for e in at.info if e.value.startswith("Some link parameters")]
    for key in keys:
        assert f"{key}='{_outside(ASSUMPTION_BOUNDS[key], 'high')}'" in _plain(notice), key
    assert len(at.session_state["plan.ignored"]) == len(keys)
    at.switch_page(ASSUMPTIONS_PAGE).run()
    assert not at.exception
    for key in keys:
        default = ASSUMPTION_BOUNDS[key].shown(getattr(assumptions, key).value)
        assert at.number_input(key="plan.a." + key).value == pytest.approx(default), key


def test_the_plan_page_answer_inputs_show_a_link_at_the_bounds():
    """Counts, pay percentile, budget and horizon at their maximum: taken, and shown exactly."""
    fields = [f for f in ANSWER_BOUNDS if f != "seed"]
    at = _app({QUERY_KEY[f]: _at(ANSWER_BOUNDS[f], "high") for f in fields})
    assert not at.exception and not at.session_state["plan.ignored"]
    for group in ("scale", "team", "pay"):
        at.session_state[f"plan.open.{group}"] = True
    at.run()
    for field in fields:
        bound, widget = ANSWER_BOUNDS[field], at.number_input(key="plan." + field)
        assert widget.value == bound.high, field
        assert (widget.min, widget.max) == (bound.low, bound.high), field
        assert float(widget.proto.format % widget.value) == bound.high, field

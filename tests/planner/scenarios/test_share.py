"""Share links: readable keys, value-by-value validation, round trips, hostile strings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Answers, Currency
from planner.scenarios._share import ASSUMPTION_KEYS, make_link, parse_link


def test_round_trip_restores_answers_assumptions_rates_and_view(assumptions, fx):
    """State -> link -> state is the identity, for every part of the state."""
    answers = Answers(data_maturity="platform", problem_validation="proven", live_models=3,
                      products=3, regions=2, location="london", currency="EUR", budget=900_000,
                      level="mid", seed=42, horizon_quarters=6)  # fmt: skip
    edited = assumptions.with_values(agency_fee=0.25, empty_seat_per_month=12_000)
    rates = fx.with_rate(Currency.GBP, 1.31)
    link = make_link(answers, edited, assumptions, rates, fx, present=True)
    assert link["agency_fee"] == "0.25" and link["usd_per_gbp"] == "1.31"
    assert link["view"] == "present" and link["location"] == "london"
    state = parse_link(link, Answers(), assumptions, fx)
    assert state.answers == answers
    assert state.assumptions == {"agency_fee": 0.25, "empty_seat_per_month": 12_000}
    assert state.fx == {Currency.GBP: 1.31}
    assert state.present and state.ignored == ()


def test_defaults_make_an_empty_link(assumptions, fx):
    """Nothing changed, nothing in the URL."""
    assert make_link(Answers(), assumptions, assumptions, fx, fx) == {}


def test_tampered_values_are_named_and_dropped(assumptions, fx):
    """Out-of-range, non-numeric, unknown and stale keys each get a note; the rest applies."""
    state = parse_link(
        {"agency_fee": "7", "ramp_months": "inf", "usd_per_gbp": "0", "usd_per_jpy": "1",
         "view": "slides", "products": "2", "theme": "dark"},
        Answers(), assumptions, fx,
    )  # fmt: skip
    assert state.answers.products == 2
    assert state.assumptions == {} and state.fx == {} and not state.present
    assert len(state.ignored) == 6
    assert "agency_fee='7' (a share from 0 to 1, i.e. 0–100%)" in state.ignored
    assert "ramp_months='inf' (not a number)" in state.ignored
    assert "unknown parameter 'usd_per_jpy'" in state.ignored


keys = st.one_of(st.sampled_from([*ASSUMPTION_KEYS, "usd_per_gbp", "view", "live_models"]),
                 st.text(max_size=15))  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(keys, st.text(max_size=40), max_size=10))
def test_any_link_parses_without_raising(assumptions, fx, params):
    """Arbitrary strings give a valid state and at most one note per parameter."""
    state = parse_link(params, Answers(), assumptions, fx)
    assert len(state.ignored) <= len(params)
    assumptions.with_values(**state.assumptions)  # whatever was accepted is valid together

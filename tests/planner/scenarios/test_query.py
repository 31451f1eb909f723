"""Share-link parameters: validated one by one, bad ones ignored with a note, never raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Answers
from planner.scenarios._query import QUERY_KEYS, answers_from_query, answers_to_query


def test_round_trip_restores_the_answers():
    """Answers -> query -> answers is the identity."""
    answers = Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=3,
        products=3,
        regions=2,
        have_operators=1,
        planned_req="generalist",
        pay_percentile=75,
        channel="in_house",
        budget=1_250_000,
    )
    restored, ignored = answers_from_query(answers_to_query(answers))
    assert restored == answers
    assert ignored == []


def test_defaults_give_an_empty_query():
    """A default plan has a bare URL."""
    assert answers_to_query(Answers()) == {}


def test_bad_values_are_ignored_and_named():
    """Each bad parameter is dropped and named; the good ones still apply."""
    answers, ignored = answers_from_query(
        {"live_models": "2", "products": "0", "budget": "nan", "evil": "<script>", "problem": "x"}
    )
    assert answers.live_models == 2
    assert answers.products == 1
    assert answers.budget is None
    assert len(ignored) == 4
    assert any(i.startswith("products='0'") for i in ignored)
    assert any(i == "unknown parameter 'evil'" for i in ignored)


def test_long_hostile_values_are_shortened_in_notes():
    """A megabyte of junk never ends up verbatim in a message."""
    _, ignored = answers_from_query({"regions": "9" * 100_000})
    assert len(ignored) == 1 and len(ignored[0]) < 300


keys = st.one_of(st.sampled_from(sorted(QUERY_KEYS)), st.text(max_size=20))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, st.text(max_size=60), max_size=8))
def test_arbitrary_parameters_never_raise(params):
    """Any strings at all give valid answers plus a note per ignored parameter."""
    answers, ignored = answers_from_query(params)
    assert isinstance(answers, Answers)
    assert len(ignored) <= len(params)

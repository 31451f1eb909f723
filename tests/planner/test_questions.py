"""The registry of questions and editable assumptions (planner/questions.py) is the one place a
question is defined: the model, the CLI, the share link and the pages all follow it."""

from __future__ import annotations

import argparse
from enum import StrEnum
from typing import get_args

import pytest

from planner import Answers, load_assumptions, load_fx
from planner.cli._args import build_parser
from planner.models import Channel, Currency, DataMaturity, Level, Location, PlannedReq
from planner.models import ProblemValidation as Problem
from planner.questions import (
    ANSWER_BOUNDS,
    ASSUMPTION_GROUP_TITLE,
    BY_KEY,
    QUESTION,
    QUESTIONS,
    SETTINGS,
)
from planner.scenarios import make_link, parse_link
from planner.scenarios._query import QUERY_KEYS

ENUMS: dict[str, type[StrEnum]] = {
    "data_maturity": DataMaturity,
    "problem_validation": Problem,
    "planned_req": PlannedReq,
    "location": Location,
    "currency": Currency,
    "level": Level,
    "channel": Channel,
}


def test_every_answer_is_one_question_and_every_question_an_answer():
    assert sorted(q.field for q in QUESTIONS) == sorted(Answers.model_fields)
    assert len(BY_KEY) == len(QUESTIONS)  # link keys are unique
    assert len({q.flag for q in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("field", ENUMS)
def test_choices_are_the_models_values_and_an_optional_answer_has_its_unset(field):
    q = QUESTION[field]
    assert q.values == [m.value for m in ENUMS[field]]
    optional = type(None) in get_args(Answers.model_fields[field].annotation)
    assert (q.unset is not None) == optional, field
    assert q.bound is None


def test_the_model_takes_its_bounds_from_the_questions():
    for field, bound in ANSWER_BOUNDS.items():
        low, high = bound.low, bound.high
        Answers.model_validate({field: low})
        Answers.model_validate({field: high})
        for outside in (low - bound.step, high + bound.step):
            with pytest.raises(ValueError):
                Answers.model_validate({field: outside})


def _flags(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    plan = sub.choices["plan"]
    return {opt: a for a in plan._actions for opt in a.option_strings}


def test_the_cli_has_one_flag_per_question_with_its_choices_and_help():
    flags = _flags(build_parser())
    for q in QUESTIONS:
        action = flags[q.flag]
        assert action.dest == q.dest
        assert action.required == q.cli_required
        assert q.help.rstrip(".") in (action.help or ""), q.field
        if q.choices:
            assert list(action.choices or ()) == q.values


def test_the_share_link_reads_every_question_by_its_key():
    assert {BY_KEY[k].field for k in QUERY_KEYS} == {q.field for q in QUESTIONS}
    assumptions, fx = load_assumptions(), load_fx()
    answers = Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=3,
        products=2,
        regions=2,
        have_researchers=2,
        have_developers=1,
        have_operators=1,
        planned_req="operator",
        pay_percentile=75,
        location="berlin",
        currency="USD",
        channel="in_house",
        level="senior",
        budget=900_000,
        horizon_quarters=6,
        seed=7,
    )
    link = make_link(answers, assumptions, assumptions, fx, fx, False)
    assert set(link) == {q.key for q in QUESTIONS}  # every one differs from its default
    assert parse_link(link, Answers(), assumptions, fx).answers == answers


def test_every_setting_is_an_assumption_with_a_group_and_an_input_that_shows_its_default():
    assumptions = load_assumptions()
    assert {s.group for s in SETTINGS} == set(ASSUMPTION_GROUP_TITLE)
    for s in SETTINGS:
        value = getattr(assumptions, s.key).value
        assert s.bound.refusal(value) is None, (s.key, value)

"""The question groups' labels: the answers inside a closed group, in a few words."""

from __future__ import annotations

import pytest

from planner import Answers
from ui.questionnaire import costs_summary, market_summary, team_summary


@pytest.mark.parametrize(
    ("team", "summary"),
    [
        ({}, "none"),
        ({"have_researchers": 1}, "1 researcher"),
        ({"have_developers": 2, "have_operators": 1}, "2 developers, 1 operator"),
    ],
)
def test_team_summary_names_who_is_there(team, summary):
    """Zero counts are left out; one person is singular."""
    assert team_summary(Answers(**team)) == summary


@pytest.mark.parametrize(
    ("answers", "summary"),
    [
        ({}, "no req yet · United States (national)"),
        ({"planned_req": "generalist", "location": "london", "currency": "USD"},
         "One all-in-one “ML engineer” · London · in USD"),
    ],
)  # fmt: skip
def test_market_summary_names_the_req_and_market(answers, summary):
    """The req, the market and a currency other than the market's own."""
    assert market_summary(Answers(**answers)) == summary


def test_costs_summary_names_pay_level_channel_budget_and_horizon():
    """Every answer of the group appears, the budget in the plan's currency."""
    answers = Answers(pay_percentile=75, level="mid", channel="in_house", budget=900_000,
                      horizon_quarters=1, location="berlin")  # fmt: skip
    assert costs_summary(answers) == (
        "P75 offers · every hire mid · in-house recruiting · budget 900,000 EUR · 1 quarter"
    )


def test_a_zero_budget_is_a_budget():
    """0 is a budget the plan is checked against (everything is over it), not 'no budget'."""
    assert "budget 0 USD" in costs_summary(Answers(budget=0))
    assert "no budget" in costs_summary(Answers())

"""Counts read as words wherever a user meets them: "1 quarter", "4 quarters", never "(s)"."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from planner import Answers, make_plan, validate_benchmarks
from planner.market._validation import COLUMNS
from planner.models import count
from planner.render._charts_plan import quarter_figure
from planner.render._deck import plan_pptx
from planner.text import money

SCALE = {  # a six-hire plan on the third rung
    "data_maturity": "platform",
    "problem_validation": "proven",
    "live_models": 7,
    "products": 3,
    "regions": 3,
}


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 hires"), (1, "1 hire"), (2, "2 hires"), (12, "12 hires")]
)
def test_count_says_the_noun_in_the_right_number(n, expected):
    """One is singular; none and many are plural."""
    assert count(n, "hire") == expected


@pytest.mark.parametrize(("quarters", "over"), [(1, "over 1 quarter"), (4, None), (6, "over 6 quarters")])  # fmt: skip
def test_cash_chart_and_slide_titles_lead_with_the_12_month_cash(
    quarters, over, bands, assumptions, fx
):
    """The board-slide titles give the headline (the first 12 months' cash, whatever the
    horizon); a horizon other than four quarters adds its own total, counted in words."""
    plan = make_plan(Answers(horizon_quarters=quarters), bands, assumptions, fx, trials=500)
    headline = f"Cash in the first 12 months: {money(plan.cost.first_year_total, 'USD')}"
    fig = quarter_figure(plan)
    assert fig.layout.title.text.startswith("Cash in the first 12 months: $")
    deck = Presentation(io.BytesIO(plan_pptx(plan)))
    texts = [s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame]
    title, subtitle = next(t for t in texts if t.startswith("Cash in the first")).split("\n")
    assert title == headline
    page = fig.layout.title.subtitle.text.replace("<br>", " ")  # wrapped to the width
    if over is None:
        assert "over" not in subtitle and "over" not in page
    else:
        assert over in subtitle and over in page


# 12-month cash by hand (tests/planner/costing/test_costs.py has the arithmetic of the first two):
#   default plan: #1 researcher 236,319.89 + #2 developer 220,915.82 = 457,235.71
#   SCALE (first days 63.3, 63.3, 112.6, 112.6, 161.9, 161.9; fees at the offer, 20% of base):
#     #1 staff operator: 211,450 x 1.125 = 237,881.25; on-costs 11,439 + 1.45% 3,449.28
#        + 4.6% 10,942.54 + 8,165 = 33,995.82; 271,877.07 x 301.95/365.25 + 47,576.25 = 272,335.40
#     #2 senior developer 220,915.82 (cumulative 493,251.22)
#     #3 senior researcher 236,403.74 x 252.65/365.25 + 40,886.33 = 204,411.05 (697,662.26)
#     #4 mid operator: 133,080 x 1.125 = 149,715 + on-costs 26,505.09 = 176,220.09;
#        x 252.65/365.25 + 29,943 = 151,837.61
#     #5, #6 mid developer, mid operator: 176,220.09 x 203.35/365.25 + 29,943 = 128,052.12 each
#     total 1,105,604.11: a budget of 600,000 fits the first 2 hires.
@pytest.mark.parametrize(
    ("answers", "pays", "fits", "outside"),
    [
        (
            {"budget": 1_000},
            "pays $457,236 against a budget of $1,000, $456,236 over.",
            "No hire fits;",
            "#1 model researcher, #2 model developer fall outside",
        ),
        (
            {"budget": 400_000},
            "pays $457,236 against a budget of $400,000, $57,236 over.",
            "The first hire fits;",
            "#2 model developer falls outside",
        ),
        (
            {**SCALE, "budget": 600_000},
            "pays $1,105,604 against a budget of $600,000, $505,604 over.",
            "The first 2 hires fit;",
            "#3 model researcher, #4 model operator, #5 model developer, #6 model operator "
            "fall outside",
        ),
    ],
)
def test_budget_warning_says_how_many_hires_fit(answers, pays, fits, outside, bands, assumptions,
                                                fx):  # fmt: skip
    """None, one and several hires within the budget each read as a sentence, and the
    sentence says what the plan pays in its first 12 months and by how much it is over."""
    plan = make_plan(Answers(**answers), bands, assumptions, fx, trials=500)
    over = next(w for w in plan.warnings if w.startswith("Over budget"))
    assert over.startswith("Over budget: in its first 12 months the plan " + pays)
    assert fits in over and outside in over


def test_hires_after_the_horizon_are_named_in_the_plural(bands, assumptions, fx):
    """Four hires past a one-quarter horizon: "Hires #3, #4, #5, #6 would start after"."""
    plan = make_plan(Answers(**SCALE, horizon_quarters=1), bands, assumptions, fx, trials=500)
    late = [w for w in plan.warnings if "would start after" in w]
    assert late and late[0].startswith("Hires #3, #4, #5, #6 would start after the 1-quarter")


def test_header_problem_counts_its_columns():
    """Two missing columns are "columns", named in the order the header wants them."""
    header = [c for c in COLUMNS if c not in {"p75", "p90"}]
    report = validate_benchmarks((",".join(header) + "\n").encode(), name="two_missing.csv")
    assert report.problems[0].message == "missing columns p75, p90"

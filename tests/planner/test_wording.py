"""Counts read as words wherever a user meets them: "1 quarter", "4 quarters", never "(s)"."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from planner import Answers, make_plan, validate_benchmarks
from planner.charts_plan import quarter_figure
from planner.export import plan_pptx
from planner.models import count
from planner.validation import COLUMNS

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


@pytest.mark.parametrize(("quarters", "title"), [(1, "Cash over 1 quarter:"), (4, "Cash over 4 quarters:")])  # fmt: skip
def test_cash_chart_and_slide_titles_count_quarters(quarters, title, bands, assumptions, fx):
    """The board-slide titles: the chart on the page and the cash slide of the deck."""
    plan = make_plan(Answers(horizon_quarters=quarters), bands, assumptions, fx, trials=500)
    assert quarter_figure(plan).layout.title.text.startswith(title)
    deck = Presentation(io.BytesIO(plan_pptx(plan)))
    texts = [s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame]
    assert any(text.startswith(title) for text in texts), texts


@pytest.mark.parametrize(
    ("answers", "fits", "outside"),
    [
        (
            {"budget": 1_000},
            "No hire fits;",
            "#1 model researcher, #2 model developer fall outside",
        ),
        ({"budget": 400_000}, "The first hire fits;", "#2 model developer falls outside"),
        ({**SCALE, "budget": 900_000}, "The first 2 hires fit;", "fall outside"),
    ],
)
def test_budget_warning_says_how_many_hires_fit(answers, fits, outside, bands, assumptions, fx):
    """None, one and several hires within the budget each read as a sentence."""
    plan = make_plan(Answers(**answers), bands, assumptions, fx, trials=500)
    over = next(w for w in plan.warnings if w.startswith("Over budget"))
    assert "over the next 4 quarters the plan spends" in over
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

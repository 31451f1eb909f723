"""Cost arithmetic against hand-computed values (BLS May 2024 bands, shipped assumptions)."""

from __future__ import annotations

import pytest

from planner import Answers, make_plan
from planner.costs import salary_at

# Developer P50: 133,080 x 1.187 (AI premium) = 157,965.96
DEV_BASE = 157_965.96
# Benefits load 0.298 / 0.702 = 0.424501...; on the developer base:
DEV_BENEFITS = 67_056.78
# Agency fee 20% of base:
DEV_AGENCY = 31_593.19
# Interviewer time: 100 h x (157,965.96 x 1/0.702) / 2080 h:
INTERVIEWING = 10_818.40
DEV_TOTAL = 267_434.33
# Researcher P50: 112,590 x 1.187 = 133,644.33; total with the same interviewer time:
RES_TOTAL = 227_923.81


def test_first_year_cost_of_the_early_stage_plan(bands, assumptions):
    """Researcher + developer at the median with an agency: the sum computed by hand."""
    plan = make_plan(Answers(), bands, assumptions)
    res, dev = plan.cost.lines
    assert dev.base == pytest.approx(DEV_BASE, abs=0.01)
    assert dev.benefits == pytest.approx(DEV_BENEFITS, abs=0.01)
    assert dev.recruiting == pytest.approx(DEV_AGENCY, abs=0.01)
    assert dev.interviewing == pytest.approx(INTERVIEWING, abs=0.01)
    assert res.total == pytest.approx(RES_TOTAL, abs=0.01)
    assert plan.cost.first_year_total == pytest.approx(RES_TOTAL + DEV_TOTAL, abs=0.02)


def test_in_house_channel_uses_the_cost_per_hire(bands, assumptions):
    """In-house recruiting costs the SHRM $4,700 per hire instead of the agency fee."""
    plan = make_plan(Answers(channel="in_house"), bands, assumptions)
    dev = plan.cost.lines[1]
    assert dev.recruiting == 4700
    assert dev.total == pytest.approx(DEV_BASE + DEV_BENEFITS + 4700 + INTERVIEWING, abs=0.02)


@pytest.mark.parametrize(
    ("percentile", "raw"),
    [(10, 79_850), (25, 103_050), (50, 133_080), (60, 147_448), (90, 211_450)],
)
def test_salary_interpolates_between_published_percentiles(percentile, raw, bands, assumptions):
    """P60 lies 10/25 of the way from P50 to P75: 133,080 + 0.4 x 35,920 = 147,448."""
    plan = make_plan(Answers(pay_percentile=percentile), bands, assumptions)
    developer = next(b for b in plan.bands if b.archetype.value == "developer")
    assert salary_at(developer, percentile) == pytest.approx(raw * 1.187, abs=0.01)


def test_higher_percentile_never_costs_less(bands, assumptions):
    """Moving offers up the band never lowers the plan's cost."""
    totals = [
        make_plan(Answers(pay_percentile=p), bands, assumptions).cost.first_year_total
        for p in range(10, 91, 5)
    ]
    assert totals == sorted(totals)
    assert totals[0] < totals[-1]


def test_budget_says_which_hires_fit(bands, assumptions):
    """A budget between one and two hires fits the first hire and names the one outside."""
    plan = make_plan(Answers(budget=300_000), bands, assumptions)
    assert plan.cost.within_budget is False
    over = [w for w in plan.warnings if w.startswith("Over budget")]
    assert len(over) == 1
    assert "The first 1 hire(s) fit; #2 model developer fall" in over[0]
    roomy = make_plan(Answers(budget=600_000), bands, assumptions)
    assert roomy.cost.within_budget is True
    assert not [w for w in roomy.warnings if w.startswith("Over budget")]


def test_user_edited_assumption_is_labelled_and_used(bands, assumptions):
    """Changing the agency fee changes the cost and marks the figure as the user's assumption."""
    edited = assumptions.with_values(agency_fee=0.25)
    plan = make_plan(Answers(), bands, edited)
    assert plan.cost.lines[1].recruiting == pytest.approx(DEV_BASE * 0.25, abs=0.01)
    fee = next(s for s in plan.cost.sources if s.label.startswith("Recruiting agency fee"))
    assert fee.status.value == "assumption"
    assert fee.source.startswith("your value (default 0.2")


def test_every_cost_source_has_a_year_and_status(bands, assumptions):
    """Every figure behind the cost names its source, its year and how sure we are."""
    plan = make_plan(Answers(), bands, assumptions)
    assert len(plan.cost.sources) >= 6
    for source in plan.cost.sources:
        assert source.source and 1990 <= source.year <= 2100
        assert source.status.value in {"primary", "secondary", "assumption"}

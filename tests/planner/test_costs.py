"""Cost arithmetic against hand-computed values (shipped bands and assumptions, US national)."""

from __future__ import annotations

import pytest

from planner import Answers, make_plan
from planner.costs import salary_at

# Senior developer P50 = the all-levels P75 of BLS software developers, 169,000,
# x 1.187 (AI premium) = 200,603.00
DEV_BASE = 200_603.00
# Benefits load 0.298 / 0.702 = 0.424501...; on the developer base:
DEV_BENEFITS = 85_156.26
# Agency fee 20% of base:
DEV_AGENCY = 40_120.60
# Interviewer: a mid developer at the median, 133,080 x 1.187 = 157,965.96 a year, loaded
# x 1/0.702, per 2,080 hours, x 100 hours:
INTERVIEWING = 10_818.40
# Ramp: 3 months at 50% output = 12.5% of a year's base, 200,603 x 0.125:
DEV_RAMP = 25_075.38
DEV_TOTAL = 361_773.64
# Senior researcher P50 = BLS data scientists' P75, 155,810 x 1.187 = 184,946.47:
# (+ its ramp 184,946.47 x 0.125 = 23,118.31)
RES_TOTAL = 334_382.51


def test_first_year_cost_of_the_early_stage_plan(bands, assumptions, fx):
    """Researcher + developer at the median with an agency: the sum computed by hand."""
    plan = make_plan(Answers(), bands, assumptions, fx)
    res, dev = plan.cost.lines
    assert dev.base == pytest.approx(DEV_BASE, abs=0.01)
    assert dev.benefits == pytest.approx(DEV_BENEFITS, abs=0.01)
    assert dev.recruiting == pytest.approx(DEV_AGENCY, abs=0.01)
    assert dev.interviewing == pytest.approx(INTERVIEWING, abs=0.01)
    assert dev.ramp == pytest.approx(DEV_RAMP, abs=0.01)
    assert dev.equity == 0 and dev.empty_seat == 0  # both zero until the user sets them
    assert dev.run_rate == pytest.approx(DEV_BASE + DEV_BENEFITS, abs=0.01)
    assert res.total == pytest.approx(RES_TOTAL, abs=0.01)
    assert plan.cost.first_year_total == pytest.approx(RES_TOTAL + DEV_TOTAL, abs=0.02)


def test_in_house_channel_uses_the_cost_per_hire(bands, assumptions, fx):
    """In-house recruiting costs the SHRM $4,700 per hire instead of the agency fee."""
    plan = make_plan(Answers(channel="in_house"), bands, assumptions, fx)
    dev = plan.cost.lines[1]
    assert dev.recruiting == 4700
    assert dev.total == pytest.approx(
        DEV_BASE + DEV_BENEFITS + 4700 + INTERVIEWING + DEV_RAMP, abs=0.02
    )


@pytest.mark.parametrize(
    ("percentile", "raw"),
    [(10, 130_908), (25, 148_715), (50, 169_000), (60, 177_578.8), (90, 213_027)],
)
def test_salary_interpolates_between_published_percentiles(percentile, raw, bands, assumptions, fx):
    """Senior developer: P60 lies 10/25 of the way from P50 to P75: 169,000 + 0.4 x 21,447."""
    plan = make_plan(Answers(pay_percentile=percentile), bands, assumptions, fx)
    developer = next(b for b in plan.bands if b.archetype.value == "developer")
    assert salary_at(developer, percentile) == pytest.approx(raw * 1.187, abs=0.01)


def test_higher_percentile_never_costs_less(bands, assumptions, fx):
    """Moving offers up the band never lowers the plan's cost."""
    totals = [
        make_plan(Answers(pay_percentile=p), bands, assumptions, fx).cost.first_year_total
        for p in range(10, 91, 5)
    ]
    assert totals == sorted(totals)
    assert totals[0] < totals[-1]


def test_budget_says_which_hires_fit(bands, assumptions, fx):
    """A budget between one and two hires fits the first hire and names the one outside."""
    plan = make_plan(Answers(budget=400_000), bands, assumptions, fx)
    assert plan.cost.within_budget is False
    over = [w for w in plan.warnings if w.startswith("Over budget")]
    assert len(over) == 1
    assert "The first hire fits; #2 model developer falls" in over[0]
    roomy = make_plan(Answers(budget=650_000), bands, assumptions, fx)
    assert roomy.cost.within_budget is True
    assert not [w for w in roomy.warnings if w.startswith("Over budget")]


def test_user_edited_assumption_is_labelled_and_used(bands, assumptions, fx):
    """Changing the agency fee changes the cost and marks the figure as the user's assumption."""
    edited = assumptions.with_values(agency_fee=0.25)
    plan = make_plan(Answers(), bands, edited, fx)
    assert plan.cost.lines[1].recruiting == pytest.approx(DEV_BASE * 0.25, abs=0.01)
    fee = next(s for s in plan.cost.sources if s.label.startswith("Recruiting agency fee"))
    assert fee.status.value == "assumption"
    assert fee.source.startswith("your value (default 0.2")


def test_every_cost_source_has_a_year_and_status(bands, assumptions, fx):
    """Every figure behind the cost names its source, its year and how sure we are."""
    plan = make_plan(Answers(), bands, assumptions, fx)
    assert len(plan.cost.sources) >= 6
    for source in plan.cost.sources:
        assert source.source and 1990 <= source.year <= 2100
        assert source.status.value in {"primary", "secondary", "assumption"}


def test_london_is_priced_in_pounds_from_an_ml_specific_series(bands, assumptions, fx):
    """London uses ITJobsWatch's ML series in GBP, with no AI premium on top."""
    plan = make_plan(Answers(location="london"), bands, assumptions, fx)
    assert plan.cost.currency == "GBP"
    dev = next(b for b in plan.bands if b.archetype.value == "developer")
    # Senior median at the series' P75: £120,000, no premium (the series is ML-specific).
    assert dev.p50 == pytest.approx(120_000)
    assert dev.ml_premium == 0
    assert not any(s.label.startswith("AI/ML wage premium") for s in plan.cost.sources)


def test_display_currency_converts_every_amount(bands, assumptions, fx):
    """London in USD: every band and cost is the GBP figure x 1.37 USD per GBP."""
    gbp = make_plan(Answers(location="london"), bands, assumptions, fx)
    usd = make_plan(Answers(location="london", currency="USD"), bands, assumptions, fx)
    assert usd.cost.currency == "USD"
    assert usd.bands[0].p50 == pytest.approx(gbp.bands[0].p50 * 1.37)
    assert usd.cost.lines[0].base == pytest.approx(gbp.cost.lines[0].base * 1.37)
    assert usd.cost.first_year_total == pytest.approx(gbp.cost.first_year_total * 1.37)
    assert "converted GBP→USD at 1.3700" in usd.bands[0].fx_note
    assert any(s.label == "Exchange rates into USD" for s in usd.cost.sources)


def test_in_house_cost_is_converted_from_dollars(bands, assumptions, fx):
    """SHRM's $4,700 cost per hire becomes 4,700 / 1.172 = €4,010.24 in Berlin."""
    plan = make_plan(Answers(location="berlin", channel="in_house"), bands, assumptions, fx)
    assert plan.cost.lines[0].recruiting == pytest.approx(4700 / 1.172, abs=0.01)


@pytest.mark.parametrize(
    ("location", "factor"),
    [("sf_bay_area", 1.2501), ("new_york", 1.1785), ("seattle", 1.12), ("us_remote", 1.0)],
)
def test_us_metros_scale_the_national_band(location, factor, bands, assumptions, fx):
    """US metros are the national band times the location factor written in derivation.toml."""
    national = make_plan(Answers(), bands, assumptions, fx).bands[0]
    metro = make_plan(Answers(location=location), bands, assumptions, fx).bands[0]
    assert metro.p50 == pytest.approx(national.p50 * factor, rel=1e-4)


def test_uploaded_bands_replace_shipped_ones(bands, assumptions, fx):
    """A user's band for the same archetype, level and location is used, labelled as theirs."""
    from planner import validate_benchmarks

    upload = validate_benchmarks(
        b"archetype,level,location,currency,p10,p25,p50,p75,p90,ml_specific,source,year,status\n"
        b"developer,senior,us_national,USD,150000,170000,190000,210000,230000,true,Pave,2026,primary\n",
        name="pave.csv",
    )
    plan = make_plan(Answers(), bands.overlay(upload.table), assumptions, fx)
    dev = next(b for b in plan.bands if b.archetype.value == "developer")
    assert dev.p50 == 190_000 and dev.origin == "pave.csv"
    researcher = next(b for b in plan.bands if b.archetype.value == "researcher")
    assert researcher.origin == "shipped"


def test_equity_and_the_empty_seat_are_costed_when_set(bands, assumptions, fx):
    """Equity 10% of base; an empty seat at 10,000 a month until day 42 x 0.85 + 21 = 56.7."""
    a = assumptions.with_values(equity_share=0.10, empty_seat_per_month=10_000)
    dev = make_plan(Answers(), bands, a, fx).cost.lines[1]
    assert dev.equity == pytest.approx(DEV_BASE * 0.10, abs=0.01)
    assert dev.start_day == pytest.approx(42 * 0.85 + 21)
    assert dev.empty_seat == pytest.approx(10_000 * 56.7 / (365.25 / 12), abs=0.01)


def test_third_hire_waits_for_a_free_search_slot(bands, assumptions, fx):
    """Two searches at once: hire 3 opens when hire 1's offer is accepted (day 35.7)."""
    answers = Answers(data_maturity="platform", problem_validation="proven", live_models=3,
                      products=3, regions=2)  # fmt: skip
    lines = make_plan(answers, bands, assumptions, fx).cost.lines
    assert [round(ln.start_day, 1) for ln in lines] == [56.7, 56.7, 92.4, 92.4, 128.1]

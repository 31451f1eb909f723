"""Cost arithmetic against hand-computed values (shipped bands and assumptions, US national)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from planner import Answers, make_plan
from planner.costing import day_text, plan_start, quarter_label, quarter_start
from planner.costing._costs import salary_at
from planner.render._export import cost_csv, plan_json, plan_markdown
from planner.render._report import plan_to_text
from planner.text import CASH_LABEL, money

# Default answers: a senior researcher and a senior developer, US national, offers at the P50,
# hired through an agency. AI/ML premium 12.5% (Compa, data/assumptions.toml).
#
# Senior developer P50 = the all-levels P75 of BLS software developers (SOC 15-1252), 169,000,
# x 1.125 = 190,125.00
DEV_BASE = 190_125.00
# US employer on-costs (data/employer_costs.toml) on 190,125:
#   Social Security 6.2% of pay up to 184,500 = 11,439.00
#   Medicare 1.45% uncapped = 2,756.8125
#   FUTA 0.6% x 7,000 = 42; SUTA 3.4% x 7,000 = 238; health insurance (single) 7,885
#   401(k) 4.6% of pay up to 360,000 = 8,745.75
#   11,439 + 2,756.8125 + 42 + 238 + 7,885 + 8,745.75 = 31,106.5625
DEV_ONCOSTS = 31_106.5625
# Agency fee 20% of base:
DEV_AGENCY = 38_025.00
# Interviewer: a mid developer at the median, 133,080 x 1.125 = 149,715 a year, plus on-costs
# 6.2% x 149,715 = 9,282.33, 1.45% = 2,170.8675, 4.6% = 6,886.89, fixed 42 + 238 + 7,885 = 8,165
# -> 26,505.0875; (149,715 + 26,505.0875) / 2,080 hours x 100 hours:
INTERVIEWING = 8_472.12
# Ramp: 3 months at 50% output = 12.5% of a year's base, 190,125 x 0.125:
DEV_RAMP = 23_765.625
# First day: time to fill 58 days (Workable) x (1 - 15% agency speed-up) = 49.3 to the accepted
# offer, + 14 days' US notice (data/time_to_start.toml) = day 63.3; both searches run at once.
START_DAY = 63.3
# On payroll for (365.25 - 63.3) / 365.25 = 301.95 / 365.25 of the plan's first 12 months:
PAID = 301.95 / 365.25
# Cash in the first 12 months: (190,125 + 31,106.5625) x 301.95 / 365.25 + 38,025
#   = 221,231.5625 x 0.826694... + 38,025 = 220,915.82
DEV_CASH = 220_915.82
# Senior researcher P50 = the all-levels P75 of SOC 15-1221 in data/benchmarks.csv, 181,717
# (a log-normal through the 140,910 median with the software developers' spread), x 1.125
# = 204,431.625; on-costs 11,439 + 1.45% x 204,431.625 (2,964.2585625) + 4.6% (9,403.85475)
# + 8,165 = 31,972.1133125; agency fee 40,886.325.
RES_BASE = 204_431.625
# (204,431.625 + 31,972.1133125) x 301.95 / 365.25 + 40,886.325 = 236,319.89
RES_CASH = 236_319.89


def test_first_year_cost_of_the_early_stage_plan(bands, assumptions, fx):
    """Researcher + developer at the median with an agency: the sum computed by hand."""
    plan = make_plan(Answers(), bands, assumptions, fx)
    res, dev = plan.cost.lines
    assert dev.base == pytest.approx(DEV_BASE, abs=0.01)
    assert dev.benefits == pytest.approx(DEV_ONCOSTS, abs=0.01)
    assert dev.recruiting == pytest.approx(DEV_AGENCY, abs=0.01)
    assert dev.interviewing == pytest.approx(INTERVIEWING, abs=0.01)
    assert dev.ramp == pytest.approx(DEV_RAMP, abs=0.01)
    # Bonus, equity and the empty seat are zero until the user sets them.
    assert dev.bonus == 0 and dev.equity == 0 and dev.empty_seat == 0
    assert plan.cost.excludes == ("bonus", "equity")
    assert dev.start_day == pytest.approx(START_DAY) and dev.notice_days == 14
    assert dev.paid_share == pytest.approx(PAID)
    assert dev.fee_12m == pytest.approx(DEV_AGENCY, abs=0.01)  # offer accepted on day 49.3
    assert dev.run_rate == pytest.approx(DEV_BASE + DEV_ONCOSTS, abs=0.01)
    assert dev.search_cost == pytest.approx(INTERVIEWING + DEV_RAMP, abs=0.01)
    assert dev.cash_12m == pytest.approx(DEV_CASH, abs=0.01)
    assert res.base == pytest.approx(RES_BASE, abs=0.01)
    assert res.cash_12m == pytest.approx(RES_CASH, abs=0.01)
    assert plan.cost.first_year_total == pytest.approx(RES_CASH + DEV_CASH, abs=0.02)


def test_in_house_channel_uses_the_cost_per_hire(bands, assumptions, fx):
    """In-house recruiting costs the SHRM $4,700 per hire instead of the agency fee, and the
    search gets no agency speed-up: offer on day 58, first day 58 + 14 = 72."""
    plan = make_plan(Answers(channel="in_house"), bands, assumptions, fx)
    dev = plan.cost.lines[1]
    assert dev.recruiting == 4700 and dev.fee_12m == 4700
    assert dev.start_day == pytest.approx(72)
    # (190,125 + 31,106.5625) x (365.25 - 72) / 365.25 + 4,700
    #   = 221,231.5625 x 293.25 / 365.25 + 4,700 = 177,621.23 + 4,700 = 182,321.23
    assert dev.cash_12m == pytest.approx(182_321.23, abs=0.01)


@pytest.mark.parametrize(
    ("percentile", "raw"),
    [(10, 130_908), (25, 148_715), (50, 169_000), (60, 177_578.8), (90, 213_027)],
)
def test_salary_interpolates_between_published_percentiles(percentile, raw, bands, assumptions, fx):
    """Senior developer: P60 lies 10/25 of the way from P50 to P75: 169,000 + 0.4 x 21,447;
    every point carries the 12.5% AI/ML premium."""
    plan = make_plan(Answers(pay_percentile=percentile), bands, assumptions, fx)
    developer = next(b for b in plan.bands if b.archetype.value == "developer")
    assert salary_at(developer, percentile) == pytest.approx(raw * 1.125, abs=0.01)


def test_higher_percentile_never_costs_less(bands, assumptions, fx):
    """Moving offers up the band never lowers the plan's cost."""
    totals = [
        make_plan(Answers(pay_percentile=p), bands, assumptions, fx).cost.first_year_total
        for p in range(10, 91, 5)
    ]
    assert totals == sorted(totals)
    assert totals[0] < totals[-1]


def test_budget_says_which_hires_fit(bands, assumptions, fx):
    """A budget between one and two hires fits the first hire and names the one outside: the
    researcher's 12-month cash is 236,319.89, both hires' 457,235.71 (see the top of this file)."""
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
    dev = plan.cost.lines[1]
    assert dev.recruiting == pytest.approx(DEV_BASE * 0.25, abs=0.01)  # 47,531.25
    # The fee is paid at the offer (day 49.3), inside the 12 months: 5% of base more cash.
    assert dev.cash_12m == pytest.approx(DEV_CASH + DEV_BASE * 0.05, abs=0.01)
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
    premium_label = assumptions.ai_premium.label  # "AI/ML base-salary premium ..."
    assert not any(s.label == premium_label for s in plan.cost.sources)
    us = make_plan(Answers(), bands, assumptions, fx)
    assert any(s.label == premium_label for s in us.cost.sources)  # the check can fail


def test_london_on_costs_follow_uk_rules(bands, assumptions, fx):
    """A senior developer in London at £120,000 (data/employer_costs.toml, 2025/26):
    employer NIC 15% above £5,000 = 17,250; pension 3% of the £6,240-£50,270 band = 1,320.90;
    levy and private medical off by default. 17,250 + 1,320.90 = £18,570.90. Notice for a
    senior hire is three months, 90 days (IDR, data/time_to_start.toml): first day 49.3 + 90."""
    dev = make_plan(Answers(location="london"), bands, assumptions, fx).cost.lines[1]
    assert dev.base == pytest.approx(120_000)
    assert dev.benefits == pytest.approx(18_570.90, abs=0.01)
    assert dev.notice_days == 90
    assert dev.start_day == pytest.approx(139.3)


def test_edited_notice_applies_to_every_country_and_level(bands, assumptions, fx):
    """Berlin's usual notice is three months (90 days); a user's 30 days replaces it, and
    replaces the US 14 days too."""
    berlin = make_plan(Answers(location="berlin"), bands, assumptions, fx).cost.lines
    assert [ln.notice_days for ln in berlin] == [90, 90]
    edited = assumptions.with_values(notice_days=30)
    for location in ("berlin", "us_national"):
        lines = make_plan(Answers(location=location), bands, edited, fx).cost.lines
        assert [ln.notice_days for ln in lines] == [30, 30]
        assert lines[0].start_day == pytest.approx(58 * 0.85 + 30)


def test_display_currency_converts_every_amount(bands, assumptions, fx):
    """London in USD: every band and cost is the GBP figure x 1.37 USD per GBP (on-costs are
    worked out on the pay in pounds, so they scale too)."""
    gbp = make_plan(Answers(location="london"), bands, assumptions, fx)
    usd = make_plan(Answers(location="london", currency="USD"), bands, assumptions, fx)
    assert usd.cost.currency == "USD"
    assert usd.bands[0].p50 == pytest.approx(gbp.bands[0].p50 * 1.37)
    assert usd.cost.lines[0].base == pytest.approx(gbp.cost.lines[0].base * 1.37)
    assert usd.cost.lines[0].benefits == pytest.approx(gbp.cost.lines[0].benefits * 1.37)
    assert usd.cost.first_year_total == pytest.approx(gbp.cost.first_year_total * 1.37)
    assert "converted GBP→USD at 1.3700" in usd.bands[0].fx_note
    assert any(s.label == "Exchange rates into USD" for s in usd.cost.sources)


def test_in_house_cost_is_converted_from_dollars(bands, assumptions, fx):
    """SHRM's $4,700 cost per hire becomes 4,700 / 1.172 = €4,010.24 in Berlin."""
    plan = make_plan(Answers(location="berlin", channel="in_house"), bands, assumptions, fx)
    assert plan.cost.lines[0].recruiting == pytest.approx(4700 / 1.172, abs=0.01)


# The location factors written in data/derivation.toml (bands[0] is the researcher):
#   sf_bay_area 1.3544: BLS OEWS May 2021 Software Developers medians, SF-Oakland-Hayward
#     161,930 (64,460 jobs) and San Jose 165,030 (67,780 jobs) vs US 120,730 (via Stacker):
#     (161,930 x 64,460 + 165,030 x 67,780) / 132,240 = 163,518.91; / 120,730 = 1.3544. The
#     researcher band uses the same ratio (assumption: none found for SOC 15-1221).
#   new_york 1.1264: BLS May 2020 NY vs US mean hourly wage, all computer and math jobs,
#     52.41 / 46.53 = 1.1264 (assumption).
#   seattle 1.25: BLS May 2013 Seattle vs US mean wage, computer and math jobs, +25% (via
#     Courier-Herald; assumption).
#   us_remote 1.0: remote roles paid at the national level (assumption).
@pytest.mark.parametrize(
    ("location", "factor"),
    [("sf_bay_area", 1.3544), ("new_york", 1.1264), ("seattle", 1.25), ("us_remote", 1.0)],
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
    """Equity 10% of base; an empty seat at 10,000 a month until day 58 x 0.85 + 14 = 63.3.
    Neither is cash: the 12-month cash stays the same, the cost of the search grows."""
    a = assumptions.with_values(equity_share=0.10, empty_seat_per_month=10_000)
    plan = make_plan(Answers(), bands, a, fx)
    dev = plan.cost.lines[1]
    assert dev.equity == pytest.approx(DEV_BASE * 0.10, abs=0.01)  # 19,012.50
    assert dev.start_day == pytest.approx(58 * 0.85 + 14)
    # 10,000 x 63.3 / (365.25 / 12) = 20,796.71
    assert dev.empty_seat == pytest.approx(10_000 * 63.3 / (365.25 / 12), abs=0.01)
    assert dev.search_cost == pytest.approx(INTERVIEWING + DEV_RAMP + 20_796.71, abs=0.01)
    assert dev.cash_12m == pytest.approx(DEV_CASH, abs=0.01)
    assert plan.cost.excludes == ("bonus",)


def test_bonus_is_cash_and_carries_on_costs(bands, assumptions, fx):
    """A 10% bonus on the senior developer: 19,012.50 a year, plus the on-costs that follow pay
    (base + bonus 209,137.50): Medicare 1.45% and 401(k) 4.6% of the bonus, 1,150.26 more;
    Social Security is already capped. Paid pro rata like the salary."""
    a = assumptions.with_values(bonus_share=0.10)
    dev = make_plan(Answers(), bands, a, fx).cost.lines[1]
    assert dev.bonus == pytest.approx(19_012.50)
    # 19,012.50 x (0.0145 + 0.046) = 1,150.25625
    assert dev.benefits == pytest.approx(DEV_ONCOSTS + 1_150.25625, abs=0.01)
    assert dev.cash_12m == pytest.approx(
        (DEV_BASE + 19_012.50 + DEV_ONCOSTS + 1_150.25625) * PAID + DEV_AGENCY, abs=0.01
    )


def test_third_hire_waits_for_a_free_search_slot(bands, assumptions, fx):
    """Two searches at once: hire 3 opens when hire 1's offer is accepted (day 49.3), is
    accepted on day 98.6 and starts after 14 days' notice; hire 5 waits for hire 3's offer."""
    answers = Answers(data_maturity="platform", problem_validation="proven", live_models=3,
                      products=3, regions=2)  # fmt: skip
    lines = make_plan(answers, bands, assumptions, fx).cost.lines
    assert [round(ln.start_day, 1) for ln in lines] == [63.3, 63.3, 112.6, 112.6, 161.9]


# ---- One 12-month cash figure everywhere ----------------------------------------------------

TEAMS = {
    "early": {},  # two hires
    # 16 hires: with two searches at once the last ones are hired after the first 12 months
    # (their offer or their first day falls outside), so the cut-off is exercised.
    "large": {"data_maturity": "platform", "problem_validation": "proven", "live_models": 60,
              "products": 10},
}  # fmt: skip


@pytest.mark.parametrize("horizon", [2, 4, 6])
@pytest.mark.parametrize("channel", ["agency", "in_house"])
@pytest.mark.parametrize("location", ["us_national", "sf_bay_area", "london", "berlin"])
@pytest.mark.parametrize("team", sorted(TEAMS))
def test_first_year_total_is_the_same_cash_everywhere(
    team, location, channel, horizon, bands, assumptions, fx
):
    """The headline is the cash of the plan's first 12 months: the sum of each hire's cash_12m,
    the first four quarters of the quarter plan, what the budget is checked against, and the
    figure in the JSON, the CSV and the Markdown."""
    answers = Answers(location=location, channel=channel, horizon_quarters=horizon,
                      **TEAMS[team])  # fmt: skip
    start = date(2026, 1, 5)
    plan = make_plan(answers, bands, assumptions, fx, start=start, trials=200)
    cost, quarters = plan.cost, plan.quarters
    total = cost.first_year_total
    assert total > 0
    assert total == pytest.approx(sum(ln.cash_12m for ln in cost.lines), rel=1e-12)
    assert len(quarters.quarters) == horizon
    spends = [q.spend for q in quarters.quarters]
    if horizon >= 4:
        assert sum(spends[:4]) == pytest.approx(total, rel=1e-9)
        assert quarters.quarters[3].cumulative == pytest.approx(total, rel=1e-9)
    else:  # the quarters shown are part of the 12 months
        assert sum(spends) <= total + 1e-6
    if team == "large":  # hires whose offer comes after the first 12 months add no cash
        late = [ln for ln in cost.lines if ln.start_day - ln.notice_days >= 365.25]
        assert late and all(ln.cash_12m == 0 for ln in late)

    # The budget is checked against the same figure, just below and just above it.
    for budget, fits in ((total - 1, False), (total + 1, True)):
        priced = make_plan(answers.model_copy(update={"budget": budget}), bands, assumptions,
                           fx, start=start, trials=200)  # fmt: skip
        assert priced.cost.first_year_total == pytest.approx(total, rel=1e-12)
        assert priced.cost.within_budget is fits
        assert (priced.quarters.funded == len(priced.hires)) is fits
        over = [a for a in priced.advice if a.code == "over_budget"]
        assert bool(over) is not fits
        if over:
            cur = cost.currency
            assert (
                f"in its first 12 months the plan pays {money(total, cur)} against a budget of "
                f"{money(budget, cur)}, {money(total - budget, cur)} over." in over[0].text
            )

    # Exports: the JSON headline is its fourth quarter's cumulative spend ...
    data = json.loads(plan_json(plan))
    assert data["cost"]["first_year_total"] == pytest.approx(total, abs=0.005)
    assert data["cost"]["first_year_total"] == pytest.approx(
        sum(h["cash_12m"] for h in data["cost"]["per_hire"]), abs=0.01 * len(cost.lines)
    )
    if horizon >= 4:
        assert data["cost"]["first_year_total"] == pytest.approx(
            data["quarters"][3]["cumulative_spend"], abs=0.01
        )
    # ... the CSV's cash_12m column sums to it ...
    rows = list(csv.reader(io.StringIO(cost_csv(plan))))
    column = rows[0].index("cash_12m")
    cash = sum(float(r[column]) for r in rows[1:])
    assert cash == pytest.approx(total, abs=0.005 * len(cost.lines))
    # ... and the Markdown states it as the cash of the first 12 months.
    assert f"{CASH_LABEL}: **{money(total, cost.currency)}**" in plan_markdown(plan)


@pytest.mark.parametrize(
    ("today", "fiscal", "start"),
    [
        (date(2026, 12, 3), 1, date(2027, 1, 1)),  # mid-quarter: the next quarter's first day
        (date(2027, 1, 1), 1, date(2027, 1, 1)),  # a quarter's first day starts that day
        (date(2027, 1, 2), 1, date(2027, 4, 1)),
        (date(2026, 12, 3), 4, date(2027, 1, 1)),  # Apr-Mar years: quarters start Jan, Apr, …
        (date(2026, 12, 3), 2, date(2027, 2, 1)),  # Feb-Jan years: Nov, Feb, May, Aug
        (date(2026, 11, 1), 2, date(2026, 11, 1)),
        (date(2026, 12, 31), 12, date(2027, 3, 1)),  # Dec-Nov years: Dec, Mar, Jun, Sep
    ],
)
def test_plan_starts_on_the_next_fiscal_quarters_first_day(today, fiscal, start):
    """A plan made on `today` starts on the first fiscal quarter's first day on or after it."""
    assert plan_start(today, fiscal) == start


@pytest.mark.parametrize(
    ("start", "quarter", "fiscal", "label"),
    [
        (date(2027, 1, 1), 1, 1, "Q1 2027 · Jan–Mar"),
        (date(2027, 1, 1), 4, 1, "Q4 2027 · Oct–Dec"),
        (date(2027, 1, 1), 5, 1, "Q1 2028 · Jan–Mar"),
        (date(2027, 1, 1), 1, 4, "Q4 FY2027 · Jan–Mar 2027"),  # FY2027 = Apr 2026-Mar 2027
        (date(2027, 1, 1), 2, 4, "Q1 FY2028 · Apr–Jun 2027"),
        (date(2027, 1, 1), 3, 7, "Q1 FY2028 · Jul–Sep 2027"),  # FY2028 = Jul 2027-Jun 2028
        (date(2026, 11, 1), 1, 2, "Q4 FY2027 · Nov 2026–Jan 2027"),  # Feb 2026-Jan 2027
    ],
)
def test_quarters_are_named_by_fiscal_quarter_year_and_months(start, quarter, fiscal, label):
    """One label function for the plan and the roadmap: quarter, fiscal year, months."""
    assert quarter_label(start, quarter, fiscal) == label


@pytest.mark.parametrize("fiscal", [1, 4, 7, 10, 2])
def test_the_quarter_plan_uses_the_fiscal_year_assumption(fiscal, bands, assumptions, fx):
    """The plan starts on the next fiscal quarter's first day and its quarters say their
    months; the headline stays the first four quarters' cash whatever the fiscal year."""
    a = assumptions.with_values(fiscal_year_start_month=fiscal)
    plan = make_plan(Answers(), bands, a, fx, start=date(2026, 12, 3), trials=200)
    quarters = plan.quarters
    assert quarters.start == plan_start(date(2026, 12, 3), fiscal)
    assert quarters.start.day == 1 and (quarters.start.month - fiscal) % 3 == 0
    assert [q.first_day for q in quarters.quarters] == [
        quarter_start(quarters.start, i) for i in range(1, 5)
    ]
    assert [q.label for q in quarters.quarters] == [
        quarter_label(quarters.start, i, fiscal) for i in range(1, 5)
    ]
    assert ("FY" in quarters.quarters[0].label) is (fiscal != 1)
    assert sum(q.spend for q in quarters.quarters) == pytest.approx(
        plan.cost.first_year_total, rel=1e-9
    )
    said = f"from {day_text(quarters.start)}"  # e.g. "from 1 Jan 2027"
    text, markdown = plan_to_text(plan), plan_markdown(plan)
    assert f"; plan {said})" in text and f"Quarter plan (cash) {said}:" in text
    assert f"· plan {said}\n" in markdown and f"## Quarter plan {said}\n" in markdown


@pytest.mark.parametrize("month", [0, 13, 1.5, -1])
def test_a_fiscal_year_start_month_outside_1_to_12_is_refused(month, assumptions):
    """The fiscal year starts in a whole month from 1 to 12; anything else names the rule."""
    with pytest.raises(ValueError, match="a whole number from 1 to 12"):
        assumptions.with_values(fiscal_year_start_month=month)

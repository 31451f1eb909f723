"""The cost chart's ECharts option: what a board slide reads off it must match the plan."""

from __future__ import annotations

import json

import pytest

from planner import Answers, make_plan
from planner.render._chart_style import money_unit
from planner.render._charts import cost_breakdown_chart
from planner.text import short_cite, short_money


def _parts(option: dict) -> list[dict]:
    return [s for s in option["series"] if s["name"] != "Total"]


@pytest.mark.parametrize(
    "answers",
    [
        Answers(),
        Answers(problem_validation="proven", data_maturity="platform", live_models=3),
        Answers(location="london"),
    ],
)
def test_bars_add_up_to_each_hires_total(answers, bands, assumptions, fx):
    """Each bar's parts are that hire's cash in the plan's first 12 months (salary, on-costs
    and bonus for the share of the year on payroll, the recruiting fee) and add up to its
    cash_12m, the label at its end says the same, the axis reaches past the longest bar, and
    the title gives the plan's total."""
    plan = make_plan(answers, bands, assumptions, fx)
    chart = cost_breakdown_chart(plan)
    option = chart.option["baseOption"]
    unit = money_unit(max(ln.cash_12m for ln in plan.cost.lines), plan.cost.currency)
    # one stack per hire, the parts first and a bar of nothing carrying the total last
    assert {s["stack"] for s in option["series"]} == {"cost"}
    assert option["series"][-1]["name"] == "Total"
    assert all(item["value"] == 0 for item in option["series"][-1]["data"])
    parts = {s["name"]: s for s in _parts(option)}
    for i, line in enumerate(plan.cost.lines):
        expected = {
            "Salary": line.base * line.paid_share,
            "Employer on-costs": line.benefits * line.paid_share,
            "Recruiting": line.fee_12m,
        }
        for name, value in expected.items():
            assert parts[name]["data"][i]["value"] == pytest.approx(value / unit.divisor, abs=0.1)
        stacked = sum(s["data"][i]["value"] for s in _parts(option))
        assert stacked == pytest.approx(line.cash_12m / unit.divisor, abs=0.1 * len(_parts(option)))
        total_label = option["series"][-1]["data"][i]["label"]["formatter"]
        assert total_label == short_money(line.cash_12m, plan.cost.currency)
    assert option["xAxis"]["max"] * unit.divisor >= max(ln.cash_12m for ln in plan.cost.lines)
    title = option["title"][0]["text"]
    assert title.startswith("Cash in the first 12 months: ")
    assert short_money(plan.cost.first_year_total, plan.cost.currency) in title
    assert len(option["yAxis"]["data"]) == len(plan.cost.lines)
    assert chart.height >= 170 + 70 * len(plan.cost.lines)
    json.dumps(chart.option, allow_nan=False)  # plain JSON, as st.echarts_chart sends it


def test_footer_names_every_source_and_legend_skips_empty_parts(bands, assumptions, fx):
    """The sources travel with a screenshot; parts that are zero for every hire (the bonus by
    default) are neither drawn nor in the legend, and what is not cash (equity, interviews,
    ramp-up, the empty seat) is never drawn."""
    plan = make_plan(Answers(), bands, assumptions, fx)
    option = cost_breakdown_chart(plan).option["baseOption"]
    footer = option["title"][1]["text"].replace("\n", " ")
    for source in plan.cost.sources:
        assert short_cite(source) in footer
    names = [s["name"] for s in _parts(option)]
    assert names == option["legend"]["data"]
    assert names == ["Salary", "Employer on-costs", "Recruiting"]
    bonus = make_plan(Answers(), bands, assumptions.with_values(bonus_share=0.1), fx)
    names = [s["name"] for s in _parts(cost_breakdown_chart(bonus).option["baseOption"])]
    assert names == ["Salary", "Employer on-costs", "Bonus", "Recruiting"]


@pytest.mark.parametrize(
    ("value", "currency", "short"),
    [
        (158_000, "USD", "$158k"),
        (999_499, "USD", "$999k"),
        (999_500, "USD", "$1.00M"),  # not "$1000k"
        (1_300_000, "GBP", "£1.30M"),
        (2_400_000, "EUR", "€2.40M"),
    ],
)
def test_short_money_never_says_a_thousand_thousands(value, currency, short):
    """Values that would round to 1000k switch to millions, as the chart axis does."""
    assert short_money(value, currency) == short
    assert money_unit(value, currency).suffix == short[-1]


@pytest.mark.parametrize(
    ("largest", "currency", "labels"),
    [
        (362_000, "USD", ("$", "k")),
        (1_300_000, "CAD", ("CA$", "M")),  # where short_money() says "$1.30M" too
        (2_400_000, "EUR", ("€", "M")),
        (95_000, "GBP", ("£", "k")),
    ],
)
def test_money_axis_has_three_to_six_round_steps(largest, currency, labels):
    unit = money_unit(largest, currency)
    axis = unit.axis(largest * 1.15)
    steps = axis["max"] / axis["interval"]
    assert 3 <= steps <= 6 and steps == int(steps)
    assert axis["max"] * unit.divisor >= largest * 1.15
    assert axis["axisLabel"]["formatter"] == f"{labels[0]}{{value}}{labels[1]}"
    # the tightest round axis: one step less would not reach the longest bar
    assert (axis["max"] - axis["interval"]) * unit.divisor < largest * 1.15


def test_tooltips_give_exact_amounts_in_millions_too(bands, assumptions, fx):
    """With cash in the millions (an uploaded band paying millions), the axis is in $M but
    each tooltip still gives the exact amount of that part for that hire."""
    from planner import validate_benchmarks

    upload = validate_benchmarks(
        b"archetype,level,location,currency,p10,p25,p50,p75,p90,ml_specific,source,year,status\n"
        b"researcher,senior,us_national,USD,1500000,1700000,1900000,2100000,2300000,true,"
        b"Board,2026,primary\n",
        name="board.csv",
    )
    plan = make_plan(Answers(), bands.overlay(upload.table), assumptions, fx)
    assert max(ln.cash_12m for ln in plan.cost.lines) >= 1_000_000
    option = cost_breakdown_chart(plan).option["baseOption"]
    assert option["xAxis"]["axisLabel"]["formatter"] == "${value}M"
    first = plan.cost.lines[0]
    oncosts = next(s for s in option["series"] if s["name"] == "Employer on-costs")
    assert oncosts["data"][0]["tooltip"]["formatter"] == (
        f"#1 Model researcher<br/>Employer on-costs: ${first.benefits * first.paid_share:,.0f}"
    )

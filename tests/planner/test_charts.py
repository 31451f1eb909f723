"""The cost chart's ECharts option: what a board slide reads off it must match the plan."""

from __future__ import annotations

import json

import pytest

from planner import Answers, make_plan
from planner.chart_style import money_unit
from planner.charts import cost_breakdown_chart
from planner.report import short_cite, short_money


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
    """Each bar's parts add up to that hire's first-year cost, the label at its end says the
    same, the axis reaches past the longest bar, and the title gives the plan's total."""
    plan = make_plan(answers, bands, assumptions, fx)
    chart = cost_breakdown_chart(plan)
    option = chart.option["baseOption"]
    unit = money_unit(max(ln.total for ln in plan.cost.lines), plan.cost.currency)
    # one stack per hire, the parts first and a bar of nothing carrying the total last
    assert {s["stack"] for s in option["series"]} == {"cost"}
    assert option["series"][-1]["name"] == "Total"
    assert all(item["value"] == 0 for item in option["series"][-1]["data"])
    for i, line in enumerate(plan.cost.lines):
        stacked = sum(s["data"][i]["value"] for s in _parts(option))
        assert stacked == pytest.approx(line.total / unit.divisor, abs=0.1 * len(_parts(option)))
        total_label = option["series"][-1]["data"][i]["label"]["formatter"]
        assert total_label == short_money(line.total, plan.cost.currency)
    assert option["xAxis"]["max"] * unit.divisor >= max(ln.total for ln in plan.cost.lines)
    assert short_money(plan.cost.first_year_total, plan.cost.currency) in option["title"][0]["text"]
    assert len(option["yAxis"]["data"]) == len(plan.cost.lines)
    assert chart.height >= 170 + 70 * len(plan.cost.lines)
    json.dumps(chart.option, allow_nan=False)  # plain JSON, as st.echarts_chart sends it


def test_footer_names_every_source_and_legend_skips_empty_parts(bands, assumptions, fx):
    """The sources travel with a screenshot; parts that are zero for every hire (equity and
    the empty seat by default) are neither drawn nor in the legend."""
    plan = make_plan(Answers(), bands, assumptions, fx)
    option = cost_breakdown_chart(plan).option["baseOption"]
    footer = option["title"][1]["text"].replace("\n", " ")
    for source in plan.cost.sources:
        assert short_cite(source) in footer
    names = [s["name"] for s in _parts(option)]
    assert names == option["legend"]["data"]
    assert "Equity" not in names and "Empty seat" not in names
    assert "Salary" in names


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
    """With costs in the millions (an expensive empty seat), the axis is in $M but each
    tooltip still gives the exact amount of that part for that hire."""
    seat = assumptions.empty_seat_per_month.model_copy(update={"value": 400_000.0})
    plan = make_plan(
        Answers(), bands, assumptions.model_copy(update={"empty_seat_per_month": seat}), fx
    )
    assert max(ln.total for ln in plan.cost.lines) >= 1_000_000
    option = cost_breakdown_chart(plan).option["baseOption"]
    assert option["xAxis"]["axisLabel"]["formatter"] == "${value}M"
    first = plan.cost.lines[0]
    interviews = next(s for s in option["series"] if s["name"] == "Interviews")
    assert interviews["data"][0]["tooltip"]["formatter"].endswith(
        f"Interviews: ${first.interviewing:,.0f}"
    )

"""What a plan costs: each hire's cash, the quarter plan, the Monte Carlo spread and what-ifs.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.costing._calendar import (
    day_text,
    fiscal_quarter,
    plan_start,
    quarter_label,
    quarter_start,
)
from planner.costing._costs import (
    OnCostRule,
    cost_hire,
    cost_plan,
    interviewer_hourly_cost,
    oncost_sources,
    salary_at,
)
from planner.costing._quarters import DAYS_PER_QUARTER, YEAR_QUARTERS, cash_by_quarter, quarter_plan
from planner.costing._schedule import fill_medians
from planner.costing._simulate import (
    TRIALS,
    YEAR_DAYS,
    CostModel,
    SearchSpec,
    interp_rows,
    outlook,
    simulate,
    spread_inputs,
)
from planner.costing._tradeoffs import compare_reqs, sensitivity

__all__ = [
    "DAYS_PER_QUARTER",
    "TRIALS",
    "YEAR_DAYS",
    "YEAR_QUARTERS",
    "CostModel",
    "OnCostRule",
    "SearchSpec",
    "cash_by_quarter",
    "compare_reqs",
    "cost_hire",
    "cost_plan",
    "day_text",
    "fill_medians",
    "fiscal_quarter",
    "interp_rows",
    "interviewer_hourly_cost",
    "oncost_sources",
    "outlook",
    "plan_start",
    "quarter_label",
    "quarter_plan",
    "quarter_start",
    "salary_at",
    "sensitivity",
    "simulate",
    "spread_inputs",
]

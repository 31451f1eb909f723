"""The quarter plan: hires land in order; cash spent per quarter against the budget."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from planner.costing._calendar import quarter_label, quarter_start
from planner.models import CostLine, Quarter, QuarterPlan

DAYS_PER_QUARTER = 365.25 / 4


YEAR_QUARTERS = 4  # the headline cash is the plan's first 12 months: its first four quarters


def cash_by_quarter(line: CostLine, horizon: int) -> np.ndarray:
    """One hire's cash per quarter: the recruiting fee when the offer is accepted, pay (base,
    on-costs, bonus accrued evenly) from the first day. The only definition of cash: the
    headline total is the sum of the first four quarters."""
    spend = np.zeros(horizon)
    offer_q = int((line.start_day - line.notice_days) // DAYS_PER_QUARTER)
    if 0 <= offer_q < horizon:
        spend[offer_q] += line.recruiting
    per_day = line.run_rate / 365.25
    for q in range(horizon):
        q_start, q_end = q * DAYS_PER_QUARTER, (q + 1) * DAYS_PER_QUARTER
        employed = max(0.0, q_end - max(q_start, line.start_day))
        spend[q] += min(employed, DAYS_PER_QUARTER) * per_day
    return spend


def quarter_plan(
    lines: Sequence[CostLine],
    horizon: int,
    budget: float | None,
    start: date,
    fiscal_start_month: int = 1,
) -> QuarterPlan:
    """Spend per quarter for the whole plan, and how many hires, in order, fit the budget for
    the first 12 months (the same cash the headline total counts). `start` is day 0, the first
    day of a fiscal quarter (costing.plan_start)."""
    per_hire = np.array([cash_by_quarter(ln, horizon) for ln in lines]).reshape(len(lines), horizon)
    funded = len(lines)
    if budget is not None:
        # Take hires in order while their 12-month cash fits: more budget never funds fewer.
        within = np.cumsum([ln.cash_12m for ln in lines]) <= budget + 1e-6
        funded = int(np.argmin(within)) if not within.all() else len(lines)
    spend = per_hire.sum(axis=0)
    cumulative = np.cumsum(spend)
    quarters = []
    for q in range(horizon):
        starts = tuple(
            ln.order
            for ln in lines
            if q * DAYS_PER_QUARTER <= ln.start_day < (q + 1) * DAYS_PER_QUARTER
        )
        quarters.append(
            Quarter(
                index=q + 1,
                label=quarter_label(start, q + 1, fiscal_start_month),
                first_day=quarter_start(start, q + 1),
                starts=starts,
                spend=float(spend[q]),
                cumulative=float(cumulative[q]),
            )
        )
    after = tuple(ln.order for ln in lines if ln.start_day >= horizon * DAYS_PER_QUARTER)
    return QuarterPlan(
        quarters=tuple(quarters),
        start=start,
        fiscal_start_month=fiscal_start_month,
        budget=budget,
        funded=funded,
        after_horizon=after,
    )

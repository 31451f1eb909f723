"""What-ifs around a plan: the all-in-one req against a focused one, and what moves the cost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from planner.costing._simulate import CostModel, SearchSpec, simulate
from planner.market import PERCENTILES, Assumptions
from planner.models import Answers, ReqComparison, ReqOption, SensitivityRow, count
from planner.text import money

SHORT_NAME = {
    "ai_premium": "AI/ML premium",
    "agency_fee": "Agency fee",
    "in_house_cost_per_hire": "In-house cost per hire",
    "bonus_share": "Cash bonus",
    "time_to_fill_researcher": "Time to fill, researcher",
    "time_to_fill_developer": "Time to fill, developer",
    "time_to_fill_operator": "Time to fill, operator",
}
SWING = 0.20  # each assumption moves 20% down and up in the tornado ...
PERCENTILE_SWING = 15  # ... and the pay percentile 15 points


def compare_reqs(
    focused: SearchSpec,
    generalist: SearchSpec,
    model: CostModel,
    archetype_title: str,
    currency: str,
    seed: int,
    start: date,
    trials: int,
) -> ReqComparison:
    """Simulate one focused search and one all-in-one search for the same first seat."""
    options = []
    for label, spec in ((f"Focused {archetype_title.lower()} req", focused),
                        ("One all-in-one “ML engineer” req", generalist)):  # fmt: skip
        draws = simulate([spec], model, trials=trials, seed=seed)
        day = float(np.percentile(draws.start_day[:, 0], 50))
        base = float(np.interp(spec.percentile, PERCENTILES, spec.band.percentiles))
        options.append(
            ReqOption(
                label=label,
                cost_p50=float(np.percentile(draws.cost, 50)),
                yearly_pay=base * (1 + spec.oncost_share + model.bonus_share),
                work_starts_p50=day,
                work_starts_date=start + timedelta(days=round(day)),
            )
        )
    f, g = options
    pay = g.yearly_pay - f.yearly_pay
    cash = g.cost_p50 - f.cost_p50
    weeks = (g.work_starts_p50 - f.work_starts_p50) / 7
    # Compare what each hire pays a year once hired: the 12-month cash of a slower search is
    # lower only because the seat stays empty longer, which is no saving.
    sentence = (
        f"One all-in-one “ML engineer” req would pay about {money(abs(pay), currency)} a year "
        f"{'more' if pay >= 0 else 'less'} once hired, and the work you need would likely get "
        f"an owner who fits about {count(round(abs(weeks)), 'week')} "
        f"{'later' if weeks >= 0 else 'sooner'} than with a focused "
        f"{archetype_title.lower()} req"
        + (
            f"; its cash in the first 12 months is {money(abs(cash), currency)} lower only "
            "because the seat stays empty longer."
            if cash < 0 and weeks > 0
            else "."
        )
    )
    return ReqComparison(focused=f, generalist=g, sentence=sentence)


def sensitivity(
    answers: Answers,
    assumptions: Assumptions,
    total_for: Callable[[Answers, Assumptions], float],
    top: int = 6,
) -> tuple[SensitivityRow, ...]:
    """12-month cash with each assumption moved down and up; the biggest swings first."""
    rows = []
    p = answers.pay_percentile
    lo_p, hi_p = max(10, p - PERCENTILE_SWING), min(90, p + PERCENTILE_SWING)
    rows.append(
        SensitivityRow(
            assumption="Pay percentile",
            low_label=f"P{lo_p}",
            high_label=f"P{hi_p}",
            low_total=total_for(answers.model_copy(update={"pay_percentile": lo_p}), assumptions),
            high_total=total_for(answers.model_copy(update={"pay_percentile": hi_p}), assumptions),
        )
    )
    for key, name in SHORT_NAME.items():
        item = getattr(assumptions, key)
        if item.value == 0:
            continue  # nothing to move (e.g. equity or empty seat not set)
        lo, hi = item.value * (1 - SWING), item.value * (1 + SWING)
        if key == "ai_premium":
            lo, hi = assumptions.premium_range  # its published range, not a flat swing
        try:
            low = total_for(answers, assumptions.with_values(**{key: lo}))
            high = total_for(answers, assumptions.with_values(**{key: hi}))
        except ValueError:
            continue  # the move would leave the allowed range; skip this driver
        if abs(high - low) < 0.5:
            continue  # does not touch this plan (e.g. in-house cost with an agency)
        rows.append(
            SensitivityRow(
                assumption=name,
                low_label=_show(lo),
                high_label=_show(hi),
                low_total=low,
                high_total=high,
            )
        )
    return tuple(sorted(rows, key=lambda r: -r.swing)[:top])


def _show(value: float) -> str:
    """Shares as percentages, small numbers with one decimal, amounts with separators."""
    if value <= 1:
        return f"{value:.1%}"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"

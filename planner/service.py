"""One entry point: answers in, plan out. The app and the CLI both call `make_plan`."""

from __future__ import annotations

from collections.abc import Sequence

from planner.benchmarks import Assumptions, apply_premium
from planner.costs import cost_plan, hires_within_budget
from planner.models import Answers, Band, Plan
from planner.rules import ARCHETYPE_TITLE, diagnose, recommend_mix, stage_warnings


def make_plan(answers: Answers, raw_bands: Sequence[Band], assumptions: Assumptions) -> Plan:
    """Diagnose the stage, recommend the mix net of the existing team, and price it."""
    diagnosis = diagnose(answers)
    mix, hires = recommend_mix(diagnosis, answers)
    bands = apply_premium(tuple(raw_bands), assumptions.ai_premium)
    location = answers.location.value
    cost = cost_plan(
        hires,
        bands,
        location,
        answers.pay_percentile,
        answers.channel,
        answers.budget,
        assumptions,
    )
    warnings = stage_warnings(diagnosis, answers, mix)
    if answers.budget is not None and cost.within_budget is False:
        fit = hires_within_budget(cost.lines, answers.budget)
        outside = ", ".join(
            f"#{line.order} {ARCHETYPE_TITLE[line.archetype].lower()}" for line in cost.lines[fit:]
        )
        warnings.append(
            f"Over budget: the first-year cost is {cost.currency} {cost.first_year_total:,.0f} "
            f"against a budget of {cost.currency} {answers.budget:,.0f}. "
            f"The first {fit} hire(s) fit; {outside} fall outside. "
            "Delay the last hires in the order first: they guard against a later failure."
        )
    used = {h.archetype for h in hires}
    return Plan(
        answers=answers,
        diagnosis=diagnosis,
        mix=tuple(mix),
        hires=tuple(hires),
        warnings=tuple(warnings),
        bands=tuple(b for b in bands if b.location == location and b.archetype in used),
        cost=cost,
    )

"""One entry point: answers in, plan out. The app and the CLI both call `make_plan`."""

from __future__ import annotations

from planner.bandtable import BandTable
from planner.benchmarks import Assumptions, apply_premium
from planner.costs import cost_plan, hires_within_budget
from planner.errors import DataFileError
from planner.fx import FxTable, convert_band
from planner.models import Answers, Archetype, Band, Level, Plan
from planner.report import money
from planner.rules import ARCHETYPE_TITLE, diagnose, recommend_mix, stage_warnings


def market_band(
    table: BandTable,
    archetype: Archetype,
    level: Level,
    answers: Answers,
    assumptions: Assumptions,
    fx: FxTable,
) -> Band:
    """The band a plan prices against: premium applied, in the display currency."""
    band = table.band(archetype, level, answers.location)
    if band is None:
        raise DataFileError(
            f"the salary data has no band for a {level.value} {archetype.value} in "
            f"{answers.location.value}; add that row to the benchmarks file"
        )
    return convert_band(apply_premium(band, assumptions.ai_premium), answers.display_currency, fx)


def make_plan(answers: Answers, table: BandTable, assumptions: Assumptions, fx: FxTable) -> Plan:
    """Diagnose the stage, recommend the mix net of the existing team, and price it."""
    diagnosis = diagnose(answers)
    mix, hires = recommend_mix(diagnosis, answers)
    bands = [market_band(table, h.archetype, h.level, answers, assumptions, fx) for h in hires]
    interviewer = market_band(table, Archetype.DEVELOPER, Level.MID, answers, assumptions, fx)
    currency = answers.display_currency
    cost = cost_plan(
        hires,
        bands,
        interviewer,
        currency,
        answers.pay_percentile,
        answers.channel,
        answers.budget,
        assumptions,
        fx,
    )
    warnings = stage_warnings(diagnosis, answers, mix)
    if answers.budget is not None and cost.within_budget is False:
        fit = hires_within_budget(cost.lines, answers.budget)
        outside = ", ".join(
            f"#{line.order} {ARCHETYPE_TITLE[line.archetype].lower()}" for line in cost.lines[fit:]
        )
        warnings.append(
            f"Over budget: the first-year cost is {money(cost.first_year_total, currency.value)} "
            f"against a budget of {money(answers.budget, currency.value)}. "
            f"The first {fit} hire(s) fit; {outside} fall outside. "
            "Delay the last hires in the order first: they guard against a later failure."
        )
    return Plan(
        answers=answers,
        diagnosis=diagnosis,
        mix=tuple(mix),
        hires=tuple(hires),
        warnings=tuple(warnings),
        bands=tuple(dict.fromkeys(bands)),
        cost=cost,
    )

"""First-year cost of a hiring plan, priced against market salary bands."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.benchmarks import PERCENTILES, Assumptions
from planner.fx import FxTable
from planner.models import Band, Channel, CostLine, CostSummary, Currency, Hire, Source
from planner.schedule import DAYS_PER_MONTH, fill_medians, start_days


def salary_at(band: Band, percentile: float) -> float:
    """Base salary at a percentile of the band, linear between the published points."""
    return float(np.interp(percentile, PERCENTILES, band.percentiles))


def interviewer_hourly_cost(interviewer_band: Band, a: Assumptions) -> float:
    """Loaded hourly cost of an interviewer: a median mid-level developer's pay plus benefits."""
    return interviewer_band.p50 * (1 + a.benefits_load) / a.work_hours_per_year.value


def cost_hire(
    hire: Hire,
    band: Band,
    percentile: float,
    channel: Channel,
    a: Assumptions,
    interviewer_hourly: float,
    in_house_cost: float,
    start_day: float = 0.0,
) -> CostLine:
    """Fully loaded first-year cost of one hire starting `start_day` days into the plan."""
    base = salary_at(band, percentile)
    recruiting = base * a.agency_fee.value if channel is Channel.AGENCY else in_house_cost
    return CostLine(
        order=hire.order,
        archetype=hire.archetype,
        level=hire.level,
        base=base,
        benefits=base * a.benefits_load,
        equity=base * a.equity_share.value,
        recruiting=recruiting,
        interviewing=a.interview_hours.value * interviewer_hourly,
        ramp=base * a.ramp_months.value / 12 * (1 - a.ramp_productivity.value),
        empty_seat=a.empty_seat_per_month.value * start_day / DAYS_PER_MONTH,
        start_day=start_day,
    )


def cost_plan(
    hires: Sequence[Hire],
    bands: Sequence[Band],
    interviewer_band: Band,
    currency: Currency,
    percentile: int,
    channel: Channel,
    budget: float | None,
    a: Assumptions,
    fx: FxTable,
) -> CostSummary:
    """Price every hire (bands[i] is hire i's band, already in `currency`) and total the year."""
    hourly = interviewer_hourly_cost(interviewer_band, a)
    in_house = fx.convert(a.in_house_cost_per_hire.value, Currency.USD, currency)
    medians = fill_medians([h.archetype for h in hires], channel, a)
    _, starts = start_days(medians[:, None], int(a.parallel_searches.value), a.notice_days.value)
    lines = tuple(
        cost_hire(h, b, percentile, channel, a, hourly, in_house, float(day))
        for h, b, day in zip(hires, bands, starts[:, 0], strict=True)
    )
    total = sum(line.total for line in lines)
    sources: list[Source] = list(dict.fromkeys(b.source for b in bands))
    if any(b.ml_premium for b in bands):
        sources.append(a.ai_premium.as_source())
    if any(b.fx_note for b in bands):
        sources += list(dict.fromkeys(fx.source_of(b.currency) for b in bands if b.fx_note))
    sources += [
        a.benefits_share.as_source(),
        (a.agency_fee if channel is Channel.AGENCY else a.in_house_cost_per_hire).as_source(),
        a.interview_hours.as_source(),
        a.work_hours_per_year.as_source(),
        *(x.as_source() for x in (a.equity_share, a.ramp_months, a.ramp_productivity)),
        *(
            getattr(a, f"time_to_fill_{x.value}").as_source()
            for x in dict.fromkeys(h.archetype for h in hires)
        ),
        a.notice_days.as_source(),
        a.empty_seat_per_month.as_source(),
    ]
    return CostSummary(
        currency=currency.value,
        pay_percentile=percentile,
        lines=lines,
        first_year_total=total,
        within_budget=None if budget is None else total <= budget,
        sources=tuple(sources),
    )


def hires_within_budget(lines: Sequence[CostLine], budget: float) -> int:
    """How many hires, taken in order, fit in the budget."""
    spent = 0.0
    for n, line in enumerate(lines):
        spent += line.total
        if spent > budget:
            return n
    return len(lines)

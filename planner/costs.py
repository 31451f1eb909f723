"""First-year cost of a hiring plan, priced against market salary bands."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.benchmarks import PERCENTILES, Assumptions
from planner.models import Archetype, Band, Channel, CostLine, CostSummary, Hire, Source


def salary_at(band: Band, percentile: float) -> float:
    """Base salary at a percentile of the band, linear between the published points."""
    points = [band.p10, band.p25, band.p50, band.p75, band.p90]
    return float(np.interp(percentile, PERCENTILES, points))


def band_for(bands: Sequence[Band], archetype: Archetype, location: str) -> Band:
    """The band for an archetype in a location; KeyError names what is missing."""
    for band in bands:
        if band.archetype is archetype and band.location == location:
            return band
    raise KeyError(f"no salary band for {archetype.value} in {location}")


def interviewer_hourly_cost(bands: Sequence[Band], location: str, a: Assumptions) -> float:
    """Loaded hourly cost of an interviewer: a median developer's pay plus benefits, per hour."""
    median_developer = band_for(bands, Archetype.DEVELOPER, location).p50
    return median_developer * (1 + a.benefits_load) / a.work_hours_per_year.value


def cost_hire(
    hire: Hire,
    band: Band,
    percentile: float,
    channel: Channel,
    a: Assumptions,
    interviewer_hourly: float,
) -> CostLine:
    """First-year cost of one hire: base, benefits load, recruiting, interviewer time."""
    base = salary_at(band, percentile)
    recruiting = (
        base * a.agency_fee.value if channel is Channel.AGENCY else a.in_house_cost_per_hire.value
    )
    return CostLine(
        order=hire.order,
        archetype=hire.archetype,
        level=hire.level,
        base=base,
        benefits=base * a.benefits_load,
        recruiting=recruiting,
        interviewing=a.interview_hours.value * interviewer_hourly,
    )


def cost_plan(
    hires: Sequence[Hire],
    bands: Sequence[Band],
    location: str,
    percentile: int,
    channel: Channel,
    budget: float | None,
    a: Assumptions,
) -> CostSummary:
    """Price every hire of the plan and total the first year."""
    hourly = interviewer_hourly_cost(bands, location, a)
    lines = tuple(
        cost_hire(h, band_for(bands, h.archetype, location), percentile, channel, a, hourly)
        for h in hires
    )
    total = sum(line.total for line in lines)
    used = {band_for(bands, h.archetype, location) for h in hires} if hires else set()
    sources: list[Source] = sorted({b.source for b in used}, key=lambda s: s.label)
    sources += [
        a.ai_premium.as_source(),
        a.benefits_share.as_source(),
        (a.agency_fee if channel is Channel.AGENCY else a.in_house_cost_per_hire).as_source(),
        a.interview_hours.as_source(),
        a.work_hours_per_year.as_source(),
    ]
    currency = band_for(bands, Archetype.DEVELOPER, location).currency
    return CostSummary(
        currency=currency,
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

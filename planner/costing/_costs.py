"""What a hiring plan costs, priced against market salary bands.

One definition of each total (docs and every view use it): cash is base salary, employer
on-costs, bonus and the recruiting fee, paid in the plan's first 12 months from its start
date; the cost of the search (interviews, ramp-up, empty seat) is shown apart and is not cash.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.costing._schedule import DAYS_PER_MONTH, fill_medians, start_days
from planner.market import (
    PERCENTILES,
    Assumptions,
    FxTable,
    employer_oncosts,
    jurisdiction_for,
    override_key,
)
from planner.models import Band, Channel, CostLine, CostSummary, Currency, Hire, Location, Source

YEAR_DAYS = 365.25


def salary_at(band: Band, percentile: float) -> float:
    """Base salary at a percentile of the band, linear between the published points."""
    return float(np.interp(percentile, PERCENTILES, band.percentiles))


class OnCostRule:
    """A hire's yearly employer on-costs in the plan's display currency: the country's rules
    (caps, thresholds) apply to pay in the local currency, so amounts are converted there and
    back."""

    def __init__(self, a: Assumptions, location: Location, display: Currency, fx: FxTable):
        self.a, self.location = a, location
        self.local = a.employer_costs.chain(jurisdiction_for(location))[-1][1].currency
        self.to_local, self.to_display = (
            fx.factor(display, self.local),
            fx.factor(self.local, display),
        )

    def __call__(self, base: float, bonus: float = 0.0) -> float:
        local = self.a.oncosts(self.location, base * self.to_local, bonus * self.to_local)
        return local * self.to_display

    def itemised(self, base: float, bonus: float = 0.0) -> tuple[tuple[str, float], ...]:
        """The on-costs line by line (the components that apply), in the display currency: what
        __call__ sums, for exports that show every component."""
        local = employer_oncosts(
            self.a.employer_costs,
            self.location,
            base * self.to_local,
            bonus * self.to_local,
            overrides=self.a.oncost_overrides,
        )
        return tuple((ln.label, ln.amount * self.to_display) for ln in local.lines if ln.applied)

    def share(self, base: float, bonus: float = 0.0) -> float:
        """On-costs as a share of base at this pay (0 for no pay)."""
        return self(base, bonus) / base if base > 0 else 0.0


def oncost_sources(a: Assumptions, location: Location) -> list[Source]:
    """The sources of the on-cost components that apply in `location` (on, or switched on)."""
    return [
        c.as_source()
        for key, j in a.employer_costs.chain(jurisdiction_for(location))
        for c in j.components
        if a.oncost_overrides.get(override_key(key, c.id), float(c.default_on)) > 0
    ]


def interviewer_hourly_cost(interviewer_band: Band, a: Assumptions, oncosts: OnCostRule) -> float:
    """Loaded hourly cost of an interviewer: a median mid-level developer's pay plus on-costs."""
    pay = interviewer_band.p50
    return (pay + oncosts(pay)) / a.work_hours_per_year.value


def cost_hire(
    hire: Hire,
    band: Band,
    percentile: float,
    channel: Channel,
    a: Assumptions,
    interviewer_hourly: float,
    in_house_cost: float,
    oncosts: OnCostRule,
    start_day: float = 0.0,
    notice_days: float = 0.0,
) -> CostLine:
    """One hire's yearly pay and costs, starting `start_day` days into the plan."""
    base = salary_at(band, percentile)
    bonus = base * a.bonus_share.value
    recruiting = base * a.agency_fee.value if channel is Channel.AGENCY else in_house_cost
    return CostLine(
        order=hire.order,
        archetype=hire.archetype,
        level=hire.level,
        base=base,
        benefits=oncosts(base, bonus),
        bonus=bonus,
        equity=base * a.equity_share.value,
        recruiting=recruiting,
        interviewing=a.interview_hours.value * interviewer_hourly,
        ramp=base * a.ramp_months.value / 12 * (1 - a.ramp_productivity.value),
        empty_seat=a.empty_seat_per_month.value * start_day / DAYS_PER_MONTH,
        start_day=start_day,
        notice_days=notice_days,
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
    location: Location,
) -> CostSummary:
    """Price every hire (bands[i] is hire i's band, already in `currency`) and total the year."""
    oncosts = OnCostRule(a, location, currency, fx)
    hourly = interviewer_hourly_cost(interviewer_band, a, oncosts)
    in_house = a.in_house_cost(fx, currency)
    medians = fill_medians([h.archetype for h in hires], channel, a)
    notices = [a.notice(location, h.level) for h in hires]
    notice = np.array([[n for n, _ in notices]], dtype=float).reshape(len(hires), 1)
    _, starts = start_days(medians[:, None], int(a.parallel_searches.value), notice)
    lines = tuple(
        _with_cash(
            cost_hire(h, b, percentile, channel, a, hourly, in_house, oncosts, float(day), n)
        )
        for h, b, day, (n, _) in zip(hires, bands, starts[:, 0], notices, strict=True)
    )
    total = sum(line.cash_12m for line in lines)
    sources: list[Source] = list(dict.fromkeys(b.source for b in bands))
    if any(b.ml_premium for b in bands):
        sources.append(a.ai_premium.as_source())
    if any(b.fx_note for b in bands):
        sources += list(dict.fromkeys(fx.source_of(b.currency) for b in bands if b.fx_note))
    sources += oncost_sources(a, location)
    sources += [
        (a.agency_fee if channel is Channel.AGENCY else a.in_house_cost_per_hire).as_source(),
        a.interview_hours.as_source(),
        a.work_hours_per_year.as_source(),
        *(
            x.as_source()
            for x in (a.bonus_share, a.equity_share, a.ramp_months, a.ramp_productivity)
        ),
        *(
            getattr(a, f"time_to_fill_{x.value}").as_source()
            for x in dict.fromkeys(h.archetype for h in hires)
        ),
        *dict.fromkeys(src for _, src in notices),
        a.empty_seat_per_month.as_source(),
    ]
    excludes = tuple(
        name
        for name, v in (("bonus", a.bonus_share.value), ("equity", a.equity_share.value))
        if not v
    )
    return CostSummary(
        currency=currency.value,
        pay_percentile=percentile,
        lines=lines,
        first_year_total=total,
        within_budget=None if budget is None else total <= budget + 1e-6,
        sources=tuple(dict.fromkeys(sources)),
        excludes=excludes,
    )


def _with_cash(line: CostLine) -> CostLine:
    """The line with its share of the plan's first 12 months on payroll and the fee paid in
    them; the quarter plan's four quarters add up to the same cash (a test pins it)."""
    share = min(1.0, max(0.0, (YEAR_DAYS - line.start_day) / YEAR_DAYS))
    offered = line.start_day - line.notice_days < YEAR_DAYS
    return line.model_copy(update={"paid_share": share, "fee_12m": line.recruiting * offered})

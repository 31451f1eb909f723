"""Monte Carlo of a hiring plan: first-year cost and 'whole mix in place by', as P50 and P90.

Each trial draws, per hire: where in the band the offer lands, how long the search takes, and
whether the hire works out. Everything is vectorised over trials with numpy; the only Python
loop is over hires (a handful). The same seed gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from planner.benchmarks import PERCENTILES, Assumptions
from planner.models import Band, Channel, Outlook
from planner.schedule import DAYS_PER_MONTH, start_days

TRIALS = 10_000
SAMPLES_KEPT = 2_000  # for the distribution chart


@dataclass(frozen=True)
class SearchSpec:
    """What the simulation needs to know about one req, in hiring order."""

    band: Band
    percentile: float
    fill_median_days: float
    mishire_rate: float


@dataclass(frozen=True)
class CostModel:
    """The per-hire cost rules of costs.py, as plain numbers for vectorised use."""

    benefits_load: float
    equity_share: float
    agency_fee: float | None  # None: in-house
    in_house_cost: float
    interviewing: float
    ramp_share: float  # share of a year's base lost while ramping up
    ramp_days: float
    empty_seat_per_day: float
    fill_spread: float
    offer_spread: float
    notice_days: float
    slots: int

    @classmethod
    def from_assumptions(
        cls, a: Assumptions, channel: Channel, in_house_cost: float, interviewing: float
    ) -> CostModel:
        return cls(
            benefits_load=a.benefits_load,
            equity_share=a.equity_share.value,
            agency_fee=a.agency_fee.value if channel is Channel.AGENCY else None,
            in_house_cost=in_house_cost,
            interviewing=interviewing,
            ramp_share=a.ramp_months.value / 12 * (1 - a.ramp_productivity.value),
            ramp_days=a.ramp_months.value * DAYS_PER_MONTH,
            empty_seat_per_day=a.empty_seat_per_month.value / DAYS_PER_MONTH,
            fill_spread=a.time_to_fill_spread.value,
            offer_spread=a.offer_spread.value,
            notice_days=a.notice_days.value,
            slots=int(a.parallel_searches.value),
        )


@dataclass(frozen=True)
class Draws:
    """Per-trial results: total first-year cost, day the last hire starts, first days."""

    cost: np.ndarray  # (trials,)
    in_place_day: np.ndarray  # (trials,)
    start_day: np.ndarray  # (trials, hires)


def simulate(
    specs: Sequence[SearchSpec], model: CostModel, trials: int = TRIALS, seed: int = 0
) -> Draws:
    """Draw `trials` futures of the plan."""
    rng = np.random.default_rng(seed)
    hires = len(specs)
    if hires == 0:
        zeros = np.zeros(trials)
        return Draws(cost=zeros, in_place_day=zeros, start_day=np.zeros((trials, 0)))
    points = np.array([s.band.percentiles for s in specs])  # (hires, 5)
    planned = np.array([s.percentile for s in specs])
    medians = np.array([s.fill_median_days for s in specs])
    rates = np.array([s.mishire_rate for s in specs])

    pct = np.clip(planned + model.offer_spread * rng.standard_normal((trials, hires)), 10, 90)
    base = _interp_rows(pct, points)
    fill = medians * np.exp(model.fill_spread * rng.standard_normal((trials, hires)))
    miss = rng.random((trials, hires)) < rates
    # A hire that does not work out leaves after the ramp; the seat is searched for again.
    refill = medians * np.exp(model.fill_spread * rng.standard_normal((trials, hires)))
    fill = fill + miss * (model.ramp_days + model.notice_days + refill)
    _, starts = start_days(fill, model.slots, model.notice_days)

    recruiting = base * model.agency_fee if model.agency_fee is not None else model.in_house_cost
    yearly = base * (1 + model.benefits_load + model.equity_share)
    hiring = recruiting + model.interviewing
    per_hire = (
        yearly
        + hiring
        + base * model.ramp_share
        + starts * model.empty_seat_per_day
        + miss * (hiring + yearly * model.ramp_days / 365.25 + base * model.ramp_share)
    )
    return Draws(cost=per_hire.sum(axis=1), in_place_day=starts.max(axis=1), start_day=starts)


def _interp_rows(pct: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Salary at percentile `pct[t, h]` of band `points[h]`, linear between P10..P90."""
    knots = np.asarray(PERCENTILES, dtype=float)
    idx = np.clip(np.searchsorted(knots, pct, side="right") - 1, 0, len(knots) - 2)
    lo, hi = knots[idx], knots[idx + 1]
    hires = np.arange(points.shape[0])[None, :]
    y0, y1 = points[hires, idx], points[hires, idx + 1]
    return y0 + (y1 - y0) * (pct - lo) / (hi - lo)


def outlook(draws: Draws, seed: int, start: date) -> Outlook:
    """P50 and P90 of cost and of the in-place date, and a thinned sample for charts."""
    cost50, cost90 = np.percentile(draws.cost, [50, 90])
    day50, day90 = np.percentile(draws.in_place_day, [50, 90])
    step = max(1, len(draws.cost) // SAMPLES_KEPT)
    return Outlook(
        trials=len(draws.cost),
        seed=seed,
        cost_p50=float(cost50),
        cost_p90=float(cost90),
        days_p50=float(day50),
        days_p90=float(day90),
        date_p50=start + timedelta(days=round(float(day50))),
        date_p90=start + timedelta(days=round(float(day90))),
        cost_samples=tuple(float(x) for x in draws.cost[::step]),
        days_samples=tuple(float(x) for x in draws.in_place_day[::step]),
    )

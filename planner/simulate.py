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
# Trials per block: (hires x BLOCK) arrays stay small enough for the CPU cache and
# the allocator's fast path (measured: 2 blocks of 5,000 beat 1 of 10,000 by ~20%).
BLOCK = 5_000


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
    """Draw `trials` futures of the plan, in blocks small enough to stay in the CPU cache."""
    rng = np.random.Generator(np.random.SFC64(seed))  # a fast bit generator; seeded, repeatable
    if not specs:
        zeros = np.zeros(trials)
        return Draws(cost=zeros, in_place_day=zeros, start_day=np.zeros((trials, 0)))
    # Arrays are (hires, trials): each hire is one contiguous row, and totals sum over rows.
    spec = (
        np.array([s.band.percentiles for s in specs]),  # (hires, 5)
        np.array([[s.percentile] for s in specs]),
        np.array([[s.fill_median_days] for s in specs]),
        np.array([[s.mishire_rate] for s in specs]),
    )
    blocks = [
        _simulate_block(rng, spec, model, min(BLOCK, trials - done))
        for done in range(0, trials, BLOCK)
    ]
    return Draws(
        cost=np.concatenate([b.cost for b in blocks]),
        in_place_day=np.concatenate([b.in_place_day for b in blocks]),
        start_day=np.concatenate([b.start_day for b in blocks]),
    )


def _simulate_block(
    rng: np.random.Generator,
    spec: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    model: CostModel,
    trials: int,
) -> Draws:
    points, planned, medians, rates = spec
    hires = points.shape[0]

    # float32 draws are about twice as fast; the arithmetic below is float64.
    z = rng.standard_normal((2, hires, trials), dtype=np.float32)
    pct = z[0]
    pct *= model.offer_spread  # in place: these draws are used once
    pct += planned.astype(np.float32)
    np.clip(pct, 10, 90, out=pct)
    base = _interp_rows(pct, points)
    noise = z[1]
    noise *= model.fill_spread
    fill = medians.astype(np.float32) * np.exp(noise)  # days: float32 is exact to minutes
    miss = rng.random((hires, trials), dtype=np.float32) < rates
    # A hire that does not work out leaves after the ramp; the seat is searched for again.
    rows, cols = np.nonzero(miss)
    refill_noise = rng.standard_normal(len(rows), dtype=np.float32)
    refill_noise *= model.fill_spread
    refill = medians[rows, 0].astype(np.float32) * np.exp(refill_noise)
    fill[rows, cols] += model.ramp_days + model.notice_days + refill
    _, starts = start_days(fill, model.slots, model.notice_days)

    # Per hire: a year of pay, benefits and equity; recruiting; interviews; lost ramp output;
    # the empty seat until the first day. Every term is linear in the salary, so the totals
    # come from sums over hires rather than per-hire cost arrays.
    yearly_k = 1 + model.benefits_load + model.equity_share
    fee = model.agency_fee or 0.0
    fixed = model.interviewing + (model.in_house_cost if model.agency_fee is None else 0.0)
    cost = base.sum(axis=0, dtype=np.float64) * (yearly_k + fee + model.ramp_share) + hires * fixed
    if model.empty_seat_per_day:
        cost += starts.sum(axis=0) * model.empty_seat_per_day
    # A mis-hire repeats the hiring costs, is paid through the ramp and ramps up a successor.
    missed_base = np.bincount(cols, weights=base[rows, cols].astype(np.float64), minlength=trials)
    cost += missed_base * (fee + yearly_k * model.ramp_days / 365.25 + model.ramp_share)
    cost += np.bincount(cols, minlength=trials) * fixed
    return Draws(cost=cost, in_place_day=starts.max(axis=0), start_day=starts.T)


def _interp_rows(pct: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Salary at percentile `pct[h, t]` of band `points[h]`, linear between P10..P90.

    A piecewise-linear curve is its first segment plus a hinge at each inner knot:
    y = y10 + s1 (p - 10) + sum_k (s_k+1 - s_k) max(p - knot_k, 0), for p in 10..90.
    Whole-array arithmetic, no per-value search.
    """
    knots = np.asarray(PERCENTILES, dtype=float)
    slopes = np.diff(points, axis=1) / np.diff(knots)  # (hires, 4)
    kinks = np.diff(slopes, axis=1)  # (hires, 3)
    # float32 here (7 significant digits: a cent on a salary); totals are summed in float64.
    f32 = np.float32
    out: np.ndarray = (points[:, :1] - slopes[:, :1] * knots[0]).astype(f32)
    out = out + slopes[:, :1].astype(f32) * pct
    for k in range(1, len(knots) - 1):
        out += kinks[:, k - 1 : k].astype(f32) * np.maximum(pct - f32(knots[k]), f32(0))
    return out


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

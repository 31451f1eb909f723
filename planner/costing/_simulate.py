"""Monte Carlo of a hiring plan: cash in its first 12 months and 'whole mix in place by', as
P50 and P90. Cash means what costs.py means by it: pay, on-costs and bonus from each first day,
and the recruiting fee at each accepted offer, within 365.25 days of the plan's start.

Each trial draws, per hire: where in the band the offer lands, how long the search takes, and
whether the hire works out. Everything is vectorised over trials with numpy; the only Python
loop is over hires (a handful). The same seed gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from planner.costing._schedule import DAYS_PER_MONTH, start_days
from planner.market import PERCENTILES, Assumptions
from planner.models import Band, Channel, Outlook, Source, SpreadInput

TRIALS = 10_000
SAMPLES_KEPT = 2_000  # for the distribution chart
# Trials per block: (hires x BLOCK) arrays stay small enough for the CPU cache and
# the allocator's fast path (measured: 2 blocks of 5,000 beat 1 of 10,000 by ~20%).
BLOCK = 5_000
YEAR_DAYS = 365.25


@dataclass(frozen=True)
class SearchSpec:
    """What the simulation needs to know about one req, in hiring order."""

    band: Band
    percentile: float
    fill_median_days: float
    mishire_rate: float
    oncost_share: float = 0.0  # employer on-costs as a share of base, at the planned offer
    notice_days: float = 0.0
    premium_drawn: bool = False  # the band carries the AI/ML premium, drawn in its range


@dataclass(frozen=True)
class CostModel:
    """The per-hire cash rules of costs.py, as plain numbers for vectorised use."""

    bonus_share: float
    agency_fee: float | None  # None: in-house
    in_house_cost: float
    ramp_days: float
    fill_spread: float
    offer_spread: float
    slots: int
    premium: float = 0.0  # the premium in the bands
    premium_low: float = 0.0  # its published range, drawn uniformly per trial and hire
    premium_high: float = 0.0

    @classmethod
    def from_assumptions(cls, a: Assumptions, channel: Channel, in_house_cost: float) -> CostModel:
        return cls(
            bonus_share=a.bonus_share.value,
            agency_fee=a.agency_fee.value if channel is Channel.AGENCY else None,
            in_house_cost=in_house_cost,
            ramp_days=a.ramp_months.value * DAYS_PER_MONTH,
            fill_spread=a.time_to_fill_spread.value,
            offer_spread=a.offer_spread.value,
            slots=int(a.parallel_searches.value),
            premium=a.ai_premium.value,
            premium_low=a.premium_range[0],
            premium_high=a.premium_range[1],
        )


@dataclass(frozen=True)
class Draws:
    """Per-trial results: 12-month cash, day the last hire starts, first days."""

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
        np.array([[1 + s.oncost_share] for s in specs]),
        np.array([[s.notice_days] for s in specs]),
        np.array([[s.premium_drawn] for s in specs]),
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
    spec: tuple[np.ndarray, ...],
    model: CostModel,
    trials: int,
) -> Draws:
    points, planned, medians, rates, loads, notice, drawn = spec
    hires = points.shape[0]

    # float32 draws are about twice as fast; the arithmetic below is float64.
    z = rng.standard_normal((2, hires, trials), dtype=np.float32)
    pct = z[0]
    pct *= model.offer_spread  # in place: these draws are used once
    pct += planned.astype(np.float32)
    np.clip(pct, 10, 90, out=pct)
    base = interp_rows(pct, points)
    noise = z[1]
    noise *= model.fill_spread
    fill = medians.astype(np.float32) * np.exp(noise)  # days: float32 is exact to minutes
    miss = rng.random((hires, trials), dtype=np.float32) < rates
    # A hire that does not work out leaves after the ramp; the seat is searched for again.
    rows, cols = np.nonzero(miss)
    refill_noise = rng.standard_normal(len(rows), dtype=np.float32)
    refill_noise *= model.fill_spread
    refill = medians[rows, 0].astype(np.float32) * np.exp(refill_noise)
    if drawn.any() and model.premium_high > model.premium_low:
        # Where the premium lands in its published range is part of the spread.
        # Only the rows that carry it, in float32 like the other draws, scaled in place.
        rows_p = np.flatnonzero(drawn[:, 0])
        lift = rng.random((len(rows_p), trials), dtype=np.float32)
        lift *= np.float32((model.premium_high - model.premium_low) / (1 + model.premium))
        lift += np.float32((1 + model.premium_low) / (1 + model.premium))
        base[rows_p] *= lift
    fill[rows, cols] += model.ramp_days + notice[rows, 0] + refill
    _, starts = start_days(fill, model.slots, notice)

    # Cash in the first year: pay, on-costs and bonus from each first day, and the hiring cost
    # when the offer is accepted within the year. Interviews, ramp-up and the empty seat are not
    # cash and are not in this total (costs.py).
    # On-costs are the share of base at the planned offer (caps make it fall as pay rises;
    # within one band the difference is small).
    yearly_k = loads + model.bonus_share
    fee = model.agency_fee or 0.0
    fixed = model.in_house_cost if model.agency_fee is None else 0.0
    days = np.clip(YEAR_DAYS - starts, 0.0, YEAR_DAYS)
    offered = (starts - notice) < YEAR_DAYS
    base64 = base.astype(np.float64)
    cost = (base64 * (yearly_k * days / YEAR_DAYS + fee * offered)).sum(axis=0)
    cost += offered.sum(axis=0) * fixed
    # A mis-hire: the first person was paid through the ramp and their hiring cost was paid too.
    first_start = starts[rows, cols] - (model.ramp_days + notice[rows, 0] + refill)
    paid_days = np.clip(np.minimum(model.ramp_days, YEAR_DAYS - first_start), 0.0, None)
    missed = base64[rows, cols] * (yearly_k[rows, 0] * paid_days / YEAR_DAYS + fee) + fixed
    cost += np.bincount(cols, weights=missed, minlength=trials)
    return Draws(cost=cost, in_place_day=starts.max(axis=0), start_day=starts.T)


def interp_rows(pct: np.ndarray, points: np.ndarray) -> np.ndarray:
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


def spread_inputs(
    a: Assumptions,
    channel: Channel,
    notices: Sequence[Source],
    oncosts: Sequence[Source],
    bands: Sequence[Source],
    fx_used: Source | None,
) -> tuple[SpreadInput, ...]:
    """Every input of the simulation, drawn or held fixed, with its source or the word
    assumption (the "How sure is this?" panel and the exports list them)."""
    fills = {getattr(a, f"time_to_fill_{x}").value for x in ("researcher", "developer", "operator")}
    fill_days = "/".join(f"{d:g}" for d in sorted(fills))
    low, high = a.premium_range
    out = [
        SpreadInput(
            name="Where the offer lands in the band",
            how=f"drawn: normal around the planned percentile, sd {a.offer_spread.value:g} "
            "points, kept within P10–P90",
            sources=(a.offer_spread.as_source(),),
        ),
        SpreadInput(
            name="AI/ML premium on bands that are not ML-specific",
            how=f"drawn: uniform from {low:.0%} to {high:.0%} per hire",
            sources=(a.premium_low.as_source(), a.ai_premium.as_source()),
        ),
        SpreadInput(
            name="Time to fill each req",
            how=f"drawn: log-normal, median {fill_days} days, sigma {a.time_to_fill_spread.value:g}"
            + (
                f"; an agency search is {a.agency_speedup.value:.0%} shorter"
                if channel is Channel.AGENCY
                else ""
            ),
            sources=(
                a.time_to_fill_developer.as_source(),
                a.time_to_fill_spread.as_source(),
                *((a.agency_speedup.as_source(),) if channel is Channel.AGENCY else ()),
            ),
        ),
        SpreadInput(
            name="A hire who does not work out",
            how=f"drawn: {a.mishire_rate.value:.0%} chance per hire; they leave after the "
            f"{a.ramp_months.value:g}-month ramp and the seat is searched for again",
            sources=(a.mishire_rate.as_source(), a.ramp_months.as_source()),
        ),
        SpreadInput(
            name="Notice before the first day",
            how="fixed: by country and level",
            sources=tuple(dict.fromkeys(notices)),
        ),
        SpreadInput(
            name="Employer on-costs",
            how="fixed: the country's rules at the planned offer",
            sources=tuple(oncosts),
        ),
        SpreadInput(
            name="Market band percentiles",
            how="fixed: as published or derived (About the data)",
            sources=tuple(dict.fromkeys(bands)),
        ),
    ]
    if fx_used is not None:
        out.append(
            SpreadInput(name="Exchange rate", how="fixed: one dated rate", sources=(fx_used,))
        )
    return tuple(out)

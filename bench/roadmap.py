"""The headcount roadmap over 12 quarters and 10,000 trials, against a per-trial Python loop.

Goal (issue 25): the whole roadmap (stage per quarter, reqs, prices, budget, simulation) runs in
under 100 ms. Pass/fail is on ratios measured here, in one process, interleaved, best of N: the
vectorised simulation is at least 50x faster than the same model one trial at a time, and the
two agree (mean cash over the horizon within 1%). The whole roadmap's time is printed with it.
Run: python bench/roadmap.py
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np

from planner import Answers, load_assumptions, load_benchmarks, load_fx
from planner.costing import DAYS_PER_QUARTER, YEAR_DAYS, CostModel
from planner.market import PERCENTILES
from planner.models import Archetype, Location
from planner.roadmap import (
    RoadmapInput,
    SimInputs,
    _kinds,
    _plan_needs,
    _price,
    _sim_inputs,
    make_roadmap,
    parse_milestone,
    simulate_cash,
)

TRIALS = 10_000
REPEATS = 5
QUARTERS = 12
# A Series B growing over three years: more products, then a second and a third region, with
# operators hired in London and researchers in Toronto, 15% attrition and a budget that binds.
REQUEST = RoadmapInput(
    answers=Answers(data_maturity="repeatable", problem_validation="proven", live_models=2,
                    have_researchers=2, have_developers=3, budget=1_500_000),
    milestones=tuple(parse_milestone(m, QUARTERS) for m in (
        "Q2:products=2,live_models=4", "Q4:products=4,live_models=10,data_maturity=platform",
        "Q6:regions=2,live_models=16", "Q8:products=8,regions=3,live_models=30",
        "Q10:products=12,regions=4,live_models=60")),
    quarters=QUARTERS,
    attrition=0.15,
    hire_in={Archetype.OPERATOR: Location.LONDON, Archetype.RESEARCHER: Location.TORONTO},
)  # fmt: skip


def naive(s: SimInputs, m: CostModel, horizon: int, trials: int, seed: int) -> list[list[float]]:
    """The same cash model, one trial and one req at a time, with the standard library."""
    rng = random.Random(seed)
    fee_rate = m.agency_fee
    out = []
    for _ in range(trials):
        spend = [0.0] * horizon
        for i in range(len(s.open_day)):
            pct = min(90.0, max(10.0, float(s.planned[i, 0]) + m.offer_spread * rng.gauss(0, 1)))
            base = _interp(pct, s.points[i])
            if s.premium_drawn[i, 0] and m.premium_high > m.premium_low:
                base *= (1 + rng.uniform(m.premium_low, m.premium_high)) / (1 + m.premium)
            median, notice = float(s.fill_median[i, 0]), float(s.notice[i, 0])
            first_offer = float(s.open_day[i, 0]) + median * math.exp(
                m.fill_spread * rng.gauss(0, 1)
            )
            refill = median * math.exp(m.fill_spread * rng.gauss(0, 1))
            fee = base * fee_rate if fee_rate is not None else m.in_house_cost
            per_day = base * float(s.pay_load[i, 0]) / YEAR_DAYS
            offer = first_offer
            if rng.random() < s.mishire_rate:
                _pay(spend, per_day, first_offer + notice, first_offer + notice + m.ramp_days)
                _fee(spend, fee, first_offer)
                offer = first_offer + m.ramp_days + notice + refill
            _fee(spend, fee, offer)
            _pay(spend, per_day, offer + notice, math.inf)
        out.append(spend)
    return out


def _fee(spend: list[float], fee: float, day: float) -> None:
    q = int(day // DAYS_PER_QUARTER)
    if q < len(spend):
        spend[q] += fee


def _pay(spend: list[float], per_day: float, first: float, last: float) -> None:
    for q in range(len(spend)):
        lo, hi = q * DAYS_PER_QUARTER, (q + 1) * DAYS_PER_QUARTER
        spend[q] += per_day * max(0.0, min(hi, last) - max(lo, first))


def _interp(p: float, points: np.ndarray) -> float:
    for i in range(len(PERCENTILES) - 1):
        x0, x1 = PERCENTILES[i], PERCENTILES[i + 1]
        if p <= x1:
            return float(points[i] + (points[i + 1] - points[i]) * (p - x0) / (x1 - x0))
    return float(points[-1])


def main() -> int:
    table, a, fx = load_benchmarks(), load_assumptions(), load_fx()
    start = date(2027, 1, 1)
    answers = REQUEST.answers
    model = CostModel.from_assumptions(a, answers.channel, a.in_house_cost_per_hire.value)
    _, needs = _plan_needs(REQUEST)
    kinds = _kinds(needs, REQUEST, table, a, fx, model, TRIALS, np.random.default_rng(0))
    reqs = _price(needs, kinds, REQUEST, table, a, fx)
    sim = _sim_inputs([(r, r.open_day) for r in reqs], model, a, answers.pay_percentile)
    make_roadmap(REQUEST, table, a, fx, start=start)  # warm-up: imports, first allocations
    whole, fast, slow = [], float("inf"), float("inf")
    for _ in range(REPEATS):
        t = time.perf_counter()
        roadmap = make_roadmap(REQUEST, table, a, fx, start=start)
        whole.append(time.perf_counter() - t)
        t = time.perf_counter()
        cash = simulate_cash(sim, model, QUARTERS, TRIALS, np.random.default_rng(1))
        fast = min(fast, time.perf_counter() - t)
        t = time.perf_counter()
        loop = naive(sim, model, QUARTERS, TRIALS, seed=1)
        slow = min(slow, time.perf_counter() - t)
    agree = abs(np.mean([sum(row) for row in loop]) / cash.sum(axis=0).mean() - 1)
    speedup = slow / fast
    median = statistics.median(whole)
    print(
        f"{QUARTERS} quarters, {len(reqs)} reqs ({len(roadmap.budget.slips)} slipped), "
        f"{TRIALS:,} trials: whole roadmap median {median * 1000:.0f} ms, best "
        f"{min(whole) * 1000:.0f} ms (goal < 100 ms); simulation numpy {fast * 1000:.1f} ms, "
        f"Python loop {slow * 1000:.0f} ms, speed-up {speedup:.0f}x (goal >= 50x); "
        f"mean cash differs by {agree:.3%}"
    )
    return 0 if median < 0.1 and speedup >= 50 and agree < 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())

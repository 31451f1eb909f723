"""Per-call latency of make_plan (pure domain, 10,000-trial simulation included).

Run: python bench/plan_latency.py   Prints median and p99 over N calls on three stages.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import Answers, load_assumptions, load_benchmarks, load_fx, make_plan

CALLS = 200
STAGES = {
    "first rung (2 hires)": Answers(),
    "second rung (2 hires)": Answers(
        data_maturity="repeatable", problem_validation="proven", live_models=1
    ),
    "third rung (5 hires)": Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=3,
        products=3,
        regions=2,
        budget=1_000_000,
    ),
}


def measure() -> dict[str, tuple[float, float]]:
    table, a, fx = load_benchmarks(), load_assumptions(), load_fx()
    out = {}
    for name, answers in STAGES.items():
        make_plan(answers, table, a, fx)  # warm up
        times = []
        for _ in range(CALLS):
            start = time.perf_counter()
            make_plan(answers, table, a, fx)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[name] = (statistics.median(times), times[int(0.99 * (len(times) - 1))])
    return out


if __name__ == "__main__":
    for name, (median, p99) in measure().items():
        print(f"make_plan, {name}: median {median:.1f} ms, p99 {p99:.1f} ms over {CALLS} calls")

"""How long does validating a 100,000-row benchmarks CSV take, against pandas.read_csv alone?

Goal (issue 3): validation <= 2x read_csv on the same bytes. Both are timed in this process,
interleaved, best of N, so a busy machine slows both alike. Run: python bench/validate_csv.py
"""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.market import BENCHMARKS_FILE, validate_benchmarks
from planner.models import count

ROWS = 100_000
REPEATS = 15  # best of 15, interleaved: this shared machine is noisy


def make_file(rows: int, broken_share: float = 0.0, seed: int = 1) -> bytes:
    """Shipped bands in the shape of a comp-tool export: short source, no derivation text.

    Only 96 archetype x level x location keys exist, so from row 98 on every row repeats a key
    and the validator reports it (the first 50) — the full duplicate check runs every time.
    """
    rng = random.Random(seed)
    frame = pd.read_csv(BENCHMARKS_FILE)
    frame["source"] = "Comp survey export, Oct 2026"
    frame["derivation"] = ""
    body = frame.to_csv(index=False, header=False).splitlines()
    out = [",".join(frame.columns)]
    for i in range(rows):
        line = body[i % len(body)]
        if broken_share and rng.random() < broken_share:
            line = line.replace(",False,", ",maybe,", 1).replace(",True,", ",maybe,", 1)
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def best_of(fn, repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(label: str, data: bytes) -> float:
    read = validate = float("inf")
    for _ in range(REPEATS):  # interleave so both see the same machine load
        read = min(read, best_of(lambda: pd.read_csv(io.BytesIO(data)), 1))
        validate = min(validate, best_of(lambda: validate_benchmarks(data), 1))
    report = validate_benchmarks(data)
    ratio = validate / read
    print(
        f"{label}: {len(data) / 1e6:.1f} MB, read_csv {read * 1000:.0f} ms, "
        f"validate {validate * 1000:.0f} ms, ratio {ratio:.2f} (goal <= 2.00); "
        f"{count(report.problem_count, 'problem')} found"
    )
    return ratio


if __name__ == "__main__":
    ratios = [
        measure(f"{ROWS:,} rows, clean cells, repeated keys", make_file(ROWS)),
        measure(f"{ROWS:,} rows, 1% broken cells", make_file(ROWS, broken_share=0.01)),
    ]
    sys.exit(0 if max(ratios) <= 2.0 else 1)

"""When each search finishes and each hire starts, given how many searches run at once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.benchmarks import Assumptions
from planner.models import Archetype, Channel

DAYS_PER_MONTH = 365.25 / 12


def fill_medians(
    archetypes: Sequence[Archetype], channel: Channel, a: Assumptions, factor: float = 1.0
) -> np.ndarray:
    """Median days to fill each req: per archetype, faster through an agency, x `factor`."""
    speed = 1 - a.agency_speedup.value if channel is Channel.AGENCY else 1.0
    return np.array([a.time_to_fill(x) * speed * factor for x in archetypes], dtype=float)


def start_days(fill_days: np.ndarray, slots: int, notice: float) -> tuple[np.ndarray, np.ndarray]:
    """Offer-accepted and first-day days for reqs opened in order, `slots` searches at a time.

    `fill_days` has shape (trials, hires); a search starts when a slot frees (the interview
    team moves on once an offer is accepted). Vectorised over trials; loops over hires only.
    """
    fill = np.atleast_2d(fill_days)
    trials, hires = fill.shape
    free = np.zeros((trials, max(1, slots)))
    rows = np.arange(trials)
    accepted = np.empty_like(fill)
    for h in range(hires):
        slot = free.argmin(axis=1)
        accepted[:, h] = free[rows, slot] + fill[:, h]
        free[rows, slot] = accepted[:, h]
    return accepted, accepted + notice

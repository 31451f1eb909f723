"""When each search finishes and each hire starts, given how many searches run at once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.market import Assumptions
from planner.models import Archetype, Channel

DAYS_PER_MONTH = 365.25 / 12


def fill_medians(
    archetypes: Sequence[Archetype], channel: Channel, a: Assumptions, factor: float = 1.0
) -> np.ndarray:
    """Median days to fill each req: per archetype, faster through an agency, x `factor`."""
    speed = 1 - a.agency_speedup.value if channel is Channel.AGENCY else 1.0
    return np.array([a.time_to_fill(x) * speed * factor for x in archetypes], dtype=float)


def start_days(
    fill_days: np.ndarray, slots: int, notice: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Offer-accepted and first-day days for reqs opened in order, `slots` searches at a time.

    `fill_days` has shape (hires, trials) — one contiguous row per hire, so each step works on
    whole rows. A search starts when a slot frees (the interview team moves on once an offer
    is accepted). Vectorised over trials; the loop is over hires only.
    """
    fill = np.asarray(fill_days)
    fill = fill if fill.dtype in (np.float32, np.float64) else fill.astype(float)
    if fill.ndim == 1:
        fill = fill[:, None]
    hires, trials = fill.shape
    if slots <= 1:
        accepted = np.cumsum(fill, axis=0)
    elif slots == 2:  # the common case, without fancy indexing: two sorted slot clocks
        accepted = np.empty(fill.shape, dtype=fill.dtype)
        early = late = np.zeros(trials, dtype=fill.dtype)
        for h in range(hires):
            np.add(early, fill[h], out=accepted[h])
            early, late = np.minimum(accepted[h], late), np.maximum(accepted[h], late)
    else:
        accepted = np.empty(fill.shape)
        free, cols = np.zeros((slots, trials)), np.arange(trials)
        for h in range(hires):
            slot = free.argmin(axis=0)
            accepted[h] = free[slot, cols] + fill[h]
            free[slot, cols] = accepted[h]
    return accepted, accepted + notice

"""Saved scenarios and share links: what a plan's state looks like outside the app.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.scenarios._roadmap_link import (
    ATTRITION_BOUND,
    MIN_LINK_QUARTERS,
    RoadmapLink,
    is_roadmap_key,
    make_roadmap_link,
    parse_roadmap_link,
)
from planner.scenarios._share import make_link, parse_link
from planner.scenarios._store import (
    LOCAL_OWNER,
    MAX_OWNER,
    Scenario,
    ScenarioGone,
    ScenarioStore,
    StoreError,
    default_url,
)

__all__ = [
    "ATTRITION_BOUND",
    "LOCAL_OWNER",
    "MAX_OWNER",
    "MIN_LINK_QUARTERS",
    "RoadmapLink",
    "Scenario",
    "ScenarioGone",
    "ScenarioStore",
    "StoreError",
    "default_url",
    "is_roadmap_key",
    "make_link",
    "make_roadmap_link",
    "parse_link",
    "parse_roadmap_link",
]

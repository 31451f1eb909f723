"""The stage model: which failure comes next, the team it calls for, and the advice around it.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.stage._advice import data_work, has_surplus, req_advice, team_advice
from planner.stage._case_book import Case, load_case_book, similar_cases
from planner.stage._rules import (
    ARCHETYPE_OWNS,
    ARCHETYPE_TITLE,
    BREADTH_WEIGHT,
    FAILURE_SUMMARY,
    FAILURE_TITLE,
    GUARD,
    MAX_HIRES_PER_ARCHETYPE,
    MODELS_PER_DEVELOPER,
    MODELS_PER_OPERATOR,
    PRODUCTS_PER_DEVELOPER,
    PRODUCTS_PER_RESEARCHER,
    SCORES,
    diagnose,
    recommend_mix,
    target_team,
)

__all__ = [
    "ARCHETYPE_OWNS",
    "ARCHETYPE_TITLE",
    "BREADTH_WEIGHT",
    "FAILURE_SUMMARY",
    "FAILURE_TITLE",
    "GUARD",
    "MAX_HIRES_PER_ARCHETYPE",
    "MODELS_PER_DEVELOPER",
    "MODELS_PER_OPERATOR",
    "PRODUCTS_PER_DEVELOPER",
    "PRODUCTS_PER_RESEARCHER",
    "SCORES",
    "Case",
    "data_work",
    "diagnose",
    "has_surplus",
    "load_case_book",
    "recommend_mix",
    "req_advice",
    "similar_cases",
    "target_team",
    "team_advice",
]

"""ML Team-Mix Planner: which ML people to hire next, in what order, and what it costs.

The domain library. It never imports streamlit; `app.py` and `python -m planner` sit on top.
"""

from __future__ import annotations

from planner.benchmarks import (
    Assumptions,
    DataFileError,
    load_assumptions,
    load_benchmarks,
)
from planner.models import (
    Answers,
    Archetype,
    Channel,
    DataMaturity,
    Diagnosis,
    Failure,
    Hire,
    Level,
    Location,
    Plan,
    PlannedReq,
    ProblemValidation,
)
from planner.service import make_plan

__all__ = [
    "Answers",
    "Archetype",
    "Assumptions",
    "Channel",
    "DataFileError",
    "DataMaturity",
    "Diagnosis",
    "Failure",
    "Hire",
    "Level",
    "Location",
    "Plan",
    "PlannedReq",
    "ProblemValidation",
    "load_assumptions",
    "load_benchmarks",
    "make_plan",
]

"""ML Team-Mix Planner: which ML people to hire next, in what order, and what it costs.

The domain library. It never imports streamlit; `app.py` and `python -m planner` sit on top.
"""

from __future__ import annotations

from planner.errors import DataFileError
from planner.market import (
    Assumptions,
    BandTable,
    FxTable,
    Problem,
    Report,
    load_assumptions,
    load_benchmarks,
    load_fx,
    validate_benchmarks,
)
from planner.models import (
    Answers,
    Archetype,
    Channel,
    Currency,
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
    "BandTable",
    "Channel",
    "Currency",
    "DataFileError",
    "DataMaturity",
    "Diagnosis",
    "Failure",
    "FxTable",
    "Hire",
    "Level",
    "Location",
    "Plan",
    "PlannedReq",
    "Problem",
    "ProblemValidation",
    "Report",
    "load_assumptions",
    "load_benchmarks",
    "load_fx",
    "make_plan",
    "validate_benchmarks",
]

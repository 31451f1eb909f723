"""Market data: salary series and bands, uploads and their checks, exchange rates, employer
on-costs and time to start by country, and the cost assumptions.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.market._bandtable import SHIPPED, BandTable
from planner.market._benchmarks import (
    BENCHMARKS_FILE,
    PERCENTILES,
    Assumption,
    Assumptions,
    apply_premium,
    load_assumptions,
    load_benchmarks,
)
from planner.market._derive import (
    build_csv,
    load_rules,
    load_series,
    location_factor,
    shared_series_notes,
)
from planner.market._fx import FxTable, convert_band, load_fx
from planner.market._oncosts import (
    component_value,
    editable_components,
    employer_oncosts,
    override_key,
)
from planner.market._tables import jurisdiction_for
from planner.market._validation import (
    Problem,
    Report,
    column_docs,
    template_csv,
    validate_benchmarks,
)

__all__ = [
    "BENCHMARKS_FILE",
    "PERCENTILES",
    "SHIPPED",
    "Assumption",
    "Assumptions",
    "BandTable",
    "FxTable",
    "Problem",
    "Report",
    "apply_premium",
    "build_csv",
    "column_docs",
    "component_value",
    "convert_band",
    "editable_components",
    "employer_oncosts",
    "jurisdiction_for",
    "load_assumptions",
    "load_benchmarks",
    "load_fx",
    "load_rules",
    "load_series",
    "location_factor",
    "override_key",
    "shared_series_notes",
    "template_csv",
    "validate_benchmarks",
]

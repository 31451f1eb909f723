"""The domain package stays free of the UI."""

from __future__ import annotations

import subprocess
import sys


def test_planner_never_imports_streamlit():
    """Importing planner and building a plan and its charts loads no streamlit module."""
    code = (
        "import sys, planner, planner.render._charts, planner.cli._main;"
        "from planner import Answers, make_plan, load_benchmarks, load_assumptions, load_fx;"
        "p = make_plan(Answers(), load_benchmarks(), load_assumptions(), load_fx());"
        "planner.render._charts.market_band_figure(p);"
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

"""Our app with part of what a plan change redraws held still, for bench/browser.py.

    BENCH_HOLD=chart python bench/held.py run app.py [streamlit options]

starts the app as `streamlit run` would, after wrapping the Plan page's drawing functions so
that they draw the first plan this server saw instead of the current one: `chart` holds the
cost chart, `text` the diagnosis card and the hiring table (comma-separated for both). The
questions, the element tree and the URL behave as in the app; only what the named parts draw
stops changing with the answer. The difference from the app itself is what redrawing those
parts costs a rerun. For measurement only: nothing in the app reads BENCH_HOLD.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project importable

from streamlit.web.cli import main  # noqa: E402

import ui.results as results  # noqa: E402
from planner import Plan  # noqa: E402

PARTS = {"chart": ("cost_breakdown_chart",), "text": ("show_diagnosis", "show_mix")}
_first: dict[str, Plan] = {}


def held(name: str, draw: Callable[..., Any]) -> Callable[..., Any]:
    """`draw`, given the first plan it was ever called with, whatever plan it is called with."""

    def draw_first(plan: Plan, *args: Any, **kwargs: Any) -> Any:
        return draw(_first.setdefault(name, plan), *args, **kwargs)

    return draw_first


if __name__ == "__main__":
    hold = [part for part in os.environ.get("BENCH_HOLD", "").split(",") if part]
    if unknown := sorted(set(hold) - set(PARTS)):
        sys.exit(f"BENCH_HOLD: unknown part(s) {', '.join(unknown)}; use {', '.join(PARTS)}")
    for part in hold:
        for name in PARTS[part]:
            setattr(results, name, held(name, getattr(results, name)))
    sys.argv = ["streamlit", *sys.argv[1:]]
    main()

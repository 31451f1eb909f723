"""Our app with part of what a plan change redraws held still, for bench/browser.py.

    BENCH_HOLD=chart python bench/held.py run app.py [streamlit options]

starts the app as `streamlit run` would, after wrapping the Plan page's drawing functions so
that they draw the first plan this server saw instead of the current one: `chart` holds the
cost chart, `text` the diagnosis card and the hiring table, `url` the share link written to
the address bar (comma-separated for more than one). Everything else behaves as in the app;
only what the named parts show stops changing with the answer. The difference from the app
itself is what redrawing those parts costs a rerun; for `url`, what the browser's change of
address costs. For measurement only: nothing in the app reads BENCH_HOLD.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project importable

from streamlit.web.cli import main

import planner.scenarios._share as share
import ui.results as results

# part -> the module and the functions in it that are held. The Plan page looks each one up
# in its module on every run, so replacing the module's attribute is enough.
PARTS: dict[str, tuple[ModuleType, tuple[str, ...]]] = {
    "chart": (results, ("cost_breakdown_chart",)),
    "text": (results, ("show_diagnosis", "show_mix")),
    "url": (share, ("make_link",)),  # its first argument is the answers
}
_first: dict[str, Any] = {}


def held(name: str, draw: Callable[..., Any]) -> Callable[..., Any]:
    """`draw`, given the first plan (or answers) it was ever called with, whatever it is
    called with later."""

    def draw_first(first: Any, *args: Any, **kwargs: Any) -> Any:
        return draw(_first.setdefault(name, first), *args, **kwargs)

    return draw_first


if __name__ == "__main__":
    hold = [part for part in os.environ.get("BENCH_HOLD", "").split(",") if part]
    if unknown := sorted(set(hold) - set(PARTS)):
        sys.exit(f"BENCH_HOLD: unknown {', '.join(unknown)}; the parts are {', '.join(PARTS)}")
    for part in hold:
        module, names = PARTS[part]
        for name in names:
            setattr(module, name, held(name, getattr(module, name)))
    sys.argv = ["streamlit", *sys.argv[1:]]
    main()

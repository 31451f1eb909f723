"""Workaround for Streamlit 1.67 (pinned in pyproject.toml): an answer's share link reaches
the address bar after the page is painted, not with the answer's rerun.

The upstream problem: in 1.67 a write to st.query_params reaches the browser as a
page_info_changed message inside the run, and the browser answers it with
`history.pushState` (a history entry per answer, so Back undoes answers one at a time) and a
re-render of Streamlit's whole app frame (`setState({queryParams})`), both before the
updated page is painted. Measured 2026-12-03 with bench/browser.py (4 rounds, both variants
in the same run, the Plan page with Streamlit's sidebar navigation): a plan-changing answer
took 1.37x (1.29-1.56) the bare baseline with st.query_params written on every answer and
1.24x (1.21-1.37) without, against the 1.3x goal; chromium's browser process spent 15.0
against 4.4 ms of CPU per answer. Delete this module, and call ui.state.keep_address from
the Plan page's fragment instead, once Streamlit writes the address without a history entry
or a frame re-render (or the bench shows the gap gone).

Only the Plan page's answers (runs of its fragment) use it. Every full run (a page change,
the rerun key, the presentation view) still writes st.query_params (ui/state.keep_address),
which Streamlit then compares with the address as this script left it; a page change takes
the query from the address itself, so the link travels to the next page either way.

The link travels as data, never as markup: it is built by planner.scenarios.make_link from
validated values, URL-encoded (ui/state.search), and the script only passes it to
history.replaceState, which refuses anything but this page's own origin.
"""

from __future__ import annotations

import streamlit as st

DELAY_MS = 300  # well under the time it takes to reach for the address bar
KEY = "plan.address"

# Our own constant code: nothing from the user is in it. A newer call cancels the older one's
# wait, so the address ends on the last answer; a page change in the meantime (the path
# differs) or the element leaving the page (the cleanup) cancels the write.
_JS = f"""
export default function ({{ data }}) {{
  const search = data.search, path = window.location.pathname;
  window.clearTimeout(window.__plannerAddress);
  window.__plannerAddress = window.setTimeout(() => {{
    if (window.location.pathname === path && window.location.search !== search) {{
      window.history.replaceState(window.history.state, "", path + search + window.location.hash);
    }}
  }}, {DELAY_MS});
  return () => window.clearTimeout(window.__plannerAddress);
}}
"""
_address = st.components.v2.component("planner_address", js=_JS)


def defer_address(search: str) -> None:
    """Have the browser put `search` ("" or "?k=v&...") in the address once the page is
    painted and answers have paused for DELAY_MS."""
    _address(data={"search": search}, key=KEY)

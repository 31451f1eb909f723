"""The page's address follows the plan, written by the browser after the page is drawn.

st.query_params would change the address with the run's last message: the browser then adds
a history entry and redraws Streamlit's page frame before the updated page is painted, about
20 ms of browser CPU per answer here (bench/results.md). This element hands the share link
to a few lines of our own JavaScript instead. They replace the address once answers have
stopped for a moment (DELAY_MS): off the path of the answer being drawn, once for a quick
run of answers (stepping a number up, say), and without a history entry per answer, so Back
leaves the page instead of undoing answers one by one.

Streamlit does not see these writes: a rerun sends the query string Streamlit last set itself
(at page load, or a page change), and the address only when that was empty, so st.query_params
can be behind the address for the rest of a visit. The pages read it once per session
(ui/state.init_state), when the two agree; anything that reads it later must not rely on it.

The link travels as data, never as markup: it is built by planner.scenarios.make_link from
validated values, URL-encoded here, and the script only passes it to history.replaceState,
which refuses anything but this page's own origin.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st

DELAY_MS = 300  # well under the time it takes to reach for the address bar
KEY = "plan.address"

# Our own constant code: nothing from the user is in it. A newer call cancels the older
# one's wait, so the address ends on the last answer; a page change in the meantime (the
# path differs) cancels the write.
_JS = f"""
export default function ({{ data }}) {{
  const search = data.search, path = window.location.pathname;
  window.clearTimeout(window.__plannerAddress);
  window.__plannerAddress = window.setTimeout(() => {{
    if (window.location.pathname === path && window.location.search !== search) {{
      window.history.replaceState(window.history.state, "", path + search + window.location.hash);
    }}
  }}, {DELAY_MS});
}}
"""
_address = st.components.v2.component("planner_address", js=_JS)


def search(link: Mapping[str, str]) -> str:
    """The address's query part for a share link: "" for the default plan, else "?k=v&..."."""
    return "?" + urlencode(dict(link)) if link else ""


def keep_address(link: Mapping[str, str]) -> None:
    """Have the browser's address carry `link` (see the module's note)."""
    _address(data={"search": search(link)}, key=KEY)

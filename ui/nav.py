"""The pages' navigation: one element above every page, a `<nav>` of real links drawn by us.

Not Streamlit's top navigation: that lives in the page header, which the browser redraws as
every run starts and ends, an answer's too (bench/results.md). And not a row of
`st.page_link`s: each is an element the browser re-renders on every full run (the rerun key,
a page change, the presentation toggle), seven with their row. One element for the row took
about 11 ms of the browser's main-thread work off each rerun key on the Plan page (62 to 51
ms, a CDP trace over 4 rounds of 20 keys).

The links are plain `<a href>`s, so a link opens in a new tab with the usual keys or the
middle button and shows its address on hover. A plain click stays in this session: the
script hands the link's number to the server as a trigger, and `navigate` switches page
with `st.switch_page`. That costs a short run of app.py's own lines before the new page runs
(a link of Streamlit's asks for the new page directly), and switch_page waits two of the
server's 5 ms flush intervals: about 10 ms more on a page change, against the 11 ms saved on
every full run. Text only: on a phone the row wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

KEY = "nav"  # the element's id ends in "-nav"

# Our own constant code. It builds the links with createElement and textContent from the
# page titles and paths a run sends as data (ours, not the user's) and never writes markup.
# The links are built once; a run marks the open page on them as they are, so a link that
# has the keyboard's focus keeps it. A plain click on the open page does nothing. Before a
# page change it drops the address's query: Streamlit clears it on a page change, and one it
# did not write itself (ui/address.py writes the Plan page's) would cost an extra history
# entry, so that Back would take two presses.
_JS = """
export default function ({ data, parentElement, setTriggerValue }) {
  let nav = parentElement.querySelector("nav");
  if (!nav) {
    nav = document.createElement("nav");
    nav.setAttribute("aria-label", "Pages");
    parentElement.appendChild(nav);
  }
  const links = JSON.stringify(data.links);
  if (nav.dataset.links !== links) {
    nav.dataset.links = links;
    nav.replaceChildren(...data.links.map(([href, title], index) => {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = title;
      link.addEventListener("click", (event) => {
        const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (event.button !== 0 || modified) return;  // a new tab or window: the href's job
        event.preventDefault();
        if (link.getAttribute("aria-current") === "page") return;
        if (window.location.search) {
          const { pathname, hash } = window.location;
          window.history.replaceState(window.history.state, "", pathname + hash);
        }
        setTriggerValue("page", index);
      });
      return link;
    }));
  }
  nav.querySelectorAll("a").forEach((link, index) => {
    if (index === data.current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  });
}
"""
# Streamlit's own page-link look: 14 px text, 28 px high, the open page in bold on a tint.
_CSS = """
nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-family: var(--st-font); }
a {
  color: var(--st-text-color); text-decoration: none; font-size: 0.875rem; line-height: 1.75rem;
  padding: 0 0.5rem; border-radius: 0.5rem;
}
a:hover, a[aria-current="page"] { background: rgba(146, 164, 200, 0.15); }
a[aria-current="page"] { font-weight: 600; }
a:focus-visible { outline: 2px solid var(--st-primary-color); outline-offset: 1px; }
"""
_nav = st.components.v2.component("planner_nav", js=_JS, css=_CSS)


def href(page: StreamlitPage) -> str:
    """The page's address relative to the app's root: every page sits at its top level."""
    return "./" + page.url_path


def chosen(clicked: object, pages: int, current: int | None) -> int | None:
    """The page a click from the browser asks for, if it names another of our `pages`: a
    trigger is input, and anything but a whole number in range is ignored."""
    if type(clicked) is int and 0 <= clicked < pages and clicked != current:
        return clicked
    return None


def navigate(pages: Sequence[StreamlitPage]) -> StreamlitPage:
    """Register `pages`, draw the links to them, and return the page to run; a click on a
    link (a trigger from the browser) switches to its page."""
    pages = list(pages)
    page = st.navigation(pages, position="hidden")
    current = next((i for i, p in enumerate(pages) if p.url_path == page.url_path), None)
    clicked = _nav(
        data={"links": [[href(p), p.title] for p in pages], "current": current},
        key=KEY,
        on_page_change=lambda: None,
    ).page
    target = chosen(clicked, len(pages), current)
    if target is not None:
        st.switch_page(pages[target])
    return page

"""ML Team-Mix Planner — the picture frame: page config and navigation."""

import streamlit as st

from ui.data import shipped_data, uploaded
from ui.state import UPLOAD_NOT_IN_LINK, init_state, keep_address, presenting

st.set_page_config(
    page_title="ML Team-Mix Planner",
    page_icon="👥",  # drawn in the page: a Material icon here is fetched from Google's servers
    layout="wide",
    initial_sidebar_state="collapsed",
)
PAGES = [
    st.Page("app_pages/plan.py", title="Plan", default=True),
    st.Page("app_pages/assumptions.py", title="Assumptions"),
    st.Page("app_pages/scenarios.py", title="Scenarios"),
    ROADMAP := st.Page("app_pages/roadmap.py", title="Roadmap"),
    st.Page("app_pages/hiring_kit.py", title="Hiring kit"),
    st.Page("app_pages/your_data.py", title="Your data"),
    st.Page("app_pages/about_data.py", title="About the data"),
]

_, shipped_assumptions, shipped_fx = shipped_data()
init_state(st.query_params.to_dict(), shipped_assumptions, shipped_fx)  # once per session
# In the sidebar, not at the top: Streamlit redraws the top bar as every run starts and ends,
# an answer's too (docs/performance.md). The presentation view is the slide: no links in it.
page = st.navigation(PAGES, position="hidden" if presenting() else "sidebar")
# A link with present=1 opens the plan's slide, or the roadmap's on the Roadmap page.
if presenting() and page.url_path not in (PAGES[0].url_path, ROADMAP.url_path):
    st.switch_page(PAGES[0])
# Before the page runs, so that a page that stops early keeps it too. Widget changes are in
# session state before a run starts, so the address is this run's plan.
keep_address(shipped_assumptions, shipped_fx)
if uploaded() is not None and not presenting():
    st.info(UPLOAD_NOT_IN_LINK, icon=":material/link_off:")
page.run()

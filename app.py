"""ML Team-Mix Planner — the picture frame: page config and navigation only."""

import streamlit as st

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
    st.Page("app_pages/hiring_kit.py", title="Hiring kit"),
    st.Page("app_pages/your_data.py", title="Your data"),
    st.Page("app_pages/about_data.py", title="About the data"),
]
page = st.navigation(PAGES, position="hidden")
# Our own row of links, not Streamlit's top navigation: that lives in the page header, which
# the browser redraws as every run starts and ends, an answer's too (bench/results.md). This
# row is drawn on full runs only; an answer reruns the Plan page's fragment below it. Text
# only: icons cost browser work on every full run. On a phone the row wraps.
with st.container(horizontal=True, gap="small", key="nav"):
    for target in PAGES:
        st.page_link(target)
page.run()

"""ML Team-Mix Planner — the picture frame: page config and navigation."""

import streamlit as st

from ui.nav import navigate

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
navigate(PAGES).run()

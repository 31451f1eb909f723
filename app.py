"""ML Team-Mix Planner — the picture frame: page config and navigation only."""

import streamlit as st

st.set_page_config(
    page_title="ML Team-Mix Planner",
    page_icon=":material/groups:",
    layout="wide",
    initial_sidebar_state="collapsed",
)
page = st.navigation(
    [
        st.Page("app_pages/plan.py", title="Plan", icon=":material/insights:", default=True),
        st.Page("app_pages/assumptions.py", title="Assumptions", icon=":material/tune:"),
        st.Page("app_pages/scenarios.py", title="Scenarios", icon=":material/compare:"),
        st.Page("app_pages/hiring_kit.py", title="Hiring kit", icon=":material/work:"),
        st.Page("app_pages/your_data.py", title="Your data", icon=":material/upload_file:"),
        st.Page("app_pages/about_data.py", title="About the data", icon=":material/dataset:"),
    ],
    position="top",
)
page.run()

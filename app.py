"""ML Team-Mix Planner — the picture frame: page config, navigation, and once per server
process the sockets (ui/transport.py)."""

import streamlit as st

from ui.nav import navigate
from ui.transport import send_at_once

st.set_page_config(
    page_title="ML Team-Mix Planner",
    page_icon="👥",  # drawn in the page: a Material icon here is fetched from Google's servers
    layout="wide",
    initial_sidebar_state="collapsed",
)
send_at_once()  # once per server process: see ui/transport.py
PAGES = [
    st.Page("app_pages/plan.py", title="Plan", default=True),
    st.Page("app_pages/assumptions.py", title="Assumptions"),
    st.Page("app_pages/scenarios.py", title="Scenarios"),
    st.Page("app_pages/hiring_kit.py", title="Hiring kit"),
    st.Page("app_pages/your_data.py", title="Your data"),
    st.Page("app_pages/about_data.py", title="About the data"),
]
navigate(PAGES).run()

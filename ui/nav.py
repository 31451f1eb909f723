"""The pages' navigation: a row of links above every page, drawn by us.

Not Streamlit's top navigation: that lives in the page header, which the browser redraws as
every run starts and ends, an answer's too (bench/results.md). This row is drawn on full runs
only; an answer reruns the Plan page's fragment below it. Text only: icons cost browser work
on every full run. On a phone the row wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

KEY = "nav"  # the row's container: its element id ends in "-nav"


def navigate(pages: Sequence[StreamlitPage]) -> StreamlitPage:
    """Register `pages`, draw the row of links to them, and return the page to run."""
    page = st.navigation(list(pages), position="hidden")
    with st.container(horizontal=True, gap="small", key=KEY):
        for target in pages:
            st.page_link(target)
    return page

"""The bare baseline in our page frame, for bench/browser.py: the same radio and plotly chart,
but on the first of six pages under a row of links to them (our page titles, text only, as
ui/nav.py draws them), with the answer in a fragment and in the URL, written as the Plan page
writes its answers there (ui/address.py). It measures what the frame costs a rerun before any
of our content is on the page."""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from ui.address import keep_address
from ui.nav import navigate


@st.fragment
def answer_and_chart() -> None:
    choice = st.radio("Pick one", ["a", "b", "c"], key="base.choice")
    values = {"a": [1, 3, 2], "b": [3, 1, 2], "c": [2, 2, 3]}[choice]
    st.plotly_chart(go.Figure(go.Bar(x=["x", "y", "z"], y=values)), key="base.chart")
    keep_address({"choice": choice})  # the share link follows the answer, last as ours


def other_page() -> None:
    st.write("Another page.")


st.set_page_config(page_title="Baseline in our frame", layout="wide")
titles = ("Assumptions", "Scenarios", "Hiring kit", "Your data", "About the data")
pages = [st.Page(answer_and_chart, title="Plan", default=True)] + [
    st.Page(other_page, title=title, url_path=title.lower().replace(" ", "-")) for title in titles
]
navigate(pages).run()

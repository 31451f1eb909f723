"""The bare Streamlit baseline for bench/browser.py: one radio and one plotly chart, served
exactly as our app is (Streamlit's own server settings, nothing patched)."""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script


choice = st.radio("Pick one", ["a", "b", "c"], key="base.choice")
values = {"a": [1, 3, 2], "b": [3, 1, 2], "c": [2, 2, 3]}[choice]
st.plotly_chart(go.Figure(go.Bar(x=["x", "y", "z"], y=values)), key="base.chart")

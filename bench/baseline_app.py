"""The bare Streamlit baseline for bench/browser.py: one radio and one plotly chart.

It sets TCP_NODELAY on the server's sockets as our app does (ui/transport.py): without it,
Streamlit's server can hold a rerun's messages up to 40 ms when answers come quickly, and a
ratio would count that fix as part of our page's speed."""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from ui.transport import send_at_once

send_at_once()

choice = st.radio("Pick one", ["a", "b", "c"], key="base.choice")
values = {"a": [1, 3, 2], "b": [3, 1, 2], "c": [2, 2, 3]}[choice]
st.plotly_chart(go.Figure(go.Bar(x=["x", "y", "z"], y=values)), key="base.chart")

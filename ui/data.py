"""Cached loaders for the shipped data. Only the UI layer caches (house style)."""

from __future__ import annotations

import streamlit as st

from planner import Assumptions, DataFileError, load_assumptions, load_benchmarks
from planner.models import Band


@st.cache_resource(show_spinner=False)
def _load() -> tuple[tuple[Band, ...], Assumptions]:
    # Frozen pydantic objects: safe to share between sessions without copying.
    return load_benchmarks(), load_assumptions()


def shipped_data() -> tuple[tuple[Band, ...], Assumptions]:
    """The shipped bands and assumptions, or a clear error on the page and a stop."""
    try:
        return _load()
    except DataFileError as exc:
        st.error(f"The planner's market data could not be loaded. {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run

"""Cached loaders for the shipped data, and the session's own uploaded bands.

Only the UI layer caches (house style). An upload lives in this session's state only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

import streamlit as st

from planner import (
    Answers,
    Assumptions,
    BandTable,
    DataFileError,
    FxTable,
    Plan,
    load_assumptions,
    load_benchmarks,
    load_fx,
    make_plan,
)
from planner.kit import Lexicon, load_lexicon
from planner.stage import Case, load_case_book

T = TypeVar("T")
UPLOAD_KEY = "data.upload"  # (file name, rows, shipped overlaid with the upload): session only
UPLOAD_ROWS_KEY = "data.upload_rows"  # the upload's own rows: what a saved scenario keeps


@st.cache_resource(show_spinner=False)
def _load() -> tuple[BandTable, Assumptions, FxTable]:
    # Immutable objects: safe to share between sessions without copying.
    return load_benchmarks(), load_assumptions(), load_fx()


def shipped_data() -> tuple[BandTable, Assumptions, FxTable]:
    """The shipped bands, assumptions and FX rates, or a clear error on the page and a stop."""
    try:
        return _load()
    except DataFileError as exc:
        st.error(f"The planner's market data could not be loaded. {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


@st.cache_resource(show_spinner=False)
def _case_book() -> tuple[Case, ...]:
    return load_case_book()


@st.cache_resource(show_spinner=False)
def _lexicon() -> Lexicon:
    return load_lexicon()


def _or_stop(load: Callable[[], T], what: str) -> T:
    """A shipped file, or a clear error on the page and a stop."""
    try:
        return load()
    except DataFileError as exc:
        st.error(f"{what} could not be loaded. {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def case_book() -> tuple[Case, ...]:
    """The case book of companies, or a clear error on the page and a stop."""
    return _or_stop(_case_book, "The case book")


def lexicon() -> Lexicon:
    """The linter's rulebook, or a clear error on the page and a stop."""
    return _or_stop(_lexicon, "The job-description rules")


def uploaded() -> tuple[str, int, BandTable] | None:
    """The user's valid upload for this session: file name, its row count, the merged table."""
    value = st.session_state.get(UPLOAD_KEY)
    return value if isinstance(value, tuple) else None


def use_upload(name: str, table: BandTable, shipped: BandTable) -> None:
    """Make a validated upload this session's market data (merged once, here)."""
    st.session_state[UPLOAD_KEY] = (name, len(table), shipped.overlay(table))
    st.session_state[UPLOAD_ROWS_KEY] = table


def forget_upload() -> None:
    st.session_state.pop(UPLOAD_KEY, None)
    st.session_state.pop(UPLOAD_ROWS_KEY, None)


def upload_csv() -> str | None:
    """The session's uploaded bands in the upload format, for a saved scenario, or None."""
    rows = st.session_state.get(UPLOAD_ROWS_KEY)
    return rows.to_csv() if isinstance(rows, BandTable) and uploaded() else None


def active_table(shipped: BandTable) -> BandTable:
    """Shipped bands, with the session's uploaded bands replacing them where both exist."""
    upload = uploaded()
    return shipped if upload is None else upload[2]


@st.cache_resource(show_spinner=False, max_entries=256)
def _plan(
    key: str, _answers: Answers, _table: BandTable, _a: Assumptions, _fx: FxTable, _start: date
) -> Plan:
    # Plans are frozen, so sharing one object between reruns and sessions is safe.
    return make_plan(_answers, _table, _a, _fx, start=_start)


def plan_for(answers: Answers, table: BandTable, a: Assumptions, fx: FxTable, start: date) -> Plan:
    """make_plan, remembered by its inputs: going back to an earlier answer is instant. The
    bands count by their content: a saved scenario's own bands price it, not the session's."""
    key = "|".join(
        (
            answers.model_dump_json(),
            a.model_dump_json(),
            fx.model_dump_json(),
            table.fingerprint,
            start.isoformat(),
        )
    )
    return _plan(key, answers, table, a, fx, start)

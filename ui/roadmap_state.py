"""The Roadmap page's own state: its milestones table, horizon, attrition, budget and markets.

Widget values live under "roadmap." keys. Streamlit forgets a widget's value at the end of a
run that does not draw it (another page), so each run on this page also copies them into one
plain dict (SAVED) and the next visit starts from it; the milestones table keeps its last
edited rows the same way. The link's values seed all of it once per session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from planner import Assumptions, BandTable, FxTable
from planner.models import Archetype, Location
from planner.roadmap import (
    MILESTONE_FIELDS,
    Milestone,
    Roadmap,
    RoadmapInput,
    make_roadmap,
    next_milestone,
)
from planner.scenarios import ATTRITION_BOUND, RoadmapLink, is_roadmap_key, parse_roadmap_link
from ui.data import uploaded

R = "roadmap."
EDITOR = R + "editor"  # the milestones table (a widget)
ROWS = R + "rows"  # the rows the table starts from this visit
EDITED = R + "edited"  # the rows as last edited: the next visit starts from them
SAVED = R + "saved"  # the other widgets' values, kept between visits
IGNORED = R + "ignored"  # the link's bad values, named once
QUARTERS, ATTRITION, BUDGET = R + "quarters", R + "attrition", R + "budget"
PLAN = "plan"  # a hire-in select's "same as the plan's location"
COLUMNS = ("quarter", *MILESTONE_FIELDS)  # the table's columns, the CLI's field names


def hire_key(archetype: Archetype) -> str:
    return f"{R}hire.{archetype.value}"


def _rows(milestones: Sequence[Milestone]) -> pd.DataFrame:
    """Milestones as the table shows them: one row each, an empty cell for "unchanged"."""
    records = []
    for m in milestones:
        values = m.model_dump(mode="json")
        records.append({"quarter": m.quarter} | {k: values[f] for k, f in MILESTONE_FIELDS.items()})
    frame = pd.DataFrame(records, columns=list(COLUMNS))
    for column in ("quarter", "live_models", "products", "regions"):
        frame[column] = frame[column].astype("Int64")
    for column in ("data_maturity", "problem"):
        frame[column] = frame[column].astype("object")
    return frame


def forget_roadmap_state() -> None:
    """Drop the page's inputs so that its next run seeds them from the address (a saved
    scenario being opened)."""
    for key in [k for k in st.session_state if str(k).startswith(R)]:
        del st.session_state[key]


def roadmap_params() -> dict[str, str]:
    """The roadmap's own keys in the address (the page keeps them there), to save with a
    scenario."""
    return {k: v for k, v in st.query_params.to_dict().items() if is_roadmap_key(k)}


def init_roadmap_state(params: Mapping[str, str], attrition: float) -> None:
    """Seed the page's inputs from the link's roadmap keys (checked) and the defaults, once
    per session; restore the values Streamlit dropped while another page was shown."""
    if SAVED not in st.session_state:
        link = parse_roadmap_link(params)
        st.session_state[SAVED] = _seed(link, attrition)
        st.session_state[EDITED] = _rows(link.milestones)
        st.session_state[IGNORED] = list(link.ignored)
    for key, value in st.session_state[SAVED].items():
        st.session_state.setdefault(key, value)
    if EDITOR not in st.session_state:  # a new visit: the table starts from the last edit
        st.session_state[ROWS] = st.session_state[EDITED]


def _seed(link: RoadmapLink, attrition: float) -> dict[str, Any]:
    rate = link.attrition if link.attrition is not None else attrition
    values: dict[str, Any] = {
        QUARTERS: link.quarters,
        ATTRITION: ATTRITION_BOUND.shown(rate),
        BUDGET: link.budget,  # None: the plan's
    }
    for a in Archetype:
        where = link.hire_in.get(a)
        values[hire_key(a)] = where.value if where is not None else PLAN
    return values


def save_roadmap_state(edited: pd.DataFrame) -> None:
    """Remember this run's inputs for the next visit to the page."""
    saved = st.session_state[SAVED]
    for key in saved:
        if key in st.session_state:
            saved[key] = st.session_state[key]
    st.session_state[EDITED] = edited


def hire_in() -> dict[Archetype, Location]:
    """The markets chosen on the page (the plan's location where none is)."""
    chosen = {a: st.session_state.get(hire_key(a), PLAN) for a in Archetype}
    return {a: Location(v) for a, v in chosen.items() if v != PLAN}


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def milestones_from_rows(
    rows: Sequence[Mapping[str, object]], horizon: int
) -> tuple[tuple[Milestone, ...], list[str]]:
    """The table's rows as milestones, each parsed as the CLI parses --milestone; a row that
    is not one is left out and named with its problem ("Row 2: …"). An empty row (just added)
    is skipped without a word."""
    kept: list[Milestone] = []
    problems: list[str] = []
    for number, row in enumerate(rows, 1):
        quarter = row.get("quarter")
        fields = {k: row.get(k) for k in MILESTONE_FIELDS if not _blank(row.get(k))}
        if _blank(quarter) and not fields:
            continue
        if _blank(quarter):
            problems.append(f"Row {number}: choose the quarter (1 to {horizon}) it happens in.")
            continue
        if not fields:
            problems.append(
                f"Row {number}: choose at least one answer that changes in Q{_whole(quarter)}."
            )
            continue
        text = f"Q{_whole(quarter)}:" + ",".join(f"{k}={_cell(v)}" for k, v in fields.items())
        try:
            kept.append(next_milestone(kept, text, horizon))
        except ValueError as exc:
            problems.append(f"Row {number}: {exc}")
    return tuple(kept), problems


def _whole(value: object) -> str:
    """A number cell as the CLI would write it: 3.0 -> "3"; anything else as it is."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(value: object) -> str:
    return _whole(value) if not isinstance(value, str) else value


@st.cache_resource(show_spinner=False, max_entries=128)
def _roadmap(
    key: str, _request: RoadmapInput, _table: BandTable, _a: Assumptions, _fx: FxTable, _on: date
) -> Roadmap:
    # Roadmaps are frozen, so sharing one object between reruns and sessions is safe.
    return make_roadmap(_request, _table, _a, _fx, start=_on)


def roadmap_for(
    request: RoadmapInput, table: BandTable, a: Assumptions, fx: FxTable, on: date
) -> Roadmap:
    """make_roadmap, remembered by its inputs: going back to an earlier edit is instant."""
    upload = uploaded()
    key = "|".join(
        (
            request.model_dump_json(),
            a.model_dump_json(),
            fx.model_dump_json(),
            upload[0] + str(upload[1]) + str(id(upload[2])) if upload else "shipped",
            on.isoformat(),
        )
    )
    return _roadmap(key, request, table, a, fx, on)

"""Helpers for driving the Plan page in AppTest."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from streamlit.testing.v1 import AppTest

from planner.stage._rules import FAILURE_TITLE


def open_groups(at: AppTest, *groups: str) -> AppTest:
    """Open the Plan page's question groups ("scale", "team", "market", "pay") as a click would:
    their widgets are drawn only while open."""
    for group in groups:
        at.session_state[f"plan.open.{group}"] = True
    return at.run()


def address(at: AppTest) -> dict[str, str]:
    """The query parameters of the page's address, as the next visit to that address reads
    them: what the Plan page's answer last handed the browser (ui/_st167_address.py), else
    st.query_params (ui/state.keep_address)."""
    deferred = [e for e in at.get("bidi_component") if e.proto.component_name == "planner_address"]
    if deferred:
        search = json.loads(deferred[-1].proto.json)["search"]
        assert search == "" or search.startswith("?"), search
        return dict(parse_qsl(urlsplit(search).query, keep_blank_values=True))
    return {key: at.query_params[key] for key in at.query_params}


def headline(at: AppTest) -> str:
    """The failure named in the diagnosis card (a Markdown heading)."""
    titles = set(FAILURE_TITLE.values())
    found = [
        line.removeprefix("### ")
        for m in at.markdown
        for line in m.value.splitlines()
        if line.removeprefix("### ") in titles and line.startswith("### ")
    ]
    assert len(found) == 1, [m.value for m in at.markdown]
    return found[0]


def _table_rows(at: AppTest) -> list[list[str]]:
    text = next(m.value for m in at.markdown if m.value.startswith("### Who to hire"))
    rows = [line for line in text.splitlines() if line.startswith("|")][2:]  # past the header
    return [[cell.strip() for cell in row.strip()[2:-2].split(" | ")] for row in rows]


def mix_rows(at: AppTest) -> list[list[str]]:
    """The hires in the 'Who to hire' table, as cells (the total row is mix_total's)."""
    rows = _table_rows(at)
    assert rows[-1][1] == "**Total**", rows
    return rows[:-1]


def mix_hires(at: AppTest) -> list[tuple[str, str]]:
    """The hires in the 'Who to hire' table as (title, level): "Model developer (senior)"."""
    hires = []
    for row in mix_rows(at):
        title, level = row[1].removesuffix(")").split(" (")
        hires.append((title, level))
    return hires


def mix_total(at: AppTest) -> float:
    """The 'Who to hire' table's total cash in the first 12 months, in the plan's currency."""
    cell = _table_rows(at)[-1][-1]  # "**\\$723,547**"
    return float(cell.strip("*").replace("\\", "").lstrip("$£€CA").replace(",", ""))


def cost_chart(at: AppTest) -> dict[str, Any]:
    """The Cost section's chart: the ECharts option as sent to the browser (its base option)."""
    (chart,) = at.get("echarts_chart")
    return json.loads(chart.proto.spec)["baseOption"]

"""Plotly charts on the page: one look for every chart, and figures remembered with their plan.

Building a figure through plotly's validating objects costs 20-30 ms, more than the plan itself
once the plan is cached. Plans come from a shared cache (ui/data.plan_for) and are frozen, so a
figure built for one plan object is right for as long as that object lives: we keep the figure
next to a strong reference to its plan, and only hand it back for the very same object.
st.plotly_chart copies a figure before it serialises it, so sharing one between sessions is safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from planner.render import EChart

# No plotly toolbar: on a phone it sits over the chart's title (issue 24), and a chart of a
# few quarters or bands gains nothing from zoom or pan. Streamlit's own fullscreen button stays
# (it is drawn above the chart, not on it); the exports give the figures as slides and files.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
MAX_FIGURES = 512  # a few dozen KB each

_lock = threading.Lock()
_figures: OrderedDict[tuple[int, str, tuple[Hashable, ...]], tuple[object, go.Figure]] = (
    OrderedDict()
)


def chart_config(filename: str) -> dict[str, object]:
    """The one chart config: no toolbar. `filename` names the PNG plotly would save (a 2x
    image) if a chart is ever given a toolbar again (e.g. fullscreen-only views)."""
    return {
        **CHART_CONFIG,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
    }


def figure(build: Callable[..., go.Figure], plan: object, *args: Hashable) -> go.Figure:
    """build(plan, *args), built once per plan object (and arguments), least recently used out."""
    key = (id(plan), f"{build.__module__}.{build.__qualname__}", args)
    with _lock:
        hit = _figures.get(key)
        if hit is not None and hit[0] is plan:  # same id but another object: not a hit
            _figures.move_to_end(key)
            return hit[1]
    fig = build(plan, *args)
    with _lock:
        _figures[key] = (plan, fig)  # holding the plan keeps its id from being reused
        while len(_figures) > MAX_FIGURES:
            _figures.popitem(last=False)
    return fig


def plot(fig: go.Figure, *, key: str, filename: str, where: Any = st) -> None:
    """One plotly chart, full width of `where`, with our toolbar and PNG file name.

    The figure carries its look (render._chart_style.TEMPLATE), so Streamlit's theme is off: the
    browser would otherwise restyle the whole figure on every redraw (bench/results.md).
    """
    where.plotly_chart(fig, width="stretch", config=chart_config(filename), theme=None, key=key)


def show_chart(
    build: Callable[..., go.Figure],
    plan: object,
    *args: Hashable,
    key: str,
    filename: str,
    where: Any = st,
) -> None:
    """build(plan, *args), remembered with its plan, shown by plot()."""
    plot(figure(build, plan, *args), key=key, filename=filename, where=where)


def show_echart(chart: EChart, *, key: str, where: Any = st) -> None:
    """An ECharts chart, full width of `where`, at the height it was laid out for. The key
    keeps its identity when the option changes, so the browser updates it in place."""
    where.echarts_chart(chart.option, height=chart.height, theme=None, key=key)

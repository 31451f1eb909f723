"""ui/charts.figure: one figure per plan object, rebuilt for another object, bounded."""

from __future__ import annotations

import plotly.graph_objects as go

from ui import charts


class _Plan:
    """Stands in for a cached plan: only its identity matters to the cache."""


def _counting_builder(calls: list[object]):
    def build(plan: object, *args: object) -> go.Figure:
        calls.append((plan, args))
        return go.Figure()

    return build


def test_same_plan_object_reuses_the_figure():
    calls: list[object] = []
    build, plan = _counting_builder(calls), _Plan()
    first = charts.figure(build, plan)
    assert charts.figure(build, plan) is first
    assert len(calls) == 1
    assert charts.figure(build, plan, "2026-01-01") is not first  # other arguments: rebuilt
    assert len(calls) == 2


def test_another_plan_object_never_gets_a_stale_figure(monkeypatch):
    """Even if a new plan reuses a dead plan's id, the identity check rebuilds the figure."""
    calls: list[object] = []
    build = _counting_builder(calls)
    old, new = _Plan(), _Plan()
    stale = go.Figure()
    key = (id(new), f"{build.__module__}.{build.__qualname__}", ())
    monkeypatch.setitem(charts._figures, key, (old, stale))  # as if `old` had lived at id(new)
    assert charts.figure(build, new) is not stale
    assert calls == [(new, ())]


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(charts, "MAX_FIGURES", 3)
    monkeypatch.setattr(charts, "_figures", type(charts._figures)())
    build = _counting_builder([])
    plans = [_Plan() for _ in range(5)]
    for plan in plans:
        charts.figure(build, plan)
    assert len(charts._figures) == 3
    assert [entry[0] for entry in charts._figures.values()] == plans[2:]  # oldest out first

"""Fixtures of the pages that keep scenarios: a scenario database of the test's own."""

from __future__ import annotations

import pytest

from planner.scenarios._store import ScenarioStore


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The planner's data folder (where its SQLite scenarios live): the test's own, with no
    database URL or single-user setting from the environment."""
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)
    return tmp_path


@pytest.fixture
def store(data_dir) -> ScenarioStore:
    return ScenarioStore(f"sqlite:///{data_dir / 'scenarios.db'}")

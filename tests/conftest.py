"""Shared test helpers: the repository root and the shipped data, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import Assumptions, BandTable, FxTable, load_assumptions, load_benchmarks, load_fx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def bands() -> BandTable:
    return load_benchmarks()


@pytest.fixture(scope="session")
def fx() -> FxTable:
    return load_fx()


@pytest.fixture(scope="session")
def assumptions() -> Assumptions:
    return load_assumptions()

"""Shared test helpers: the repository root and the shipped data, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import Assumptions, load_assumptions, load_benchmarks
from planner.models import Band

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def bands() -> tuple[Band, ...]:
    return load_benchmarks()


@pytest.fixture(scope="session")
def assumptions() -> Assumptions:
    return load_assumptions()

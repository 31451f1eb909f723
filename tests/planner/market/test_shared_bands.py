"""Different jobs priced the same must say why, on screen and in the plan.

Where no public series separates two archetypes (MLOps from software development in the US; all
three outside the US) their bands are identical. The plan may show identical numbers only next
to a note that names the archetypes and says no public series separates them.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest
from streamlit.testing.v1 import AppTest

from planner.models import Answers, Archetype, DataMaturity, Level, Location, ProblemValidation
from planner.service import make_plan
from tests.conftest import ROOT

THREE_ARCHETYPES = {
    "data_maturity": DataMaturity.REPEATABLE,
    "problem_validation": ProblemValidation.PROVEN,
    "live_models": 2,
    "products": 2,
}


def _shared_notes(plan) -> list[str]:
    return [a.text for a in plan.advice if a.code == "shared_band"]


@pytest.mark.parametrize("location", list(Location))
def test_identical_bands_always_come_with_the_note(location, bands, assumptions, fx):
    answers = Answers(location=location, level=Level.SENIOR, **THREE_ARCHETYPES)
    plan = make_plan(answers, bands, assumptions, fx, date(2026, 12, 3), trials=200)
    hired = {h.archetype for h in plan.hires}
    assert hired == set(Archetype)
    notes = _shared_notes(plan)
    for a, b in combinations(sorted(hired), 2):
        same = all(
            bands.band(a, lv, location).percentiles == bands.band(b, lv, location).percentiles
            for lv in Level
        )
        named = any(f"{a.value} pay" in n and f"{b.value} pay" in n for n in notes)
        assert named == same, (location, a, b, notes)
        if same:
            assert any("no public series separates them" in n for n in notes)


def test_us_researchers_have_their_own_series(bands):
    """The US prices researchers from SOC 15-1221, not from the developers' series."""
    us = Location.US_NATIONAL
    r = bands.band(Archetype.RESEARCHER, Level.SENIOR, us)
    d = bands.band(Archetype.DEVELOPER, Level.SENIOR, us)
    assert r.percentiles != d.percentiles
    assert "15-1221" in r.source.source or "research" in r.derivation.lower()


def test_the_note_sits_next_to_the_market_chart():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in {
        "location": "london",
        "data_maturity": "repeatable",
        "problem": "proven",
        "live_models": "2",
        "products": "2",
    }.items():
        at.query_params[key] = value
    at.run()
    at.radio(key="plan.section").set_value("Market pay").run()
    assert not at.exception
    captions = [c.value.replace("\\", "") for c in at.caption]  # our own text, escaped
    assert any(
        "operator pay = developer pay = researcher pay" in c
        and "no public series separates them" in c
        for c in captions
    ), captions

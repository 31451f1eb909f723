"""A roadmap's share link: parsed strictly like the CLI's flags, bad values named and dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.models import Archetype, DataMaturity, Location, ProblemValidation
from planner.roadmap import DEFAULT_QUARTERS, Milestone, parse_milestone
from planner.scenarios import (
    RoadmapLink,
    is_roadmap_key,
    make_roadmap_link,
    parse_roadmap_link,
)


def test_an_empty_link_is_the_defaults():
    """No roadmap keys: no milestones, the default horizon, nothing ignored."""
    assert parse_roadmap_link({}) == RoadmapLink()
    assert make_roadmap_link((), DEFAULT_QUARTERS) == {}


def test_a_full_link_round_trips():
    """Milestones, horizon, attrition, budget and markets come back as they went in."""
    milestones = (
        parse_milestone("Q3:live_models=1,data_maturity=repeatable", 10),
        parse_milestone("Q7:regions=2", 10),
    )
    params = make_roadmap_link(milestones, 10, 0.15, 750_000, {Archetype.OPERATOR: Location.LONDON})
    assert params == {
        "ms": "Q3:data_maturity=repeatable,live_models=1;Q7:regions=2",
        "quarters": "10",
        "attr": "0.15",
        "rm_budget": "750000",
        "hire.operator": "london",
    }
    link = parse_roadmap_link(params)
    assert link.milestones == milestones
    assert (link.quarters, link.attrition, link.budget) == (10, 0.15, 750_000)
    assert link.hire_in == {Archetype.OPERATOR: Location.LONDON}
    assert link.ignored == ()


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"ms": "Q9:products=3"}, "the quarter must be from 1 to 8"),
        ({"ms": "Q0:products=3"}, "the quarter must be from 1 to 8"),
        ({"ms": "Q2:colour=blue"}, "unknown field 'colour'"),
        ({"ms": "Q2:problem=maybe"}, "problem must be one of exploring, validated, proven"),
        ({"ms": "Q2:products=0"}, "products must be"),
        ({"ms": "Q2:products=٣"}, "products must be"),
        ({"ms": "three products soon"}, "expected Q<k>:<field>=<value>"),
        ({"ms": "Q2:products=2,products=3"}, "products is given twice"),
        ({"ms": "Q2:products=2;Q2:products=3"}, "two milestones set products in Q2"),
        ({"quarters": "3"}, "quarters='3' (a whole number from 4 to 12)"),
        ({"quarters": "13"}, "quarters='13' (a whole number from 4 to 12)"),
        ({"quarters": "1" * 5000}, "a whole number from 4 to 12"),
        ({"quarters": "8.0"}, "a whole number from 4 to 12"),
        ({"attr": "0.6"}, "attr='0.6' (a share from 0 to 0.5"),
        ({"attr": "nan"}, "attr='nan' (not a number)"),
        ({"attr": "0.1234"}, "the input shows 1 decimal of a percent"),
        ({"rm_budget": "-1"}, "rm_budget='-1'"),
        ({"hire.operator": "mars"}, "'hire.operator'='mars' (use hire.<"),
        ({"hire.pilot": "london"}, "'hire.pilot'='london'"),
    ],
)
def test_a_bad_value_is_named_and_dropped(params, named):
    """Each bad value is ignored with a note naming it; the defaults stand in its place."""
    link = parse_roadmap_link(params)
    assert len(link.ignored) == 1, link.ignored
    assert named in link.ignored[0]
    assert link.quarters == DEFAULT_QUARTERS
    assert link.attrition is None and link.budget is None and link.hire_in == {}


def test_good_milestones_survive_a_bad_one_beside_them():
    """One bad milestone drops alone; the link's horizon decides what is in range."""
    link = parse_roadmap_link(
        {"quarters": "12", "ms": "Q10:regions=2;Q2:problem=maybe;Q3:products=2"}
    )
    assert [m.text for m in link.milestones] == ["Q10:regions=2", "Q3:products=2"]
    assert len(link.ignored) == 1 and "problem=maybe" in link.ignored[0]


def test_hostile_text_is_cut_short_in_the_notes():
    """A huge key or value is quoted to 40-odd characters, never whole."""
    link = parse_roadmap_link({"hire." + "x" * 10_000: "y" * 10_000, "ms": "Q" + "9" * 10_000})
    assert len(link.ignored) == 2
    assert all(len(note) < 400 for note in link.ignored)


def test_only_roadmap_keys_are_claimed():
    """The page tells its keys from others with is_roadmap_key; the plan's keys are not its."""
    assert all(is_roadmap_key(k) for k in ("ms", "quarters", "attr", "rm_budget", "hire.operator"))
    assert not any(is_roadmap_key(k) for k in ("live_models", "horizon", "location", "present"))


_milestone = (
    st.fixed_dictionaries(
        {
            "quarter": st.integers(1, 12),
            "data_maturity": st.none() | st.sampled_from(DataMaturity),
            "problem_validation": st.none() | st.sampled_from(ProblemValidation),
            "live_models": st.none() | st.integers(0, 20),
            "products": st.none() | st.integers(1, 20),
            "regions": st.none() | st.integers(1, 20),
        }
    )
    .filter(lambda d: any(v is not None for k, v in d.items() if k != "quarter"))
    .map(Milestone.model_validate)
)


@given(
    milestones=st.lists(_milestone, max_size=4, unique_by=lambda m: m.quarter),
    attrition=st.none() | st.integers(0, 100).map(lambda n: n / 200),
    hire_in=st.dictionaries(st.sampled_from(Archetype), st.sampled_from(Location)),
)
def test_whatever_the_page_emits_it_reads_back(milestones, attrition, hire_in):
    """make_roadmap_link then parse_roadmap_link gives back the same inputs, nothing ignored."""
    link = parse_roadmap_link(make_roadmap_link(milestones, 12, attrition, None, hire_in))
    assert link.ignored == ()
    assert link.milestones == tuple(milestones)
    assert (link.quarters, link.attrition, link.hire_in) == (12, attrition, hire_in)

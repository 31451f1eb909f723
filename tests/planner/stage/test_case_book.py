"""The case book as a test table: the planner must agree with every company in it."""

from __future__ import annotations

import pytest

from planner import make_plan
from planner.stage._case_book import load_case_book

CASES = load_case_book()


def test_case_book_is_broad():
    """At least 30 companies, every rung, empty to lopsided teams, one model to dozens."""
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.next_failure.value for c in CASES} == {
        "weak_problem_validation",
        "brittle_deployment",
        "operational_complexity",
    }
    lives = {c.answers.live_models for c in CASES}
    assert {0, 1, 2}.issubset(lives) and max(lives) >= 30
    assert any(sum(c.answers.have(a) for a in c.hires) == 0 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_planner_agrees_with_the_case_book(case, bands, assumptions, fx):
    """The diagnosis, the hires per archetype, the first hire and the advice codes match."""
    plan = make_plan(case.answers, bands, assumptions, fx, trials=200)
    got = {
        "next_failure": plan.diagnosis.next_failure,
        "hires": plan.hires_per_archetype(),
        "first_hire": plan.hires[0].archetype if plan.hires else None,
    }
    want = {"next_failure": case.next_failure, "hires": case.hires, "first_hire": case.first_hire}
    assert got == want, case.why
    codes = {a.code for a in plan.advice}
    assert case.expect <= codes, f"missing {sorted(case.expect - codes)}; got {sorted(codes)}"
    # Stage advice the book does not expect is a disagreement too (budget advice aside, and
    # the note on market data that prices two archetypes from one series, which says nothing
    # about the stage).
    stage_codes = codes - {"over_budget", "after_horizon", "shared_band"}
    assert stage_codes <= case.expect, f"unexpected {sorted(stage_codes - case.expect)}"


def test_similar_cases_start_with_the_company_itself():
    """A company's own answers find a row with the same stage answers first; a company with 28
    live models is shown companies running ten or more, not a two-model one."""
    from planner import Answers
    from planner.stage._case_book import similar_cases

    def stage(a):
        return a.model_dump(exclude={"planned_req"})

    for case in CASES:
        assert stage(similar_cases(case.answers, CASES, n=1)[0].answers) == stage(case.answers)
    big = Answers(data_maturity="repeatable", problem_validation="proven", live_models=28)
    assert all(c.answers.live_models >= 10 for c in similar_cases(big, CASES, n=2))

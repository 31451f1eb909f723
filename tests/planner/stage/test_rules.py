"""The stage ladder as a table: answers -> next failure, runner-up and hires per archetype."""

from __future__ import annotations

import pytest

from planner import Answers, make_plan
from planner.stage._rules import diagnose

WPV, BD, OC = "weak_problem_validation", "brittle_deployment", "operational_complexity"

# (data, problem, live, products, regions) -> (next failure, runner-up, {archetype: hires})
CASES = [
    # The three rungs the article names.
    (("ad_hoc", "exploring", 0, 1, 1), WPV, BD, {"researcher": 1, "developer": 1, "operator": 0}),
    (("repeatable", "proven", 1, 1, 1), BD, WPV, {"researcher": 0, "developer": 1, "operator": 1}),
    (("repeatable", "proven", 3, 3, 2), OC, BD, {"researcher": 1, "developer": 2, "operator": 2}),
    (("platform", "proven", 3, 3, 2), OC, BD, {"researcher": 1, "developer": 2, "operator": 2}),
    # In between: signal shown offline on trusted data, nothing live -> getting it shipped,
    # and no operator while nothing is live.
    (
        ("repeatable", "validated", 0, 1, 1),
        BD,
        WPV,
        {"researcher": 0, "developer": 1, "operator": 0},
    ),
    # Offline signal on hand-checked labels is shaky -> still validation first.
    (("ad_hoc", "validated", 0, 1, 1), WPV, BD, {"researcher": 1, "developer": 1, "operator": 0}),
    # Proven but not yet live -> the path to production is what breaks next.
    (("ad_hoc", "proven", 0, 1, 1), BD, WPV, {"researcher": 0, "developer": 1, "operator": 0}),
    # A live revenue model while still unsure ML belongs: a tie, the earlier rung wins.
    (
        ("repeatable", "exploring", 1, 1, 1),
        WPV,
        BD,
        {"researcher": 1, "developer": 1, "operator": 0},
    ),
    # Two models in one product and one region: deployment, not yet operations.
    (("repeatable", "proven", 2, 1, 1), BD, OC, {"researcher": 0, "developer": 1, "operator": 1}),
    # Two models across two products: several products -> operational complexity.
    (("repeatable", "proven", 2, 2, 1), OC, BD, {"researcher": 1, "developer": 1, "operator": 1}),
    # ... or across two regions.
    (("repeatable", "proven", 2, 1, 2), OC, BD, {"researcher": 1, "developer": 1, "operator": 2}),
    # One live model served in two regions: still deployment, operations the runner-up.
    (("repeatable", "proven", 1, 1, 2), BD, OC, {"researcher": 0, "developer": 1, "operator": 1}),
    # Many products planned but nothing live and still exploring: validation first, and
    # operations cannot be the runner-up with nothing to operate.
    (("platform", "exploring", 0, 3, 1), WPV, BD, {"researcher": 1, "developer": 1, "operator": 0}),
    # Large scale on platform data: one operator per ten live models, one developer per two
    # products, one researcher per three.
    (("platform", "proven", 12, 4, 1), OC, BD, {"researcher": 2, "developer": 2, "operator": 2}),
    # Many live models in one product and region still make operations the next failure.
    (("repeatable", "proven", 30, 1, 1), OC, BD, {"researcher": 1, "developer": 3, "operator": 5}),
    # Breadth without a live model is not operational complexity.
    (("ad_hoc", "exploring", 0, 4, 3), WPV, BD, {"researcher": 1, "developer": 1, "operator": 0}),
]


@pytest.mark.parametrize(("stage", "failure", "runner_up", "hires"), CASES)
def test_stage_table(stage, failure, runner_up, hires, bands, assumptions, fx):
    """Each row of the ladder table gives its failure, runner-up and hires."""
    data, problem, live, products, regions = stage
    answers = Answers(
        data_maturity=data,
        problem_validation=problem,
        live_models=live,
        products=products,
        regions=regions,
    )
    plan = make_plan(answers, bands, assumptions, fx)
    assert plan.diagnosis.next_failure.value == failure
    assert plan.diagnosis.runner_up.value == runner_up
    assert {a.value: n for a, n in plan.hires_per_archetype().items()} == hires


def test_existing_team_is_netted_never_negative(bands, assumptions, fx):
    """Hires are the gap to the stage's team; people already there are never 'un-hired'."""
    answers = Answers(
        data_maturity="repeatable",
        problem_validation="proven",
        live_models=1,
        have_developers=3,
        have_researchers=2,
    )
    plan = make_plan(answers, bands, assumptions, fx)
    assert {a.value: n for a, n in plan.hires_per_archetype().items()} == {
        "researcher": 0,
        "developer": 0,
        "operator": 1,
    }
    assert [h.archetype.value for h in plan.hires] == ["operator"]


def test_full_team_gets_no_hires_and_a_pointer_to_the_runner_up(bands, assumptions, fx):
    """A team that already covers the stage gets no hires and a note about what comes next."""
    answers = Answers(have_researchers=1, have_developers=1)
    plan = make_plan(answers, bands, assumptions, fx)
    assert plan.hires == ()
    assert plan.cost.first_year_total == 0
    assert any("already covers" in n and "brittle deployment" in n for n in plan.notes)
    assert "covered" in {a.code for a in plan.advice}


@pytest.mark.parametrize(
    ("stage", "order"),
    [
        ({}, ["researcher", "developer"]),
        (
            {"data_maturity": "repeatable", "problem_validation": "proven", "live_models": 1},
            ["developer", "operator"],
        ),
        (
            {
                "data_maturity": "platform",
                "problem_validation": "proven",
                "live_models": 3,
                "products": 3,
                "regions": 2,
            },
            ["operator", "developer", "researcher", "operator", "developer"],
        ),
    ],
)
def test_hiring_order_puts_the_guard_first(stage, order, bands, assumptions, fx):
    """The archetype guarding against the diagnosed failure is hired first, then round-robin."""
    plan = make_plan(Answers(**stage), bands, assumptions, fx)
    assert [h.archetype.value for h in plan.hires] == order
    assert [h.order for h in plan.hires] == list(range(1, len(order) + 1))


def test_levels_follow_the_stage(bands, assumptions, fx):
    """Early hires are senior generalists; at scale the operator lead is staff, later hires mid."""
    early = make_plan(Answers(), bands, assumptions, fx)
    assert {h.level.value for h in early.hires} == {"senior"}
    scale = make_plan(
        Answers(data_maturity="platform", problem_validation="proven", live_models=3,
                products=3, regions=2),
        bands,
        assumptions,
        fx,
    )  # fmt: skip
    assert [h.level.value for h in scale.hires] == ["staff", "senior", "senior", "mid", "mid"]


@pytest.mark.parametrize(
    ("stage", "req", "expected"),
    [
        ({}, "operator", "Premature"),
        ({}, "generalist", "All-in-one req"),
        ({"data_maturity": "repeatable", "problem_validation": "proven", "live_models": 1},
         "researcher", "Does not fit the stage"),
        ({"have_researchers": 1}, "researcher", "Already covered"),
    ],
)  # fmt: skip
def test_planned_req_warnings(stage, req, expected, bands, assumptions, fx):
    """A req that does not fit the stage is called out by name."""
    plan = make_plan(Answers(**stage, planned_req=req), bands, assumptions, fx)
    assert any(w.startswith(expected) for w in plan.warnings), plan.warnings


@pytest.mark.parametrize("req", [None, "researcher", "developer"])
def test_fitting_req_gets_no_req_warning(req, bands, assumptions, fx):
    """A req that matches the recommended mix raises no warning."""
    plan = make_plan(Answers(planned_req=req), bands, assumptions, fx)
    assert plan.warnings == ()


def test_reasons_name_the_driving_answers():
    """The why lists the answers that pushed toward the diagnosis and names the runner-up."""
    d = diagnose(Answers())
    assert d.reasons[0].startswith("Problem validation = exploring: +4")
    assert d.reasons[-1].startswith("Runner-up: brittle deployment")


def test_huge_scale_is_capped_with_a_note(bands, assumptions, fx):
    """Beyond six hires of one archetype the plan stops and says to plan a second round."""
    answers = Answers(data_maturity="repeatable", problem_validation="proven", live_models=60,
                      products=2, regions=1)  # fmt: skip
    plan = make_plan(answers, bands, assumptions, fx)
    assert plan.hires_per_archetype()["operator"] == 6
    assert any("second round" in w for w in plan.warnings)

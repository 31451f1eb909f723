"""Answers -> diagnosis -> recommended mix. Pure functions over named tables.

The article's rule is "hire for the next thing most likely to break". We turn it into points:
every answer adds points to the failures it makes likely, the highest total is the diagnosis,
and the second is the runner-up. The tables below are the whole rule; the app shows them as "why".
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from planner.models import (
    Answers,
    Archetype,
    Diagnosis,
    Driver,
    Failure,
    Hire,
    Level,
    MixLine,
    PlannedReq,
    count,
)

WPV = Failure.WEAK_PROBLEM_VALIDATION
BD = Failure.BRITTLE_DEPLOYMENT
OC = Failure.OPERATIONAL_COMPLEXITY

# The ladder, earliest rung first. On a tie the earlier failure wins: it blocks the later one
# (models that do not work yet cannot cause operational trouble).
LADDER: tuple[Failure, ...] = (WPV, BD, OC)

FAILURE_TITLE: Mapping[Failure, str] = {
    WPV: "Weak problem validation",
    BD: "Brittle deployment",
    OC: "Operational complexity",
}

FAILURE_SUMMARY: Mapping[Failure, str] = {
    WPV: "The next thing likely to break is the case for ML itself: nobody has yet shown "
    "there is usable signal in your data, so you could build a model that never pays off.",
    BD: "The next thing likely to break is the path from model to production: revenue rests "
    "on a model that is hard to ship, test and roll back.",
    OC: "The next thing likely to break is keeping many live models healthy: more products "
    "and regions multiply drift, retraining and incidents faster than ad-hoc care can cope.",
}

GUARD: Mapping[Failure, Archetype] = {
    WPV: Archetype.RESEARCHER,
    BD: Archetype.DEVELOPER,
    OC: Archetype.OPERATOR,
}

ARCHETYPE_TITLE: Mapping[Archetype, str] = {
    Archetype.RESEARCHER: "Model researcher",
    Archetype.DEVELOPER: "Model developer",
    Archetype.OPERATOR: "Model operator",
}

ARCHETYPE_OWNS: Mapping[Archetype, str] = {
    Archetype.RESEARCHER: "signal, features, model choice, offline evaluation",
    Archetype.DEVELOPER: "training pipelines, inference services, tests, rollback",
    Archetype.OPERATOR: "monitoring, drift, retraining triggers, versioning, incidents",
}


def _pts(wpv: int = 0, bd: int = 0, oc: int = 0) -> dict[Failure, int]:
    return {WPV: wpv, BD: bd, OC: oc}


# Points per answer. Count answers are bucketed first (see _bucket).
SCORES: Mapping[str, Mapping[str, dict[Failure, int]]] = {
    "data_maturity": {
        "ad_hoc": _pts(wpv=2),  # hand-checked labels make any offline result shaky
        "repeatable": _pts(bd=1),
        "platform": _pts(bd=1, oc=1),  # many consumers of shared features
    },
    "problem_validation": {
        "exploring": _pts(wpv=4),
        "validated": _pts(wpv=1, bd=2),  # signal shown offline, not yet shipped
        "proven": _pts(bd=3),
    },
    "live_models": {
        "0": _pts(wpv=1, bd=1),
        "1": _pts(bd=3),  # revenue rests on one model
        "2+": _pts(bd=2, oc=4),
    },
    "products": {"1": _pts(), "2": _pts(oc=3), "3+": _pts(oc=4)},
    "regions": {"1": _pts(), "2": _pts(oc=3), "3+": _pts(oc=4)},
}

QUESTION_TITLE: Mapping[str, str] = {
    "data_maturity": "Data maturity",
    "problem_validation": "Problem validation",
    "live_models": "Live models tied to revenue",
    "products": "Products served by ML",
    "regions": "Regions served by ML",
}

# Team each failure calls for. Counts grow with scale only at the operational-complexity rung.
BASE_TEAM: Mapping[Failure, Mapping[Archetype, int]] = {
    WPV: {Archetype.RESEARCHER: 1, Archetype.DEVELOPER: 1, Archetype.OPERATOR: 0},
    BD: {Archetype.RESEARCHER: 0, Archetype.DEVELOPER: 1, Archetype.OPERATOR: 1},
    OC: {Archetype.RESEARCHER: 1, Archetype.DEVELOPER: 1, Archetype.OPERATOR: 1},
}
PRODUCTS_PER_DEVELOPER = 2  # at scale: one developer per two ML products
LIVE_MODELS_PER_OPERATOR = 3  # at scale: one operator per three live models ...
# ... and at least one per region, so incidents are covered in each region's working hours.
MAX_HIRES_PER_ARCHETYPE = 6  # a plan, not an org chart: beyond this, plan a second round

# Hiring order: the archetype that guards against the diagnosed failure comes first.
PRIORITY: Mapping[Failure, tuple[Archetype, ...]] = {
    WPV: (Archetype.RESEARCHER, Archetype.DEVELOPER, Archetype.OPERATOR),
    BD: (Archetype.DEVELOPER, Archetype.OPERATOR, Archetype.RESEARCHER),
    OC: (Archetype.OPERATOR, Archetype.DEVELOPER, Archetype.RESEARCHER),
}

# Early teams want senior generalists; at scale the first of each archetype leads (the operator
# lead at staff level) and later hires specialise at mid level.
FIRST_LEVEL: Mapping[Failure, Mapping[Archetype, Level]] = {
    WPV: dict.fromkeys(Archetype, Level.SENIOR),
    BD: dict.fromkeys(Archetype, Level.SENIOR),
    OC: {
        Archetype.RESEARCHER: Level.SENIOR,
        Archetype.DEVELOPER: Level.SENIOR,
        Archetype.OPERATOR: Level.STAFF,
    },
}
LATER_LEVEL: Mapping[Failure, Level] = {WPV: Level.SENIOR, BD: Level.SENIOR, OC: Level.MID}


def _bucket(n: int, top: int) -> str:
    return f"{top}+" if n >= top else str(n)


def bucketed_answers(answers: Answers) -> dict[str, str]:
    """The answers as the keys of SCORES."""
    return {
        "data_maturity": answers.data_maturity.value,
        "problem_validation": answers.problem_validation.value,
        "live_models": _bucket(answers.live_models, 2),
        "products": _bucket(answers.products, 3),
        "regions": _bucket(answers.regions, 3),
    }


def diagnose(answers: Answers) -> Diagnosis:
    """Score every failure from the answers; the highest is next, the second the runner-up."""
    drivers: list[Driver] = []
    scores = dict.fromkeys(LADDER, 0)
    for question, bucket in bucketed_answers(answers).items():
        points = SCORES[question][bucket]
        drivers.append(Driver(question=question, answer=bucket, points=points))
        for failure, p in points.items():
            scores[failure] += p
    ranked = sorted(LADDER, key=lambda f: (-scores[f], LADDER.index(f)))
    next_failure, runner_up = ranked[0], ranked[1]
    reasons = _reasons(drivers, scores, next_failure, runner_up)
    return Diagnosis(
        next_failure=next_failure,
        runner_up=runner_up,
        scores=scores,
        drivers=tuple(drivers),
        reasons=tuple(reasons),
    )


def _reasons(
    drivers: list[Driver], scores: dict[Failure, int], top: Failure, second: Failure
) -> list[str]:
    reasons = [
        f"{QUESTION_TITLE[d.question]} = {d.answer.replace('_', ' ')}: "
        f"+{d.points[top]} toward {FAILURE_TITLE[top].lower()}"
        for d in sorted(drivers, key=lambda d: -d.points[top])
        if d.points[top] > 0
    ]
    tie = " (a tie: the earlier rung wins)" if scores[top] == scores[second] else ""
    reasons.append(
        f"Runner-up: {FAILURE_TITLE[second].lower()} with {_points(scores[second])} "
        f"against {scores[top]}{tie}."
    )
    return reasons


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def target_team(failure: Failure, answers: Answers) -> dict[Archetype, int]:
    """Team size per archetype that the diagnosed stage calls for, before the existing team."""
    team = dict(BASE_TEAM[failure])
    if failure is OC:
        team[Archetype.DEVELOPER] = max(1, math.ceil(answers.products / PRODUCTS_PER_DEVELOPER))
        team[Archetype.OPERATOR] = max(
            answers.regions, math.ceil(answers.live_models / LIVE_MODELS_PER_OPERATOR)
        )
    return team


def recommend_mix(diagnosis: Diagnosis, answers: Answers) -> tuple[list[MixLine], list[Hire]]:
    """Hires per archetype net of the existing team (never below zero), and their order."""
    failure = diagnosis.next_failure
    target = target_team(failure, answers)
    lines = []
    for archetype in Archetype:
        gap = max(0, target[archetype] - answers.have(archetype))
        lines.append(
            MixLine(
                archetype=archetype,
                target=target[archetype],
                have=answers.have(archetype),
                hires=min(gap, MAX_HIRES_PER_ARCHETYPE),
            )
        )
    by_archetype = {line.archetype: line for line in lines}
    hires: list[Hire] = []
    rounds = max(line.hires for line in lines)
    for r in range(rounds):
        for archetype in PRIORITY[failure]:
            line = by_archetype[archetype]
            if r < line.hires:
                seat = line.have + r  # seat 0 is the archetype's first person ever
                level = answers.level or (
                    FIRST_LEVEL[failure][archetype] if seat == 0 else LATER_LEVEL[failure]
                )
                hires.append(Hire(order=len(hires) + 1, archetype=archetype, level=level))
    return lines, hires


def stage_warnings(diagnosis: Diagnosis, answers: Answers, mix: list[MixLine]) -> list[str]:
    """What not to do: reqs that do not fit the stage, and gaps the mix cannot close."""
    failure = diagnosis.next_failure
    by_archetype = {line.archetype: line for line in mix}
    needed = [a for a in PRIORITY[failure] if by_archetype[a].hires > 0]
    warnings: list[str] = []
    req = answers.planned_req
    if req is PlannedReq.GENERALIST:
        split = " then ".join(ARCHETYPE_TITLE[a].lower() for a in needed) or "no new req"
        warnings.append(
            'All-in-one req: one "ML engineer" posting asks for up to three different jobs, '
            "draws applicants for the wrong one and makes the search longer. "
            f"Open focused reqs instead: {split}."
        )
    elif req is PlannedReq.OPERATOR and (failure is WPV or answers.live_models == 0):
        warnings.append(
            "Premature: an operator (MLOps) req now has nothing to run. With no model live and "
            "the case for ML not yet made, hire a researcher and a developer first; add an "
            "operator once a model earns revenue."
        )
    elif req is not None:
        archetype = Archetype(req.value)
        line = by_archetype[archetype]
        if line.target == 0:
            warnings.append(
                f"Does not fit the stage: a {ARCHETYPE_TITLE[archetype].lower()} guards against "
                f"a different failure. Your next likely failure is "
                f"{FAILURE_TITLE[failure].lower()}; "
                f"hire a {ARCHETYPE_TITLE[GUARD[failure]].lower()} first."
            )
        elif line.hires == 0:
            warnings.append(
                f"Already covered: your team has "
                f"{count(line.have, ARCHETYPE_TITLE[archetype].lower())}, which is what this "
                "stage needs. "
                + (
                    "Put the req toward "
                    + ", ".join(ARCHETYPE_TITLE[a].lower() for a in needed)
                    + "."
                    if needed
                    else "No new req is needed for this stage."
                )
            )
    for line in mix:
        if line.target - line.have > MAX_HIRES_PER_ARCHETYPE:
            warnings.append(
                f"Your scale calls for {line.target - line.have} more "
                f"{ARCHETYPE_TITLE[line.archetype].lower()}s; this plan covers the first "
                f"{MAX_HIRES_PER_ARCHETYPE}. Plan the rest as a second round."
            )
    if not needed:
        warnings.append(
            "Your current team already covers what this stage needs. The next risk to plan for "
            f"is {FAILURE_TITLE[diagnosis.runner_up].lower()}."
        )
    return warnings

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
    DataMaturity,
    Diagnosis,
    Driver,
    Failure,
    Hire,
    Level,
    MixLine,
)
from planner.questions import QUESTION_TITLE

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


# Points per answer. Counts are bucketed first (see LIVE_BUCKETS and _bucket); the live-model
# count has five buckets because 2 live models are not 30: operational load grows with the count.
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
        "2-3": _pts(bd=1, oc=3),
        "4-9": _pts(bd=1, oc=4),
        "10+": _pts(oc=7),  # more models than anyone can watch by hand
    },
    "products": {"1": _pts(), "2": _pts(oc=4), "3+": _pts(oc=5)},
    "regions": {"1": _pts(), "2": _pts(oc=4), "3+": _pts(oc=5)},
}
LIVE_BUCKETS: tuple[tuple[int, str], ...] = ((10, "10+"), (4, "4-9"), (2, "2-3"), (1, "1"))

# Gates: breadth (products, regions) weighs only as much as there are live models to spread.
# Breadth without a live model is not operational complexity; one model served widely is still
# mostly a deployment problem, so it counts half. Rows: (live models at least, weight, why).
BREADTH_QUESTIONS = ("products", "regions")
BREADTH_WEIGHT: tuple[tuple[int, float, str], ...] = (
    (2, 1.0, ""),
    (
        1,
        0.5,
        "half weight with one live model: one model served widely is still mostly a "
        "deployment problem",
    ),
    (
        0,
        0.0,
        "no weight while no model is live: breadth without a live model is not yet "
        "operational work",
    ),
)
MIN_LIVE_FOR_FAILURE: Mapping[Failure, int] = {OC: 1}  # nothing live: nothing to operate


# Live models one operator can keep healthy, by data maturity (our assumption: shared features
# and lineage make each model cheaper to watch; hand-built data makes each one a special case).
MODELS_PER_OPERATOR: Mapping[DataMaturity, int] = {
    DataMaturity.AD_HOC: 4,
    DataMaturity.REPEATABLE: 6,
    DataMaturity.PLATFORM: 10,
}
PRODUCTS_PER_DEVELOPER = 2  # at scale: one developer per two ML products ...
MODELS_PER_DEVELOPER = 10  # ... and per ten live models, whichever needs more
PRODUCTS_PER_RESEARCHER = 3  # at scale research is shared across products more than engineering
# Once models must ship, researchers need someone to ship them: at least one developer per three
# researchers on the team, or their work piles up offline (the team you have comes first).
RESEARCHERS_PER_DEVELOPER = 3
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


def _live_bucket(n: int) -> str:
    return next((name for low, name in LIVE_BUCKETS if n >= low), "0")


def bucketed_answers(answers: Answers) -> dict[str, str]:
    """The answers as the keys of SCORES."""
    return {
        "data_maturity": answers.data_maturity.value,
        "problem_validation": answers.problem_validation.value,
        "live_models": _live_bucket(answers.live_models),
        "products": _bucket(answers.products, 3),
        "regions": _bucket(answers.regions, 3),
    }


def _breadth_weight(question: str, bucket: str, live_models: int) -> tuple[float, str]:
    """How much a breadth answer's points count, and why ('' when in full)."""
    if question not in BREADTH_QUESTIONS:
        return 1.0, ""
    weight, note = next((w, n) for low, w, n in BREADTH_WEIGHT if live_models >= low)
    if not any(SCORES[question][bucket].values()):
        return weight, ""  # nothing to weigh: say nothing
    return weight, note


def diagnose(answers: Answers) -> Diagnosis:
    """Score every failure from the answers; the highest is next, the second the runner-up."""
    drivers: list[Driver] = []
    scores = dict.fromkeys(LADDER, 0)
    for question, bucket in bucketed_answers(answers).items():
        weight, note = _breadth_weight(question, bucket, answers.live_models)
        points = {f: int(p * weight) for f, p in SCORES[question][bucket].items()}
        drivers.append(Driver(question=question, answer=bucket, points=points, note=note))
        for failure, p in points.items():
            scores[failure] += p
    for failure, need in MIN_LIVE_FOR_FAILURE.items():
        if answers.live_models < need:
            scores[failure] = 0
    ranked = sorted(LADDER, key=lambda f: (-scores[f], LADDER.index(f)))
    next_failure, runner_up = ranked[0], ranked[1]
    reasons = _reasons(drivers, scores, next_failure, runner_up, answers)
    return Diagnosis(
        next_failure=next_failure,
        runner_up=runner_up,
        scores=scores,
        drivers=tuple(drivers),
        reasons=tuple(reasons),
    )


def _reasons(
    drivers: list[Driver],
    scores: dict[Failure, int],
    top: Failure,
    second: Failure,
    answers: Answers,
) -> list[str]:
    reasons = [
        f"{QUESTION_TITLE[d.question]} = {d.answer.replace('_', ' ')}: "
        f"+{d.points[top]} toward {FAILURE_TITLE[top].lower()}"
        for d in sorted(drivers, key=lambda d: -d.points[top])
        if d.points[top] > 0
    ]
    reasons += [
        f"{QUESTION_TITLE[d.question]} = {d.answer.replace('_', ' ')}: {d.note}"
        for d in drivers
        if d.note
    ]
    if answers.live_models < MIN_LIVE_FOR_FAILURE[OC]:
        reasons.append(
            "No model is live, so operational complexity is ruled out: there is nothing to "
            "operate yet."
        )
    tie = " (a tie: the earlier rung wins)" if scores[top] == scores[second] else ""
    reasons.append(
        f"Runner-up: {FAILURE_TITLE[second].lower()} with {_points(scores[second])} "
        f"against {scores[top]}{tie}."
    )
    return reasons


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def operators_for(answers: Answers) -> int:
    """Operators the live models call for: none while nothing is live."""
    if answers.live_models == 0:
        return 0
    return max(1, math.ceil(answers.live_models / MODELS_PER_OPERATOR[answers.data_maturity]))


def target_team(failure: Failure, answers: Answers) -> dict[Archetype, int]:
    """Team size per archetype that the diagnosed stage calls for, before the existing team."""
    r, d, o = Archetype.RESEARCHER, Archetype.DEVELOPER, Archetype.OPERATOR
    if failure is WPV:
        return {r: 1, d: 1, o: 0}
    shippers = math.ceil(answers.have_researchers / RESEARCHERS_PER_DEVELOPER)
    if failure is BD:
        return {r: 0, d: max(1, shippers), o: operators_for(answers)}
    developers = max(
        math.ceil(answers.products / PRODUCTS_PER_DEVELOPER),
        math.ceil(answers.live_models / MODELS_PER_DEVELOPER),
        shippers,
    )
    researchers = math.ceil(answers.products / PRODUCTS_PER_RESEARCHER)
    return {r: researchers, d: developers, o: max(answers.regions, operators_for(answers))}


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

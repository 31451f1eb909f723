"""What a head of ML would add to the mix: warnings about the req you had in mind, and notes on
the team you already have, the data work, and when the first operator is due.

Every item has a stable code (the case book and the exports match on it) and a grade: "high"
and "medium" are warnings about the plan, "note" says how to carry it out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.models import (
    Advice,
    Answers,
    Archetype,
    DataMaturity,
    DataWork,
    Diagnosis,
    Failure,
    Hire,
    MixLine,
    PlannedReq,
    count,
)
from planner.stage._rules import ARCHETYPE_TITLE, FAILURE_TITLE, MAX_HIRES_PER_ARCHETYPE, PRIORITY

WPV = Failure.WEAK_PROBLEM_VALIDATION
R, D, OP = Archetype.RESEARCHER, Archetype.DEVELOPER, Archetype.OPERATOR

DATA_WORK_MONTHS = 3  # our assumption: about the first quarter of the owner's time

# What surplus people of one archetype can take on while the first needed hire is found (the
# article: strong people can cover two archetypes for a while). Key: (surplus, first needed).
SURPLUS_USE: Mapping[tuple[Archetype, Archetype | None], str] = {
    (R, D): "ask one who likes engineering to own the path to production for a few months",
    (R, OP): "ask one to own model-quality monitoring and drift checks for a few months",
    (R, None): "keep them on the models that earn revenue, and do not backfill one who leaves",
    (D, R): "ask one with a feel for data to run the offline evaluation for a few months",
    (D, OP): "ask one to take on monitoring and on-call for a few months",
    (D, None): "let one build the shared training and serving path, so later models cost less",
    (OP, R): "point them at experiment tooling and data checks for now",
    (OP, D): "point them at the path to production: pipelines, tests, a release process",
    (OP, None): "let one build shared tooling (a registry, standard monitoring) instead of adding "
    "people",
}


def _title(a: Archetype) -> str:
    return ARCHETYPE_TITLE[a].lower()


def _titles(archetypes: Sequence[Archetype]) -> str:
    """'a model researcher, then a model developer', in hiring order."""
    return ", then ".join(f"a {_title(a)}" for a in archetypes) or "no new req"


def req_advice(diagnosis: Diagnosis, answers: Answers, mix: Sequence[MixLine]) -> list[Advice]:
    """Graded warnings when the req the user had in mind does not fit the stage."""
    failure = diagnosis.next_failure
    by = {m.archetype: m for m in mix}
    needed = [a for a in PRIORITY[failure] if by[a].hires > 0]
    req = answers.planned_req
    team = answers.have_researchers + answers.have_developers + answers.have_operators
    if req is None:
        return []
    if req is PlannedReq.GENERALIST:
        if failure is WPV and team == 0:
            return [
                Advice(
                    code="req_first_generalist_ok",
                    severity="medium",
                    text="All-in-one req, acceptable as a first hire if you trim it: one senior "
                    "person who can both test whether the data holds signal and ship a first "
                    "model is a sound first ML hire. Take operations and MLOps out of the req "
                    "(nothing is live to operate) and open focused reqs as the work grows.",
                )
            ]
        return [
            Advice(
                code="req_all_in_one",
                severity="high",
                text='All-in-one req: one "ML engineer" posting asks for up to three different '
                "jobs, draws applicants for the wrong one and makes the search longer. "
                f"Open focused reqs instead: {_titles(needed)}.",
            )
        ]
    archetype = Archetype(req.value)
    if archetype is OP and answers.live_models == 0:
        return [
            Advice(
                code="req_premature",
                severity="high",
                text="Premature: an operator (MLOps) req has nothing to run while no model is "
                f"live. Hire {_titles(needed)} first, and open the operator req about a "
                "quarter before the first model goes live.",
            )
        ]
    line = by[archetype]
    if line.target == 0:
        return [
            Advice(
                code="req_wrong_stage",
                severity="high",
                text=f"Does not fit the stage: a {_title(archetype)} guards against a different "
                f"failure. Your next likely failure is {FAILURE_TITLE[failure].lower()}; "
                f"hire {_titles(needed)} first.",
            )
        ]
    if line.hires == 0:
        then = (
            f"Put the req toward {', '.join(_title(a) for a in needed)}."
            if needed
            else "No new req is needed for this stage."
        )
        return [
            Advice(
                code="req_covered",
                severity="medium",
                text=f"Already covered: your team has {count(line.have, _title(archetype))}, "
                f"which is what this stage needs. {then}",
            )
        ]
    return []


def has_surplus(line: MixLine, answers: Answers) -> bool:
    """More people of an archetype than the stage needs. One person is never a surplus (they
    cover the archetype when it is next needed), unless they are an operator with nothing live."""
    if line.archetype is OP and answers.live_models == 0:
        return line.have > 0
    return line.have > max(line.target, 1)


def team_advice(diagnosis: Diagnosis, answers: Answers, mix: Sequence[MixLine]) -> list[Advice]:
    """Surplus people, the operator not yet due, a second round, a team that already covers."""
    failure = diagnosis.next_failure
    needed = [m.archetype for m in sorted(mix, key=lambda m: PRIORITY[failure].index(m.archetype))
              if m.hires > 0]  # fmt: skip
    out: list[Advice] = []
    for m in mix:
        if not has_surplus(m, answers):
            continue
        first_other = next((a for a in needed if a is not m.archetype), None)
        idle = m.archetype is OP and answers.live_models == 0
        need = (
            "nothing is live for them to run yet"
            if idle
            else f"this stage calls for {m.target or 'none'}"
        )
        use = SURPLUS_USE[(m.archetype, first_other)]
        if m.archetype is D and answers.data_maturity is DataMaturity.AD_HOC:
            use = "let one own the data work (below) instead of hiring for it"
        out.append(
            Advice(
                code=f"surplus:{m.archetype.value}",
                severity="note",
                text=f"You have {count(m.have, _title(m.archetype))}; {need}. Before hiring, "
                f"{use}.",
            )
        )
    if answers.live_models == 0:
        out.append(
            Advice(
                code="operator_later",
                severity="note",
                text="No operator yet: with nothing live there is nothing to monitor or retrain. "
                "Plan the first one for when a model goes live, opening the req about a quarter "
                "ahead so they start with the launch; until then the developer owns basic "
                "monitoring.",
            )
        )
    for m in mix:
        if m.target - m.have > MAX_HIRES_PER_ARCHETYPE:
            out.append(
                Advice(
                    code="second_round",
                    severity="medium",
                    text=f"Your scale calls for {m.target - m.have} more {_title(m.archetype)}s; "
                    f"this plan covers the first {MAX_HIRES_PER_ARCHETYPE}. Plan the rest as a "
                    "second round.",
                )
            )
    if not needed:
        out.append(
            Advice(
                code="covered",
                severity="note",
                text="Your current team already covers what this stage needs. The next risk to "
                f"plan for is {FAILURE_TITLE[diagnosis.runner_up].lower()}.",
            )
        )
    return out


def data_work(answers: Answers, hires: Sequence[Hire], mix: Sequence[MixLine]) -> DataWork | None:
    """Who fixes ad hoc data in the first months; None when the data is already repeatable.
    The team you have comes first: a developer the stage does not need takes it on."""
    if answers.data_maturity is not DataMaturity.AD_HOC:
        return None
    task = (
        "Your data is ad hoc, so the first months go to data work: event tracking you can "
        "trust, a labelled set someone has checked, and one pipeline that rebuilds it."
    )
    team = answers.have_researchers + answers.have_developers + answers.have_operators
    heavy = []
    if answers.live_models > 0:
        heavy.append(f"{count(answers.live_models, 'live model')} already depend on it")
    if answers.products >= 3:
        heavy.append(f"{answers.products} products feed it")
    if team >= 3:
        heavy.append(f"a team of {team} waits on it")
    spare = any(m.archetype is D and has_surplus(m, answers) for m in mix)
    if spare:
        return DataWork(
            owner="existing_developer",
            months=12 if heavy else DATA_WORK_MONTHS,
            text=f"{task} One of the developers this stage does not need owns it"
            + (" full time for the year." if heavy else " for about a quarter."),
        )
    if heavy:
        return DataWork(
            owner="data_engineer",
            months=12,
            in_totals=False,
            text=f"{task} With {' and '.join(heavy)}, that is more than a model hire can absorb: "
            "hire a data engineer for tracking, pipelines and the warehouse.",
        )
    if any(h.archetype is D for h in hires):
        return DataWork(
            owner="first_developer",
            months=DATA_WORK_MONTHS,
            text=f"{task} Your first model developer owns it for about their first quarter; "
            "the researcher decides what to label and measure.",
        )
    if answers.have_developers:
        return DataWork(
            owner="existing_developer",
            months=DATA_WORK_MONTHS,
            text=f"{task} A developer on your team owns it for about a quarter before the new "
            "hire starts.",
        )
    return DataWork(
        owner="first_hire",
        months=DATA_WORK_MONTHS,
        text=f"{task} Your first hire owns it for about their first quarter.",
    )

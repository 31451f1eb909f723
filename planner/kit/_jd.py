"""Job descriptions per archetype, adapted to the stage, scale, location and level.

Concrete and outcome-based; every generated description must pass our own linter with no
high-severity finding (a test checks every stage, archetype and level).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from planner.models import (
    LOCATION_TITLE,
    Answers,
    Archetype,
    Band,
    DataMaturity,
    Failure,
    Level,
    count,
)
from planner.stage import diagnose, target_team
from planner.text import MAX_CITE, md_line, money

WPV = Failure.WEAK_PROBLEM_VALIDATION
BD = Failure.BRITTLE_DEPLOYMENT
OC = Failure.OPERATIONAL_COMPLEXITY

TITLE = {
    Archetype.RESEARCHER: "Model Researcher (machine learning, experimentation)",
    Archetype.DEVELOPER: "Model Developer (machine learning, production systems)",
    Archetype.OPERATOR: "Model Operator (machine learning, reliability)",
}


class JobDescription(BaseModel):
    model_config = ConfigDict(frozen=True)

    archetype: Archetype
    level: Level
    title: str
    location: str
    pay: str
    mission: str
    outcomes: tuple[str, ...]
    owns: tuple[str, ...]
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    interview: tuple[str, ...]
    stage_note: str = ""

    def to_markdown(self) -> str:
        parts = [f"# {self.title}", f"**Location:** {self.location}  \n**Pay:** {self.pay}"]
        if self.stage_note:
            parts.append(f"> {self.stage_note}")
        parts += [
            f"## Mission\n{self.mission}",
            "## In your first 12 months you will\n" + _bullets(self.outcomes),
            "## You will own\n" + _bullets(self.owns),
            "## Must have\n" + _bullets(self.must_have),
            "## Nice to have\n" + _bullets(self.nice_to_have),
            "## How we will assess you\n"
            + "\n".join(f"{i}. {s}" for i, s in enumerate(self.interview, start=1)),
        ]
        return "\n\n".join(parts) + "\n"


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {x}" for x in items)


def _all(n: int, noun: str) -> str:
    """'the product' or 'all 3 products'."""
    return f"the {noun}" if n == 1 else f"all {n} {noun}s"


def _models(n: int) -> str:
    return _all(n, "live model")


def _mission(archetype: Archetype, failure: Failure, a: Answers) -> str:
    if archetype is Archetype.RESEARCHER:
        if failure is WPV:
            return (
                "Find out, within two quarters, whether our first ML use case has enough "
                "signal to be worth building, and recommend stopping if it does not."
            )
        return (
            "Find and prove, offline and then in A/B tests, the next model or feature change "
            "that moves our business metric."
        )
    if archetype is Archetype.DEVELOPER:
        if failure is WPV:
            return (
                "Turn the first promising model into a service real users can call, with "
                "tests and a way back if it misbehaves."
            )
        if failure is BD:
            return (
                "Make the model our revenue depends on safe and fast to change: every release "
                "tested, deployable within a day and easy to roll back."
            )
        return (
            f"Give {_all(a.products, 'ML product')} one dependable path from trained model to "
            "production."
        )
    if failure is OC:
        return (
            f"Keep {_models(max(1, a.live_models))} healthy across "
            f"{count(a.products, 'product')} and {count(a.regions, 'region')}, with monitoring, "
            "retraining and incident response "
            "that scale."
        )
    return (
        "Keep our production model healthy after launch: catch silent degradation before "
        "customers do and make retraining routine."
    )


def _outcomes(archetype: Archetype, failure: Failure, a: Answers) -> tuple[str, ...]:
    live = max(1, a.live_models)
    if archetype is Archetype.RESEARCHER:
        if failure is WPV:
            return (
                "Within 6 weeks, agree one business metric and a simple non-ML baseline with product.",
                "Within 3 months, show on real data whether a model beats that baseline by an agreed margin (for example 10%).",
                "Within 6 months, hand a documented prototype and its evaluation to engineering, or a written recommendation to stop.",
                "Keep an experiment log, failures included, that a newcomer can follow in a day.",
            )
        return (
            f"Within 3 months, build an offline evaluation for {_models(live)} that agrees with at least one A/B test.",
            "Within 6 months, ship one model or feature change that improves the business metric in an A/B test.",
            "Cut the time from idea to offline result to under two weeks.",
        )
    if archetype is Archetype.DEVELOPER:
        if failure is WPV:
            return (
                "Within 2 months, turn the first model's training into a pipeline that runs from one command.",
                "Within 4 months, serve the first model behind an API with tests, logging and rollback.",
                "Within 6 months, let real users try it behind a feature flag, with latency under an agreed budget.",
            )
        if failure is BD:
            return (
                f"Within 3 months, put {_models(live)} behind automated tests and a one-command rollback.",
                "Within 6 months, cut the time from a trained model to production to under two days.",
                "Keep p95 inference latency under an agreed budget (for example 100 ms) and report it weekly.",
                "Within 9 months, retrain and redeploy without manual steps.",
            )
        return (
            f"Within 6 months, move {_all(a.products, 'product')} onto one shared training and serving path.",
            "Within 9 months, cut the time from trained model to production to under one day for every product.",
            f"Keep p95 latency within budget in {_all(a.regions, 'region')}, reported weekly.",
        )
    if failure is OC:
        return (
            f"Within 3 months, put drift and quality monitoring with alerts on {_models(live)}.",
            "Within 6 months, give every production model a version, an owner, a retraining trigger and a rollback in one registry.",
            "Detect silent quality loss within 24 hours of it starting, measured monthly.",
            f"Within 9 months, run on-call and incident reviews across {count(a.regions, 'region')}, with runbooks for the top three failures.",
        )
    return (
        f"Within 2 months, add drift and prediction-quality alerts to {_models(live)}.",
        "Within 4 months, make retraining a scheduled, tested job with a documented rollback.",
        "Within 6 months, write runbooks for the three likeliest failures and run one incident drill.",
    )


OWNS = {
    Archetype.RESEARCHER: (
        "whether a problem has usable signal",
        "feature engineering and model choice",
        "offline evaluation and the metrics behind it",
        "experiment write-ups, including what did not work",
    ),
    Archetype.DEVELOPER: (
        "training pipelines",
        "inference services and their APIs",
        "tests, release and rollback of models",
        "integration with product systems",
    ),
    Archetype.OPERATOR: (
        "monitoring and alerting for models and their data",
        "drift detection and retraining triggers",
        "model versions and the registry",
        "incident response and runbooks",
    ),
}

MUST = {
    Archetype.RESEARCHER: (
        "Has turned a vague business question into a measurable ML problem",
        "Sound statistics: baselines, leakage, validation splits, significance",
        "Python and SQL on real, messy data",
        "Writes clearly about results, including negative ones",
    ),
    Archetype.DEVELOPER: (
        "Has taken a model from a notebook to a production service",
        "Python and production engineering: APIs, tests, code review",
        "One cloud platform and containers",
        "Thinks about latency, cost and failure before launch",
    ),
    Archetype.OPERATOR: (
        "Has kept a production ML system healthy after launch",
        "Can tell data drift, concept drift, infrastructure faults and bad upstream data apart",
        "Monitoring and alerting on one cloud platform",
        "A calm, written incident practice",
    ),
}

NICE = {
    Archetype.RESEARCHER: (
        "Experience with data like ours",
        "A/B testing in a product",
        "Has worked next to engineers who run models in production",
    ),
    Archetype.DEVELOPER: (
        "A feature store or model registry",
        "Batch and real-time inference",
        "Experience with the tools we use, or similar ones",
    ),
    Archetype.OPERATOR: (
        "Site reliability or data engineering background",
        "A model registry in daily use",
        "Cost control for training and inference",
    ),
}


CANDIDATE_TASK = {
    Archetype.RESEARCHER: "a one-page plan for finding out whether a real, anonymised dataset "
    "holds usable signal",
    Archetype.DEVELOPER: "a plan to turn a training notebook into a tested service that can be "
    "rolled back",
    Archetype.OPERATOR: "triage steps for a model whose quality slipped over a few weeks",
}


def job_description(
    archetype: Archetype, level: Level, answers: Answers, band: Band | None
) -> JobDescription:
    """A job description for one hire, adapted to the answers (and priced by its band)."""
    failure = diagnose(answers).next_failure
    # Markdown (the page, its download and the CLI alike): the whole line is escaped, as the
    # band's source may be an upload's cell and two "$" would read as maths.
    pay = (
        md_line(
            f"{money(band.p25, band.currency.value)}–{money(band.p75, band.currency.value)} base "
            f"(market P25–P75 for this level and location; {band.source.source}, {band.source.year}"
            + (f", plus a {band.ml_premium:.1%} AI/ML premium)" if band.ml_premium else ")"),
            MAX_CITE,
        )
        if band is not None
        else "set from the market band for this level and location"
    )
    note = ""
    if archetype is Archetype.OPERATOR and answers.live_models == 0:
        note = (
            "Our planner calls this hire premature: nothing is live yet. Open it about a quarter "
            "before the first model goes live."
        )
    elif target_team(failure, answers)[archetype] == 0:
        note = (
            "Our planner does not put this hire in the plan for your stage: it guards against a "
            "different failure than the one most likely next."
        )
    if archetype is Archetype.DEVELOPER and answers.data_maturity is DataMaturity.AD_HOC:
        note = (note + " " if note else "") + (
            "Your data is ad hoc: expect the first quarter to go to event tracking, a checked "
            "label set and one pipeline that rebuilds it."
        )
    return JobDescription(
        archetype=archetype,
        level=level,
        title=f"{level.value.title()} {TITLE[archetype]}",
        location=LOCATION_TITLE[answers.location],
        pay=pay,
        mission=_mission(archetype, failure, answers),
        outcomes=_outcomes(archetype, failure, answers),
        owns=OWNS[archetype],
        must_have=MUST[archetype],
        nice_to_have=NICE[archetype],
        interview=(
            "A 30-minute call about a system you built and what you would change.",
            f"A paid work sample of at most three hours: {CANDIDATE_TASK[archetype]}.",
            "A deep-dive with two future colleagues on your work sample and our real problems.",
            "A conversation with the hiring manager; a decision within five working days.",
        ),
        stage_note=note,
    )

"""Assessment plans per archetype, tailored to the stage: test the job, not a title."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from planner.models import Archetype, Failure

WPV = Failure.WEAK_PROBLEM_VALIDATION
BD = Failure.BRITTLE_DEPLOYMENT
OC = Failure.OPERATIONAL_COMPLEXITY


class Criterion(BaseModel):
    """One scorecard line: what is scored, and what a 1 and a 4 look like."""

    model_config = ConfigDict(frozen=True)

    name: str
    weak: str  # a 1
    strong: str  # a 4


class AssessmentPlan(BaseModel):
    model_config = ConfigDict(frozen=True)

    archetype: Archetype
    work_sample: str
    prompts: tuple[str, ...]
    operational_check: str
    strong_signals: tuple[str, ...]
    red_flags: tuple[str, ...]
    scorecard: tuple[Criterion, ...]

    def to_markdown(self) -> str:
        lines = [
            f"### Work sample\n{self.work_sample}",
            "### Interview prompts\n" + "\n".join(f"- {p}" for p in self.prompts),
            f"### Operational check\n{self.operational_check}",
            "### Strong signals\n" + "\n".join(f"- {s}" for s in self.strong_signals),
            "### Red flags\n" + "\n".join(f"- {s}" for s in self.red_flags),
            "### Scorecard (1–4 per line; write the evidence next to each score)\n"
            + "| Criterion | 1 looks like | 4 looks like | Score | Evidence |\n"
            + "|---|---|---|---|---|\n"
            + "\n".join(f"| {c.name} | {c.weak} | {c.strong} |  |  |" for c in self.scorecard),
        ]
        return "\n\n".join(lines)


WORK_SAMPLE: dict[Archetype, dict[Failure, str]] = {
    Archetype.RESEARCHER: {
        WPV: "Share a small, messy extract of real (anonymised) data and a one-line business "
        "question. Ask for a one-page plan: the metric, a simple baseline, the first three "
        "experiments, and what result would make them recommend stopping. At most three hours, "
        "paid.",
        BD: "Give them the offline evaluation of a live model and the A/B result it failed to "
        "predict. Ask for a written diagnosis and the next two experiments. At most three "
        "hours, paid.",
        OC: "Give them evaluation results for one model across several products that disagree "
        "with each other. Ask which product to improve first and how to prove the change "
        "offline. At most three hours, paid.",
    },
    Archetype.DEVELOPER: {
        WPV: "Hand over a training notebook. Ask for a short plan to turn it into a service: "
        "pipeline steps, API shape, tests, logging and how to roll back. At most three hours, "
        "paid.",
        BD: "Hand over a training notebook and the current manual release steps of a live model. "
        "Ask for a deployable design with tests, a canary and a one-command rollback, and what "
        "they would build first. At most three hours, paid.",
        OC: "Show two products that serve models in different ways. Ask for a design of one "
        "shared path from trained model to production, and the migration order. At most three "
        "hours, paid.",
    },
    Archetype.OPERATOR: {
        WPV: "Nothing is live yet, so test foundations: ask for a plan to log predictions and "
        "inputs from day one so a first model can be monitored. At most two hours, paid.",
        BD: "Show dashboards and logs of a live model whose quality slipped over a few weeks. "
        "Ask for triage steps in order, what they would alert on, and a retraining trigger. At "
        "most three hours, paid.",
        OC: "Show an incident timeline from one product and monitoring gaps in others. Ask for "
        "an on-call and monitoring plan that covers every product and region, and the first "
        "three runbooks. At most three hours, paid.",
    },
}

PROMPTS: dict[Archetype, dict[Failure, tuple[str, ...]]] = {
    Archetype.RESEARCHER: {
        WPV: (
            "We are not sure ML belongs in this product. How would you find out in six weeks?",
            "Tell us about an experiment you stopped. What convinced you?",
            "Your offline metric improved but the business number did not move. What do you "
            "check first?",
        ),
        BD: (
            "How do you make an offline evaluation that predicts what an A/B test will show?",
            "What do you hand to the engineer who will deploy your model, and why?",
            "Your offline metric improved but the business number did not move. What do you "
            "check first?",
        ),
        OC: (
            "Three products use similar models. How do you decide which one to improve next?",
            "How do you keep experiments comparable when several teams change the data?",
            "What would make you retire a model rather than improve it?",
        ),
    },
    Archetype.DEVELOPER: {
        WPV: (
            "Walk us through taking a notebook to a first service. What do you refuse to skip?",
            "Where do models usually break first in production?",
            "How would you let real users try a model without risking the product?",
        ),
        BD: (
            "Design a recommendation service with retraining, rollback and a feature store. "
            "Where do you cut scope for a first release?",
            "A release made predictions worse. How quickly can you undo it, and how?",
            "How do you keep inference latency within budget as the model grows?",
        ),
        OC: (
            "How would you move three products onto one serving path without downtime?",
            "What belongs in a shared platform and what stays with each product team?",
            "How do you test a model change that affects several regions?",
        ),
    },
    Archetype.OPERATOR: {
        WPV: (
            "What would you log from a first model's launch so it can be monitored later?",
            "When is it too early to invest in MLOps tooling?",
            "How would you hand this over once a model starts earning money?",
        ),
        BD: (
            "Precision fell slowly over three weeks. What do you inspect first?",
            "How do you tell data drift from concept drift, an infrastructure fault or bad "
            "upstream data?",
            "What should trigger retraining, and what should stop it?",
        ),
        OC: (
            "One product degrades while the others are fine. What do you look at first?",
            "How do you set alert thresholds that catch silent decay without paging people "
            "for noise?",
            "Design on-call for models served in several regions.",
        ),
    },
}

OPERATIONAL_CHECK: dict[Archetype, str] = {
    Archetype.RESEARCHER: "Ask what the production team needs from them at hand-off; a good "
    "answer is specific (data contracts, evaluation code, expected behaviour) rather than "
    "'engineering will handle it'.",
    Archetype.DEVELOPER: "Ask where models break first in production; strong candidates answer "
    "quickly and concretely (data changes, dependencies, latency, silent errors).",
    Archetype.OPERATOR: "Ask them to separate data drift, concept drift, infrastructure bugs and "
    "bad upstream features in a real example, and say how each shows up on a dashboard.",
}

STRONG: dict[Archetype, tuple[str, ...]] = {
    Archetype.RESEARCHER: (
        "Defends evaluation choices and talks about leakage unprompted",
        "Describes failed experiments and what they learned",
        "Ties model metrics to a business number",
    ),
    Archetype.DEVELOPER: (
        "Has shipped a model behind an API and lived with it after launch",
        "Plans rollback and tests before features",
        "Knows the latency and cost of what they built",
    ),
    Archetype.OPERATOR: (
        "Has triaged a real production ML incident",
        "Separates data, model and infrastructure causes quickly",
        "Writes runbooks and alerts others can use",
    ),
}

RED_FLAGS: dict[Archetype, tuple[str, ...]] = {
    Archetype.RESEARCHER: (
        "Reports one lucky metric with no baseline",
        "Cannot say when they would stop an experiment",
        "Hands over 'the notebook' as the deliverable",
    ),
    Archetype.DEVELOPER: (
        "Only talks about model choice and tuning",
        "No answer for how to undo a bad release",
        "Has never cared about response times",
    ),
    Archetype.OPERATOR: (
        "Lists tools but cannot describe an incident",
        "Would alert on everything",
        "Treats retraining as the fix for every drop",
    ),
}

SCORECARD: dict[Archetype, tuple[Criterion, ...]] = {
    Archetype.RESEARCHER: (
        Criterion(
            name="Problem framing",
            weak="Restates the question",
            strong="Turns it into a metric, baseline and stop rule",
        ),
        Criterion(
            name="Evaluation",
            weak="One metric, no baseline",
            strong="Sound splits, leakage checks, business link",
        ),
        Criterion(
            name="Judgement", weak="Every idea worked", strong="Explains dead ends and trade-offs"
        ),
        Criterion(
            name="Hand-off",
            weak="'Engineering will handle it'",
            strong="Clear contract for production",
        ),
    ),
    Archetype.DEVELOPER: (
        Criterion(
            name="Path to production",
            weak="Notebook is the product",
            strong="Pipeline, API, tests, release plan",
        ),
        Criterion(name="Safety", weak="No rollback", strong="Canary, rollback, monitoring hooks"),
        Criterion(
            name="Performance", weak="Never measured latency", strong="Budgets latency and cost"
        ),
        Criterion(
            name="Integration", weak="Works alone", strong="Designs with product systems in mind"
        ),
    ),
    Archetype.OPERATOR: (
        Criterion(name="Triage", weak="Retrains first", strong="Ordered steps, separates causes"),
        Criterion(
            name="Monitoring",
            weak="Alerts on everything",
            strong="Few, meaningful alerts with owners",
        ),
        Criterion(
            name="Lifecycle",
            weak="Manual releases",
            strong="Versioning, registry, retraining triggers",
        ),
        Criterion(name="Incidents", weak="No example", strong="Runbooks, reviews, drills"),
    ),
}


def assessment_plan(archetype: Archetype, failure: Failure) -> AssessmentPlan:
    """The plan for one archetype at the diagnosed stage."""
    return AssessmentPlan(
        archetype=archetype,
        work_sample=WORK_SAMPLE[archetype][failure],
        prompts=PROMPTS[archetype][failure],
        operational_check=OPERATIONAL_CHECK[archetype],
        strong_signals=STRONG[archetype],
        red_flags=RED_FLAGS[archetype],
        scorecard=SCORECARD[archetype],
    )

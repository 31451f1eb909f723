"""Every question the planner asks and every assumption a user may edit, defined once.

Each entry says its field, link key, title, label, help, group, and its choices or bounds. The
rest is derived from here: the `Answers` model's bounds (planner/models.py), the CLI flags
(planner/cli), the share-link keys (planner/scenarios), the Plan and Assumptions pages' inputs
(ui/), and the titles that name an answer in a "why" line (planner/stage). Adding a question
is one entry here, its field on `Answers`, and its rule.

This module imports nothing of the planner but the input bounds, so the models can be built
from it; choices are the enums' values as text (tests/test_questions.py pins them to the enums).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from planner.bounds import Bound

MAX_LIVE_MODELS = 1000
MAX_PRODUCTS = 500
MAX_REGIONS = 200
MAX_TEAM = 1000
MAX_BUDGET = 1_000_000_000

Group = Literal["stage", "scale", "team", "market", "pay", "simulation"]


@dataclass(frozen=True)
class Choice:
    """One allowed answer: its value (as in links and flags), its name, and what it means."""

    value: str
    name: str
    meaning: str = ""

    @property
    def label(self) -> str:
        """As an input shows it: "Ad hoc — messy events, labels checked by hand"."""
        return f"{self.name} — {self.meaning}" if self.meaning else self.name


@dataclass(frozen=True)
class Question:
    """One answer the user gives: how every surface asks for it and reads it back."""

    field: str  # the Answers field
    key: str  # the share-link key
    title: str  # names the answer in a "why" line or a comparison
    label: str  # the input's label
    help: str  # the input's help and the CLI flag's, in one wording
    group: Group  # where the Plan page asks it
    bound: Bound | None = None  # a number's range, step and display
    choices: tuple[Choice, ...] = ()  # a pick from a list
    unset: Choice | None = None  # an optional pick: the choice that means "not set" (None)
    cli_required: bool = False  # the stage questions: a command line must answer them
    flag_name: str = ""  # the CLI flag when it is not the key's ("--horizon-quarters")
    metavar: str = "N"
    unit: str = ""  # what a number counts, for messages: "quarters", "people"

    @property
    def flag(self) -> str:
        """The command-line flag: the link key with hyphens ("--live-models")."""
        return "--" + (self.flag_name or self.key).replace("_", "-")

    @property
    def dest(self) -> str:
        """The flag's name in the parsed arguments ("problem", "horizon_quarters")."""
        return self.flag_name or self.key

    @property
    def values(self) -> list[str]:
        return [c.value for c in self.choices]

    def choice(self, value: str) -> Choice:
        """The choice with this value (the unset one included); KeyError if none."""
        if self.unset is not None and self.unset.value == value:
            return self.unset
        found = [c for c in self.choices if c.value == value]
        if not found:
            raise KeyError(value)
        return found[0]


def _count(low: int, high: int, step: int = 1) -> Bound:
    return Bound(low, high, step, decimals=0, whole=True)


def _team(field: str, noun: str, owns: str) -> Question:
    return Question(
        field,
        field,
        f"{noun.title()} on the team",
        noun.title(),
        f"People on your team today who own {owns}.",
        "team",
        bound=_count(0, MAX_TEAM),
        unit="people",
    )


_LOCAL = "Local currency"
QUESTIONS: tuple[Question, ...] = (
    Question(
        "data_maturity",
        "data_maturity",
        "Data maturity",
        "How mature is your data?",
        "Where your training data comes from today. Shared feature stores count as platform.",
        "stage",
        choices=(
            Choice("ad_hoc", "Ad hoc", "messy events, labels checked by hand"),
            Choice("repeatable", "Repeatable", "pipelines run and are trusted"),
            Choice("platform", "Platform", "shared features, lineage, many consumers"),
        ),
        cli_required=True,
    ),
    Question(
        "problem_validation",
        "problem",
        "Problem validation",
        "How sure are you that ML belongs in the product?",
        "'Validated' means an offline result beat a simple baseline on real data.",
        "stage",
        choices=(
            Choice("exploring", "Exploring", "not yet sure ML belongs in the product"),
            Choice("validated", "Validated", "signal shown offline"),
            Choice("proven", "Proven", "a model already moves a business metric"),
        ),
        cli_required=True,
    ),
    Question(
        "live_models",
        "live_models",
        "Live models tied to revenue",
        "Live models",
        "Models tied to revenue: in production, and their failure would cost money this quarter.",
        "scale",
        bound=_count(0, MAX_LIVE_MODELS),
        cli_required=True,
        unit="models",
    ),
    Question(
        "products",
        "products",
        "Products served by ML",
        "Products",
        "Separate products or surfaces that use your models (or will, if none is live).",
        "scale",
        bound=_count(1, MAX_PRODUCTS),
        cli_required=True,
        unit="products",
    ),
    Question(
        "regions",
        "regions",
        "Regions served by ML",
        "Regions",
        "Markets or data regions with their own traffic, rules or on-call hours.",
        "scale",
        bound=_count(1, MAX_REGIONS),
        cli_required=True,
        unit="regions",
    ),
    _team("have_researchers", "researchers", "features, model choice, offline evaluation"),
    _team("have_developers", "developers", "pipelines, inference services, tests"),
    _team("have_operators", "operators", "monitoring, drift, retraining, incidents"),
    Question(
        "planned_req",
        "planned_req",
        "Planned req",
        "The req you were about to open",
        "The req you were about to open: we check it against your stage and say if it fits.",
        "market",
        choices=(
            Choice("generalist", "One all-in-one “ML engineer”"),
            Choice("researcher", "Model researcher"),
            Choice("developer", "Model developer"),
            Choice("operator", "Model operator / MLOps engineer"),
        ),
        unset=Choice("none", "None yet"),
    ),
    Question(
        "location",
        "location",
        "Hiring market",
        "Hiring market",
        "Whose salary bands price the plan. About the data shows each market's source.",
        "market",
        choices=(
            Choice("us_national", "United States (national)"),
            Choice("sf_bay_area", "San Francisco Bay Area"),
            Choice("new_york", "New York"),
            Choice("seattle", "Seattle"),
            Choice("us_remote", "United States (remote)"),
            Choice("london", "London"),
            Choice("berlin", "Berlin"),
            Choice("toronto", "Toronto"),
        ),
    ),
    Question(
        "currency",
        "currency",
        "Currency",
        "Currency",
        "Every amount, table and chart uses this currency.",
        "market",
        choices=tuple(Choice(c, c) for c in ("USD", "GBP", "EUR", "CAD")),
        unset=Choice("auto", _LOCAL),
    ),
    Question(
        "pay_percentile",
        "percentile",
        "Pay percentile",
        "Pay percentile for offers (10–90)",
        "Where in the market band your offers land. 50 = the market median.",
        "pay",
        bound=_count(10, 90, 5),
        metavar="P",
    ),
    Question(
        "level",
        "level",
        "Level",
        "Level of every hire",
        "Override the levels the stage calls for, e.g. to hire mid-level only.",
        "pay",
        choices=tuple(Choice(v, v.title()) for v in ("junior", "mid", "senior", "staff")),
        unset=Choice("auto", "As the stage calls for"),
    ),
    Question(
        "channel",
        "channel",
        "Recruiting channel",
        "Recruiting channel",
        "An agency's fee, or your in-house recruiting cost per hire.",
        "pay",
        choices=(
            Choice("agency", "Recruiting agency"),
            Choice("in_house", "In-house recruiting"),
        ),
    ),
    Question(
        "budget",
        "budget",
        "Budget",
        "Budget for the first 12 months",
        "Cash the plan may pay in its first 12 months, in the plan's currency: salaries, "
        "employer on-costs, bonus and recruiting fees. We say which hires fit, in order, and "
        "by how much the plan is over.",
        "pay",
        bound=Bound(0, MAX_BUDGET, 50_000, decimals=0),
        metavar="AMOUNT",
    ),
    Question(
        "horizon_quarters",
        "horizon",
        "Horizon",
        "Horizon (quarters, 1–12)",
        "Quarters the quarter plan covers.",
        "pay",
        bound=_count(1, 12),
        flag_name="horizon_quarters",
        unit="quarters",
    ),
    Question(
        "seed",
        "seed",
        "Simulation seed",
        "Simulation seed",
        "The simulation's random seed: the same seed gives the same P50 and P90.",
        "simulation",
        bound=_count(0, 2**32 - 1),
    ),
)
QUESTION: Mapping[str, Question] = {q.field: q for q in QUESTIONS}
BY_KEY: Mapping[str, Question] = {q.key: q for q in QUESTIONS}
QUESTION_TITLE: Mapping[str, str] = {q.field: q.title for q in QUESTIONS}
# The answers with a number input, by Answers field.
ANSWER_BOUNDS: Mapping[str, Bound] = {q.field: q.bound for q in QUESTIONS if q.bound}


AssumptionGroup = Literal["cost", "time", "generalist"]
ASSUMPTION_GROUP_TITLE: Mapping[AssumptionGroup, str] = {
    "cost": "Cost",
    "time": "Time, hiring risk and the calendar",
    "generalist": "The all-in-one req",
}


@dataclass(frozen=True)
class Setting:
    """An assumption the user may edit on the Assumptions page and carry in a link. Its
    default, source and year are data (data/assumptions.toml); its input is defined here."""

    key: str  # the Assumptions field and the link key
    label: str
    group: AssumptionGroup
    bound: Bound
    unit: str = ""  # what the number is in, for the label: "%", "days", "USD"


_SHARE = Bound(0, 100, 1, percent=True)
SETTINGS: tuple[Setting, ...] = (
    Setting("ai_premium", "AI/ML wage premium (%)", "cost", _SHARE, "%"),
    Setting("agency_fee", "Agency fee, share of first-year base (%)", "cost", _SHARE, "%"),
    Setting(
        "in_house_cost_per_hire",
        "In-house cost per hire (USD)",
        "cost",
        Bound(0, 1_000_000, 100),
        "USD",
    ),
    Setting("interview_hours", "Interviewer hours per hire", "cost", Bound(0, 2000, 1), "hours"),
    Setting("bonus_share", "Cash bonus per year, share of base (%)", "cost", _SHARE, "%"),
    Setting("equity_share", "Equity per year, share of base (%), not cash", "cost", _SHARE, "%"),
    Setting("ramp_months", "Onboarding ramp (months)", "cost", Bound(0, 12, 1), "months"),
    Setting("ramp_productivity", "Productivity during the ramp (%)", "cost", _SHARE, "%"),
    Setting(
        "empty_seat_per_month",
        "Cost of an empty seat per month",
        "cost",
        Bound(0, 10_000_000, 1000),
        "plan currency",
    ),
    *(
        Setting(f"time_to_fill_{a}", f"Typical days to fill: {a}", "time", Bound(1, 730, 1), "days")
        for a in ("researcher", "developer", "operator")
    ),
    Setting(
        "time_to_fill_spread",
        "Spread of time to fill (log-normal sigma)",
        "time",
        Bound(0, 2, 0.1),
    ),
    Setting(
        "notice_days",
        "Notice before the first day (days; replaces the country's)",
        "time",
        Bound(0, 365, 1),
        "days",
    ),
    Setting(
        "agency_speedup", "Time an agency saves (%)", "time", Bound(0, 90, 1, percent=True), "%"
    ),
    Setting("parallel_searches", "Searches run at once", "time", Bound(1, 20, 1)),
    Setting(
        "offer_spread", "Spread of offers (percentile points)", "time", Bound(0, 40, 1), "points"
    ),
    Setting(
        "mishire_rate",
        "Chance a hire does not work out (%)",
        "time",
        Bound(0, 90, 1, percent=True),
        "%",
    ),
    Setting(
        "attrition_rate",
        "Yearly attrition of the ML team (%)",
        "time",
        Bound(0, 50, 0.5, decimals=1, percent=True),
        "%",
    ),
    Setting(
        "fiscal_year_start_month",
        "Month the fiscal year starts (1 = January)",
        "time",
        Bound(1, 12, 1, decimals=0, whole=True),
        "month",
    ),
    Setting(
        "generalist_time_factor", "All-in-one req: time to fill ×", "generalist", Bound(1, 5, 0.1)
    ),
    Setting(
        "generalist_percentile_uplift",
        "All-in-one req: pay percentile + points",
        "generalist",
        Bound(0, 40, 1),
        "points",
    ),
    Setting(
        "generalist_mishire_rate",
        "All-in-one req: chance of the wrong fit (%)",
        "generalist",
        Bound(0, 95, 1, percent=True),
        "%",
    ),
)
SETTING: Mapping[str, Setting] = {s.key: s for s in SETTINGS}
# The assumptions a user may edit, by key, in the order the Assumptions page shows them.
ASSUMPTION_BOUNDS: Mapping[str, Bound] = {s.key: s.bound for s in SETTINGS}

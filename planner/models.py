"""Value objects: the answers a user gives, and the plan the planner returns.

Everything is frozen and rejects unknown fields, so a typo in a query parameter, a CLI flag or a
data file is an error at the edge instead of a silent default deep inside.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from planner.questions import ANSWER_BOUNDS, QUESTION


class Archetype(StrEnum):
    """The three jobs hidden inside the title "ML engineer"."""

    RESEARCHER = "researcher"
    DEVELOPER = "developer"
    OPERATOR = "operator"


class Failure(StrEnum):
    """The failure each archetype guards against."""

    WEAK_PROBLEM_VALIDATION = "weak_problem_validation"
    BRITTLE_DEPLOYMENT = "brittle_deployment"
    OPERATIONAL_COMPLEXITY = "operational_complexity"


class DataMaturity(StrEnum):
    AD_HOC = "ad_hoc"
    REPEATABLE = "repeatable"
    PLATFORM = "platform"


class ProblemValidation(StrEnum):
    EXPLORING = "exploring"
    VALIDATED = "validated"
    PROVEN = "proven"


class PlannedReq(StrEnum):
    """The req the user was about to open before asking us."""

    GENERALIST = "generalist"
    RESEARCHER = "researcher"
    DEVELOPER = "developer"
    OPERATOR = "operator"


class Channel(StrEnum):
    AGENCY = "agency"
    IN_HOUSE = "in_house"


class Level(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"


class Location(StrEnum):
    US_NATIONAL = "us_national"
    SF_BAY_AREA = "sf_bay_area"
    NEW_YORK = "new_york"
    SEATTLE = "seattle"
    US_REMOTE = "us_remote"
    LONDON = "london"
    BERLIN = "berlin"
    TORONTO = "toronto"


class Currency(StrEnum):
    USD = "USD"
    GBP = "GBP"
    EUR = "EUR"
    CAD = "CAD"


def plural(n: int, noun: str) -> str:
    """The noun for n of it: 'hire' for one, 'hires' for none or many."""
    return noun if n == 1 else f"{noun}s"


def count(n: int, noun: str) -> str:
    """'1 hire', '2 hires': a count and its noun, for every sentence a user reads."""
    return f"{n} {plural(n, noun)}"


LOCATION_TITLE: dict[Location, str] = {
    Location(c.value): c.name for c in QUESTION["location"].choices
}
LOCAL_CURRENCY: dict[Location, Currency] = {
    Location.US_NATIONAL: Currency.USD,
    Location.SF_BAY_AREA: Currency.USD,
    Location.NEW_YORK: Currency.USD,
    Location.SEATTLE: Currency.USD,
    Location.US_REMOTE: Currency.USD,
    Location.LONDON: Currency.GBP,
    Location.BERLIN: Currency.EUR,
    Location.TORONTO: Currency.CAD,
}


class SourceStatus(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    ASSUMPTION = "assumption"


_FROZEN = ConfigDict(frozen=True, extra="forbid")

# Upper bounds are sanity limits, not business rules: a value past them is almost surely a typo.


def _within(field: str) -> Any:
    """The answer's range as its input has it (planner/questions.py): one range for the model,
    the page, the link and the CLI."""
    b = ANSWER_BOUNDS[field]
    return Field(ge=int(b.low), le=int(b.high)) if b.whole else Field(ge=b.low, le=b.high)


class Answers(BaseModel):
    """What the user told us about their stage, team and plans."""

    model_config = _FROZEN

    data_maturity: DataMaturity = DataMaturity.AD_HOC
    problem_validation: ProblemValidation = ProblemValidation.EXPLORING
    live_models: Annotated[int, _within("live_models")] = 0
    products: Annotated[int, _within("products")] = 1
    regions: Annotated[int, _within("regions")] = 1
    have_researchers: Annotated[int, _within("have_researchers")] = 0
    have_developers: Annotated[int, _within("have_developers")] = 0
    have_operators: Annotated[int, _within("have_operators")] = 0
    planned_req: PlannedReq | None = None
    pay_percentile: Annotated[int, _within("pay_percentile")] = 50
    location: Location = Location.US_NATIONAL
    currency: Currency | None = None  # None: the location's own currency
    channel: Channel = Channel.AGENCY
    level: Level | None = None  # None: the level the stage calls for; else every hire at this
    budget: Annotated[float, _within("budget"), Field(allow_inf_nan=False)] | None = None
    horizon_quarters: Annotated[int, _within("horizon_quarters")] = 4
    seed: Annotated[int, _within("seed")] = 2026

    @property
    def display_currency(self) -> Currency:
        return self.currency or LOCAL_CURRENCY[self.location]

    def have(self, archetype: Archetype) -> int:
        """How many people of this archetype the team already has."""
        return {
            Archetype.RESEARCHER: self.have_researchers,
            Archetype.DEVELOPER: self.have_developers,
            Archetype.OPERATOR: self.have_operators,
        }[archetype]


class Driver(BaseModel):
    """One answer and the points it gave each failure: the "why" of a diagnosis."""

    model_config = _FROZEN

    question: str
    answer: str
    points: dict[Failure, int]
    note: str = ""  # why the answer's points do not count here (a gate), if they do not


class Diagnosis(BaseModel):
    model_config = _FROZEN

    next_failure: Failure
    runner_up: Failure
    scores: dict[Failure, int]
    drivers: tuple[Driver, ...]
    reasons: tuple[str, ...]


class Advice(BaseModel):
    """One piece of stage advice: a warning about the plan, or a note on how to carry it out.

    `code` is stable (tests, exports and the case book match on it); `text` is for people.
    """

    model_config = _FROZEN

    code: str
    severity: Literal["high", "medium", "note"]
    text: str


class DataWork(BaseModel):
    """The data work ad hoc data calls for before models can be trusted, and who does it."""

    model_config = _FROZEN

    owner: Literal["first_developer", "existing_developer", "first_hire", "data_engineer"]
    months: int
    text: str
    cost: float | None = None  # the owner's pay for those months, or a data engineer's year
    in_totals: bool = True  # False when the cost is of a hire the plan's totals leave out


class Hire(BaseModel):
    """One recommended hire, in the order it should be made (1 = first)."""

    model_config = _FROZEN

    order: int = Field(ge=1)
    archetype: Archetype
    level: Level


class MixLine(BaseModel):
    """Per archetype: the team this stage needs, the team you have, and the gap."""

    model_config = _FROZEN

    archetype: Archetype
    target: int
    have: int
    hires: int


class Source(BaseModel):
    """Where a figure comes from, and how sure we are of it."""

    model_config = _FROZEN

    label: str
    source: str
    year: int
    status: SourceStatus


class Band(BaseModel):
    """A market salary band for one archetype, level and location, with its provenance."""

    model_config = _FROZEN

    archetype: Archetype
    level: Level
    location: Location
    currency: Currency
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float
    ml_specific: bool
    source: Source
    derivation: str = ""
    origin: str = "shipped"  # or "your data (<file name>)"
    ml_premium: float = 0.0  # the premium already applied to the percentiles (0 if none)
    ml_premium_source: Source | None = None
    fx_note: str = ""  # how the band was converted into the display currency, if it was

    @property
    def percentiles(self) -> tuple[float, float, float, float, float]:
        return (self.p10, self.p25, self.p50, self.p75, self.p90)


class CostLine(BaseModel):
    """One hire's cost (currency of the band), split into cash and the cost of the search.

    Cash is money paid out: base salary, employer on-costs, bonus, the recruiting fee. The cost
    of the search (interviewer time, output lost while ramping up, the empty seat) is real but
    not cash, so it is kept apart and never added to a cash total. Equity is not cash either.
    """

    model_config = _FROZEN

    order: int
    archetype: Archetype
    level: Level
    base: float  # yearly base salary
    benefits: float  # yearly employer on-costs of the hire's country (taxes, pension, health)
    bonus: float = 0.0  # yearly cash bonus
    equity: float = 0.0  # yearly value of the equity grant (not cash)
    recruiting: float  # agency fee or in-house cost per hire (cash, paid at the offer)
    interviewing: float  # interviewer time (not cash: people already on payroll)
    ramp: float = 0.0  # output lost while the hire ramps up (not cash)
    empty_seat: float = 0.0  # what the months without the hire cost (not cash)
    start_day: float = 0.0  # planned first day, days after the plan starts (median search)
    notice_days: float = 0.0  # notice served between the accepted offer and the first day
    paid_share: float = 1.0  # share of the plan's first 12 months the hire is on payroll
    fee_12m: float = 0.0  # the recruiting fee if the offer is accepted in those 12 months
    # The on-costs component by component (label, yearly amount), summing to `benefits`: the
    # plan's own hires only (what-ifs price the total alone).
    oncost_items: tuple[tuple[str, float], ...] = ()

    @property
    def run_rate(self) -> float:
        """Cash a year once hired: base salary, on-costs and bonus."""
        return self.base + self.benefits + self.bonus

    @property
    def cash_12m(self) -> float:
        """Cash paid for this hire in the plan's first 12 months: the headline's definition."""
        return self.run_rate * self.paid_share + self.fee_12m

    @property
    def search_cost(self) -> float:
        """The cost of the search that is not cash: interviews, ramp-up, the empty seat."""
        return self.interviewing + self.ramp + self.empty_seat


class CostSummary(BaseModel):
    model_config = _FROZEN

    currency: str
    pay_percentile: int
    lines: tuple[CostLine, ...]
    first_year_total: float  # cash in the plan's first 12 months: the headline everywhere
    within_budget: bool | None  # first_year_total against the 12-month budget
    sources: tuple[Source, ...]
    excludes: tuple[str, ...] = ()  # what the totals leave out, e.g. "equity", "bonus"

    @property
    def run_rate(self) -> float:
        return sum(line.run_rate for line in self.lines)

    @property
    def search_cost(self) -> float:
        return sum(line.search_cost for line in self.lines)

    @property
    def equity(self) -> float:
        return sum(line.equity for line in self.lines)


class Outlook(BaseModel):
    """Monte Carlo of the plan: P50/P90 of 12-month cash and of 'whole mix in place by'."""

    model_config = _FROZEN

    trials: int
    seed: int
    cost_p50: float
    cost_p90: float
    days_p50: float
    days_p90: float
    date_p50: date
    date_p90: date
    cost_samples: tuple[float, ...]  # a thinned sample for the distribution chart
    days_samples: tuple[float, ...]


class Quarter(BaseModel):
    """One quarter of the hiring plan: who starts, and cash spent so far."""

    model_config = _FROZEN

    index: int  # 1-based
    label: str  # e.g. "Q1 2027 · Jan–Mar" (costing.quarter_label)
    first_day: date
    starts: tuple[int, ...]  # hire orders starting this quarter
    spend: float
    cumulative: float


class QuarterPlan(BaseModel):
    model_config = _FROZEN

    quarters: tuple[Quarter, ...]
    start: date  # the plan's day 0: the first day of its first fiscal quarter
    fiscal_start_month: int = Field(default=1, ge=1, le=12)
    budget: float | None
    funded: int  # hires, in order, that fit the budget over the horizon
    after_horizon: tuple[int, ...]  # hire orders whose start falls after the horizon


class ReqOption(BaseModel):
    model_config = _FROZEN

    label: str
    cost_p50: float  # simulated cash in the plan's first 12 months (P50)
    yearly_pay: float = 0.0  # pay, on-costs and bonus a year once hired, at the planned offer
    work_starts_p50: float  # days until the needed work has an owner
    work_starts_date: date


class ReqComparison(BaseModel):
    """The all-in-one req against a focused req for the same first seat."""

    model_config = _FROZEN

    focused: ReqOption
    generalist: ReqOption
    sentence: str


class SensitivityRow(BaseModel):
    model_config = _FROZEN

    assumption: str
    low_label: str
    high_label: str
    low_total: float
    high_total: float

    @property
    def swing(self) -> float:
        return abs(self.high_total - self.low_total)


class SpreadInput(BaseModel):
    """One input of the simulation: what is drawn (or held fixed), how, and where it comes from."""

    model_config = _FROZEN

    name: str
    how: str  # "drawn: log-normal around 58 days, sigma 0.5" or "fixed: ..."
    sources: tuple[Source, ...]


class Plan(BaseModel):
    """Everything the planner concludes from one set of answers."""

    model_config = _FROZEN

    answers: Answers
    diagnosis: Diagnosis
    mix: tuple[MixLine, ...]
    hires: tuple[Hire, ...]
    warnings: tuple[str, ...]
    bands: tuple[Band, ...]
    advice: tuple[Advice, ...] = ()  # every warning and note with its code, in that order
    data_work: DataWork | None = None
    cost: CostSummary
    outlook: Outlook | None = None
    quarters: QuarterPlan | None = None
    comparison: ReqComparison | None = None
    sensitivity: tuple[SensitivityRow, ...] = ()
    spread: tuple[SpreadInput, ...] = ()  # every input of the simulation, drawn or fixed

    @property
    def notes(self) -> tuple[str, ...]:
        """How to carry the plan out: the existing team, the data work, the operator's timing."""
        return tuple(a.text for a in self.advice if a.severity == "note")

    def hires_per_archetype(self) -> dict[Archetype, int]:
        return {line.archetype: line.hires for line in self.mix}

"""The headcount roadmap: the stage quarter by quarter as milestones unfold, each req opened in
time for the failure it guards, the team over time with attrition backfills, hires in several
markets, and cash per quarter against the budget.

Nothing here is a second copy of the plan's rules: the stage and the team come from
planner.stage._rules (diagnose, recommend_mix), prices from planner.service.market_band and
costing._costs, cash per quarter from costing._quarters.cash_by_quarter, and the draws follow
costing._simulate (the same CostModel, log-normal time to fill, offers in the band, mis-hires).

Decisions, each said once:
- Quarters are the plan's: fiscal quarters from the first day of the next one (costing.plan_start),
  named by costing.quarter_label; `plan_years` groups them into the budget's 12-month periods.
- A req is "in place" when its hire is productive: offer accepted, notice served, ramp-up done.
  It opens so that its P50 in place is the first day of the quarter that needs it, no earlier.
- The budget is per 12 months of the plan (Q1–Q4, Q5–Q8, Q9–Q12): the 12 months the plan's
  headline counts. When a year does not fit, the last req (in hiring order) paying in the worst
  year moves one quarter later, again and again, and drops once it would open after the horizon.
  The sequence of moves does not depend on the amount, so more budget never slips more.
- Attrition: each archetype's expected leavers at the yearly rate, spread evenly over the
  quarters and rounded to whole people. A leaver the stage still needs is backfilled; the search
  opens when they resign (the quarter they go), never before. A leaver the team could spare is
  replaced when the need comes back, by a backfill that still opens no earlier than they went.
  A backfill costs its recruiting fee only: its pay continues the leaver's, already on payroll.
- Each req is its own search. The plan's "searches at once" limit shows as a note where a
  quarter opens more reqs than that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from planner.costing import (
    DAYS_PER_QUARTER,
    TRIALS,
    YEAR_DAYS,
    YEAR_QUARTERS,
    CostModel,
    OnCostRule,
    cash_by_quarter,
    cost_hire,
    fill_medians,
    interp_rows,
    interviewer_hourly_cost,
    plan_start,
    quarter_label,
    salary_at,
)
from planner.market import Assumption, Assumptions, BandTable, FxTable
from planner.models import (
    Answers,
    Archetype,
    Band,
    CostLine,
    Currency,
    DataMaturity,
    Failure,
    Hire,
    Level,
    Location,
    MixLine,
    ProblemValidation,
    Source,
    SourceStatus,
    count,
)
from planner.questions import ANSWER_BOUNDS, ASSUMPTION_BOUNDS
from planner.service import make_plan, market_band
from planner.stage import (
    ARCHETYPE_TITLE,
    FAILURE_TITLE,
    GUARD,
    diagnose,
    has_surplus,
    recommend_mix,
)
from planner.text import one_line

_FROZEN = ConfigDict(frozen=True, extra="forbid")
DEFAULT_QUARTERS = 8
MAX_QUARTERS = 12
MAX_ATTRITION = ASSUMPTION_BOUNDS["attrition_rate"].model(ASSUMPTION_BOUNDS["attrition_rate"].high)
# Milestone field -> Answers field.
MILESTONE_FIELDS: Mapping[str, str] = {
    "data_maturity": "data_maturity",
    "problem": "problem_validation",
    "live_models": "live_models",
    "products": "products",
    "regions": "regions",
}
_CHOICES: Mapping[str, tuple[str, ...]] = {
    "data_maturity": tuple(m.value for m in DataMaturity),
    "problem": tuple(p.value for p in ProblemValidation),
}
GUARDS: Mapping[Archetype, Failure] = {a: f for f, a in GUARD.items()}
SHOWN = 40  # characters of a user's milestone echoed in a message
_SYNTAX = re.compile(r"\s*[Qq]([0-9]+)\s*:(.*)", re.DOTALL)
_EXAMPLE = "Q<k>:<field>=<value>[,<field>=<value>…], e.g. Q3:live_models=1,data_maturity=repeatable"


class Milestone(BaseModel):
    """From `quarter` on, the answers change as given (None: unchanged)."""

    model_config = _FROZEN

    quarter: int = Field(ge=1, le=MAX_QUARTERS)
    data_maturity: DataMaturity | None = None
    problem_validation: ProblemValidation | None = None
    live_models: int | None = Field(default=None, ge=0, le=int(ANSWER_BOUNDS["live_models"].high))
    products: int | None = Field(default=None, ge=1, le=int(ANSWER_BOUNDS["products"].high))
    regions: int | None = Field(default=None, ge=1, le=int(ANSWER_BOUNDS["regions"].high))

    @model_validator(mode="after")
    def _changes_something(self) -> Milestone:
        if not self.changes():
            raise ValueError("a milestone changes at least one answer")
        return self

    def changes(self) -> dict[str, Any]:
        """The Answers fields this milestone sets, and their values."""
        return self.model_dump(exclude={"quarter"}, exclude_none=True)

    @property
    def text(self) -> str:
        """The milestone as the CLI and links write it: "Q3:live_models=1,products=2"."""
        values = self.model_dump(mode="json")
        parts = [f"{k}={values[f]}" for k, f in MILESTONE_FIELDS.items() if values[f] is not None]
        return f"Q{self.quarter}:" + ",".join(parts)


def parse_milestone(text: str, horizon: int = DEFAULT_QUARTERS) -> Milestone:
    """ "Q<k>:<field>=<value>[,…]" as a Milestone; ValueError naming the bad part otherwise."""
    shown = repr(one_line(text, SHOWN))
    found = _SYNTAX.fullmatch(text)
    if found is None:
        raise ValueError(f"milestone {shown}: expected {_EXAMPLE}")
    digits = found[1].lstrip("0") or "0"
    quarter = int(digits) if len(digits) <= 4 else 10**4  # int() refuses 4,300+ digits
    if not 1 <= quarter <= horizon:
        raise ValueError(
            f"milestone {shown}: the quarter must be from 1 to {horizon} (the horizon), "
            f"got {one_line(found[1], 12)}"
        )
    values: dict[str, object] = {"quarter": quarter}
    for part in found[2].split(","):
        name, equals, value = (s.strip() for s in part.partition("="))
        if not (name and equals and value):
            raise ValueError(
                f"milestone {shown}: {one_line(part.strip(), SHOWN)!r} is not <field>=<value>; "
                f"expected {_EXAMPLE}"
            )
        if name not in MILESTONE_FIELDS:
            raise ValueError(
                f"milestone {shown}: unknown field {one_line(name, SHOWN)!r}; use one of "
                f"{', '.join(MILESTONE_FIELDS)}"
            )
        if MILESTONE_FIELDS[name] in values:
            raise ValueError(f"milestone {shown}: {name} is given twice")
        values[MILESTONE_FIELDS[name]] = _milestone_value(name, value, shown)
    return Milestone.model_validate(values)


def next_milestone(kept: Sequence[Milestone], text: str, horizon: int) -> Milestone:
    """The milestone `text` says, checked alone and against those `kept` before it (one answer
    set twice in one quarter clashes); ValueError saying why not."""
    milestone = parse_milestone(text, horizon)
    try:
        RoadmapInput(milestones=(*kept, milestone), quarters=horizon)
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise ValueError(f"{message}; change one of them") from None
    return milestone


def _milestone_value(name: str, value: str, shown: str) -> str | int:
    if name in _CHOICES:
        if value.lower() not in _CHOICES[name]:
            raise ValueError(
                f"milestone {shown}: {name} must be one of {', '.join(_CHOICES[name])}, "
                f"got {one_line(value, SHOWN)!r}"
            )
        return value.lower()
    bound = ANSWER_BOUNDS[MILESTONE_FIELDS[name]]
    if not value.isascii() or not value.isdigit() or not bound.low <= int(value) <= bound.high:
        raise ValueError(
            f"milestone {shown}: {name} must be {bound.expected}, got {one_line(value, SHOWN)!r}"
        )
    return int(value)


def parse_hire_in(text: str) -> tuple[Archetype, Location]:
    """ "operator=london" for --hire-in; ValueError naming the bad part otherwise."""
    name, _, where = (s.strip().lower() for s in text.partition("="))
    if name not in set(Archetype):
        raise ValueError(
            f"--hire-in {one_line(text, SHOWN)!r}: expected ARCHETYPE=LOCATION with an archetype "
            f"of {', '.join(Archetype)}"
        )
    if where not in set(Location):
        raise ValueError(
            f"--hire-in {one_line(text, SHOWN)!r}: the location must be one of "
            f"{', '.join(Location)}"
        )
    return Archetype(name), Location(where)


class RoadmapInput(BaseModel):
    """Today's answers, the milestones ahead, the horizon, attrition and where each archetype is
    hired (default: the answers' location). The budget is the answers' budget, per 12 months."""

    model_config = _FROZEN

    answers: Answers = Answers()
    milestones: tuple[Milestone, ...] = ()
    quarters: int = Field(default=DEFAULT_QUARTERS, ge=1, le=MAX_QUARTERS)
    attrition: float | None = Field(default=None, ge=0, le=MAX_ATTRITION, allow_inf_nan=False)
    hire_in: dict[Archetype, Location] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _milestones_fit(self) -> RoadmapInput:
        seen: set[tuple[int, str]] = set()
        for m in self.milestones:
            if m.quarter > self.quarters:
                raise ValueError(
                    f"milestone {m.text}: the quarter must be from 1 to {self.quarters} "
                    f"(the horizon), got {m.quarter}"
                )
            for field in m.changes():
                if (m.quarter, field) in seen:
                    raise ValueError(f"two milestones set {field} in Q{m.quarter}")
                seen.add((m.quarter, field))
        return self

    @property
    def attrition_rate(self) -> float:
        """The rate in use: make_roadmap fills a missing one from the Assumptions first."""
        if self.attrition is None:
            raise ValueError("no attrition rate: make_roadmap takes it from the Assumptions")
        return self.attrition

    def location(self, archetype: Archetype) -> Location:
        return self.hire_in.get(archetype, self.answers.location)


class RoadmapQuarter(BaseModel):
    model_config = _FROZEN

    quarter: int  # 1-based
    label: str
    next_failure: Failure
    milestones: tuple[str, ...]  # the milestones that take effect this quarter
    failure_changed: bool  # the next failure differs from the quarter before
    needed: dict[Archetype, int]  # the team the stage calls for
    team: dict[Archetype, int]  # people in place (P50), after expected leavers
    surplus: dict[Archetype, int]  # more people of an archetype than the stage needs
    leavers: dict[Archetype, int]  # expected leavers so far (rounded)
    spend: float  # cash in the quarter, the plan's definition, median searches
    spend_p50: float
    spend_p90: float
    cumulative_spend: float


class RoadmapReq(BaseModel):
    model_config = _FROZEN

    archetype: Archetype
    level: Level
    location: Location
    need_quarter: int  # its failure arrives (a backfill: its seat empties)
    open_quarter: int
    open_day: float  # days after the start
    in_place_quarter_p50: int
    in_place_quarter_p90: int
    backfill: bool
    leaver_quarter: int | None = None  # a backfill: the quarter its leaver goes (it opens then)
    guards: Failure
    reason: str
    run_rate: float  # yearly pay, on-costs and bonus at the planned offer (plan's currency)
    recruiting: float
    delayed_quarters: int = 0  # moved later to fit the budget


class Slip(BaseModel):
    """A req the budget moves later or drops, and what is unguarded meanwhile."""

    model_config = _FROZEN

    archetype: Archetype
    level: Level
    location: Location
    backfill: bool
    guards: Failure
    need_quarter: int
    from_open_quarter: int
    to_open_quarter: int | None  # None: dropped
    unguarded_quarters: int  # quarters of the horizon without the guard it would have given
    text: str


class BudgetYear(BaseModel):
    model_config = _FROZEN

    first_quarter: int
    last_quarter: int
    spend: float  # after slips
    needed_spend: float  # before slips
    within: bool


class RoadmapBudget(BaseModel):
    model_config = _FROZEN

    amount: float | None  # per 12 months, in the plan's currency
    fits: bool  # the roadmap as needed fits every year
    slips: tuple[Slip, ...]
    years: tuple[BudgetYear, ...]


class Roadmap(BaseModel):
    model_config = _FROZEN

    request: RoadmapInput
    start: date
    currency: Currency
    attrition: float
    attrition_source: Source
    trials: int
    quarters: tuple[RoadmapQuarter, ...]
    reqs: tuple[RoadmapReq, ...]  # in hiring order; dropped reqs are only in budget.slips
    budget: RoadmapBudget
    notes: tuple[str, ...]


def plan_years(horizon: int) -> tuple[tuple[int, int], ...]:
    """The budget's years as 0-based quarter slices: the plan's 12-month periods."""
    return tuple((y, min(y + YEAR_QUARTERS, horizon)) for y in range(0, horizon, YEAR_QUARTERS))


def quarter_of(day: float) -> int:
    """The 1-based quarter a day after the start falls in (a day on a boundary starts one)."""
    return int((day + 1e-6) // DAYS_PER_QUARTER) + 1


def answers_by_quarter(
    answers: Answers, milestones: Sequence[Milestone], horizon: int
) -> list[Answers]:
    """The answers in each quarter, milestones applied from their quarter on."""
    out, current = [], answers
    for q in range(1, horizon + 1):
        for m in milestones:
            if m.quarter == q:
                current = current.model_copy(update=m.changes())
        out.append(current)
    return out


# ---- The team each quarter needs, and the reqs that give it ------------------------------------


@dataclass(frozen=True)
class _Need:
    archetype: Archetype
    level: Level
    quarter: int
    backfill: bool
    reason: str
    left_in: int = 0  # a backfill: the quarter its leaver goes (its search opens no earlier)


@dataclass(frozen=True)
class _Stage:
    answers: Answers
    failure: Failure
    mix: tuple[MixLine, ...]


def _quarterly(rate: float) -> float:
    """The share of a team that leaves in a quarter, at a yearly attrition rate."""
    return 1 - float((1 - rate) ** (1 / YEAR_QUARTERS))


def _leavers(
    request: RoadmapInput, joins: Sequence[tuple[Archetype, int]]
) -> list[dict[Archetype, int]]:
    """Expected leavers by the start of each quarter, per archetype, rounded to people: the
    rule the plan of needs uses, over the team with these joins (archetype, quarter counted
    from); with the reqs as needed it gives back the leavers their backfills replace. Rounded
    per archetype, not for the whole team, so that a later milestone never moves a backfill
    earlier (a team of five at 10% may show no leaver in two years)."""
    hazard, have = _quarterly(request.attrition_rate), request.answers.have
    expected, out = dict.fromkeys(Archetype, 0.0), []
    for q in range(1, request.quarters + 1):
        gone = {a: int(expected[a] + 0.5) for a in Archetype}
        out.append(gone)
        for a in Archetype:
            team = have(a) - gone[a] + sum(1 for j, k in joins if j is a and k <= q)
            expected[a] += team * hazard
    return out


def _have(team: Mapping[Archetype, int]) -> dict[str, int]:
    most = int(ANSWER_BOUNDS["have_researchers"].high)
    return {f"have_{a.value}s": min(n, most) for a, n in team.items()}


def _plan_needs(request: RoadmapInput) -> tuple[list[_Stage], list[_Need]]:
    """Quarter by quarter: expected leavers go, the rules say what the stage needs from the team
    committed so far, and each missing person becomes a req (a backfill when a leaver's)."""
    answers, milestones = request.answers, request.milestones
    stages: list[_Stage] = []
    needs: list[_Need] = []
    before = dict.fromkeys(Archetype, 0)
    # Leavers not yet replaced, by the quarter they go: one the stage did not need then (the
    # team had a spare) is replaced when the need comes back, and that req is their backfill:
    # nobody opens a req for a resignation that has not happened.
    unreplaced: dict[Archetype, list[int]] = {a: [] for a in Archetype}
    for q, stage in enumerate(answers_by_quarter(answers, milestones, request.quarters), 1):
        gone = _leavers(request, [(n.archetype, n.quarter) for n in needs])[q - 1]
        for a in Archetype:
            unreplaced[a] += [q - 1] * (gone[a] - before[a])
        before = gone
        committed = {
            a: answers.have(a) - gone[a] + sum(1 for n in needs if n.archetype is a)
            for a in Archetype
        }
        current = stage.model_copy(update=_have(committed))
        diagnosis = diagnose(current)
        mix, hires = recommend_mix(diagnosis, current)
        target = {line.archetype: line.target for line in mix}
        trigger = ", ".join(m.text for m in milestones if m.quarter == q)
        for hire in hires:
            a = hire.archetype
            left_in = unreplaced[a].pop(0) if unreplaced[a] else None
            title = ARCHETYPE_TITLE[a].lower()
            calls = f"the stage calls for {count(target[a], title)}"
            why = (
                f"milestone {trigger}"
                if trigger
                else ("today's answers" if q == 1 else "the team the stage calls for grows")
            )
            if left_in is not None and left_in == q - 1:
                reason = (
                    f"Backfill: a {title} is expected to leave in Q{left_in} (attrition "
                    f"{request.attrition_rate:.0%} a year); the search starts when they resign, "
                    f"and {calls}."
                )
            elif left_in is not None:
                reason = (
                    f"Backfill: a {title} is expected to leave in Q{left_in} (attrition "
                    f"{request.attrition_rate:.0%} a year) while the team has one to spare; "
                    f"needed again from Q{q} ({why}), and the search starts no earlier than "
                    f"their resignation."
                )
            else:
                failure = FAILURE_TITLE[diagnosis.next_failure].lower()
                reason = f"Needed from Q{q} ({why}): the next failure is {failure}, and {calls}."
            reason += f" A {title} guards {FAILURE_TITLE[GUARDS[a]].lower()}."
            backfill = left_in is not None
            needs.append(_Need(a, hire.level, q, backfill, reason, left_in or 0))
        stages.append(_Stage(current, diagnosis.next_failure, tuple(mix)))
    return stages, needs


# ---- Prices and lead times per market ---------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    """What a req costs and how long it takes, per archetype, level and market."""

    band: Band  # in the plan's currency, premium applied
    oncosts: OnCostRule
    fill_median: float
    notice: float
    oncost_share: float
    lead_p50: float  # days from opening to in place
    lead_p90: float


def _kinds(
    needs: Sequence[_Need],
    request: RoadmapInput,
    table: BandTable,
    a: Assumptions,
    fx: FxTable,
    model: CostModel,
    trials: int,
    rng: np.random.Generator,
) -> dict[tuple[Archetype, Level], _Kind]:
    answers = request.answers
    currency = answers.display_currency
    keys = list(dict.fromkeys((n.archetype, n.level) for n in needs))
    if not keys:
        return {}
    priced = []
    for archetype, level in keys:
        where = request.location(archetype)
        market = answers.model_copy(update={"location": where, "currency": currency})
        band = market_band(table, archetype, level, market, a, fx)
        rule = OnCostRule(a, where, currency, fx)
        base = salary_at(band, answers.pay_percentile)
        share = rule.share(base, base * a.bonus_share.value)
        # Time to fill is the plan's figure per archetype: every market's planning row in
        # data/time_to_start.toml is the same Workable average, so only notice differs by market.
        median = float(fill_medians([archetype], answers.channel, a)[0])
        priced.append((band, rule, median, a.notice(where, level)[0], share))
    # Each kind's lead time from one shared sample: a req's opening depends on its kind alone.
    z = rng.standard_normal((2, trials))
    miss = rng.random(trials) < a.mishire_rate.value
    fill = np.array([[p[2]] for p in priced]).reshape(len(priced), 1)
    notice = np.array([[p[3]] for p in priced]).reshape(len(priced), 1)
    search = fill * np.exp(model.fill_spread * z[0])
    search += miss * (model.ramp_days + notice + fill * np.exp(model.fill_spread * z[1]))
    lead = np.percentile(search + notice + model.ramp_days, [50, 90], axis=1)
    return {
        key: _Kind(*kind, lead_p50=float(p50), lead_p90=float(p90))
        for key, kind, p50, p90 in zip(keys, priced, lead[0], lead[1], strict=True)
    }


# ---- The budget -------------------------------------------------------------------------------


def _shifted(spend: np.ndarray, quarters: int) -> np.ndarray:
    out = np.zeros_like(spend)
    if quarters < len(spend):
        out[quarters:] = spend[: len(spend) - quarters]
    return out


def _slip(spend: np.ndarray, horizon: int, budget: float | None) -> np.ndarray:
    """Quarters each req moves later to fit every year of the budget. The last req (in hiring
    order) paying in the worst year moves a quarter at a time; the moves do not depend on the
    amount, so a bigger budget stops earlier in the same sequence and never slips more."""
    delay = np.zeros(len(spend), dtype=int)
    if budget is None or not len(spend):
        return delay
    current = spend.copy()
    years = plan_years(horizon)
    while True:
        totals = [current[:, lo:hi].sum() for lo, hi in years]
        worst = int(np.argmax(totals))
        if totals[worst] <= budget + 1e-6:
            return delay
        lo, hi = years[worst]
        i = int(np.flatnonzero(current[:, lo:hi].sum(axis=1) > 0)[-1])
        delay[i] += 1
        current[i] = _shifted(spend[i], int(delay[i]))


# ---- The simulation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SimInputs:
    """Per req (rows), what the cash simulation draws from; open days after slips."""

    points: np.ndarray  # (reqs, 5) band percentiles
    planned: np.ndarray  # (reqs, 1) pay percentile
    fill_median: np.ndarray  # (reqs, 1) days
    notice: np.ndarray  # (reqs, 1) days
    open_day: np.ndarray  # (reqs, 1)
    pay_load: np.ndarray  # (reqs, 1) 1 + on-cost share + bonus share; 0 for a backfill
    premium_drawn: np.ndarray  # (reqs, 1) bool
    mishire_rate: float


def simulate_cash(
    s: SimInputs, model: CostModel, horizon: int, trials: int, rng: np.random.Generator
) -> np.ndarray:
    """Cash per quarter in each trial, (horizon, trials): the recruiting fee at each accepted
    offer, pay from each first day, a mis-hire paid through the ramp and searched for again.
    Vectorised over reqs and trials; each kind of cash is summed by quarter and trial with one
    bincount."""
    n = len(s.open_day)
    z = rng.standard_normal((2, n, trials), dtype=np.float32)
    pct = np.clip(z[0] * np.float32(model.offer_spread) + s.planned.astype(np.float32), 10, 90)
    base = interp_rows(pct, s.points).astype(np.float64)
    if s.premium_drawn.any() and model.premium_high > model.premium_low:
        lift = rng.random((n, trials), dtype=np.float32)
        lift *= model.premium_high - model.premium_low
        lift += model.premium_low
        base *= np.where(s.premium_drawn, (1 + lift) / (1 + model.premium), 1.0)
    rows, cols = np.nonzero(rng.random((n, trials), dtype=np.float32) < s.mishire_rate)
    first_offer = s.open_day + s.fill_median * np.exp(model.fill_spread * z[1])
    refill = np.exp(model.fill_spread * rng.standard_normal(len(rows), dtype=np.float32))
    offer = first_offer.copy()
    offer[rows, cols] += model.ramp_days + s.notice[rows, 0] + s.fill_median[rows, 0] * refill
    fee = (
        base * model.agency_fee
        if model.agency_fee is not None
        else np.full_like(base, model.in_house_cost)
    )
    rate = base * (s.pay_load / YEAR_DAYS)
    # Pay is a sum of ramps r * max(0, t - d): at a quarter's end t, (sum of r) * t - (sum of r d)
    # over the ramps that began before it. A mis-hire's pay is one ramp up and one down.
    every = np.broadcast_to(np.arange(trials), (n, trials)).ravel()
    hired, misfit = (offer + s.notice).ravel(), first_offer[rows, cols] + s.notice[rows, 0]
    starts = np.concatenate([hired, misfit, misfit + model.ramp_days])
    at = _cells(starts, np.concatenate([every, cols, cols]), horizon, trials)
    r = np.concatenate([rate.ravel(), rate[rows, cols], -rate[rows, cols]])
    cum_r, cum_rd = (_totals(at, w, horizon, trials).cumsum(axis=0) for w in (r, r * starts))
    ends = np.arange(1, horizon + 1)[:, None] * DAYS_PER_QUARTER
    pay = np.diff(cum_r * ends - cum_rd, axis=0, prepend=0.0)
    offers = np.concatenate([offer.ravel(), first_offer[rows, cols]])
    at = _cells(offers, np.concatenate([every, cols]), horizon, trials)
    fees = _totals(at, np.concatenate([fee.ravel(), fee[rows, cols]]), horizon, trials)
    spend: np.ndarray = pay + fees
    return spend


def _cells(day: np.ndarray, trial: np.ndarray, horizon: int, trials: int) -> np.ndarray:
    """Each day's cell in a (horizon + 1, trials) table: its quarter's row, its trial's column;
    the last row takes every day after the horizon."""
    quarter = (day * (1 / DAYS_PER_QUARTER)).astype(np.int64)
    np.minimum(quarter, horizon, out=quarter)
    quarter *= trials
    out: np.ndarray = quarter + trial
    return out


def _totals(cells: np.ndarray, weights: np.ndarray, horizon: int, trials: int) -> np.ndarray:
    """(horizon, trials): the weights summed by cell, days after the horizon left out."""
    flat = np.bincount(cells, weights=weights, minlength=(horizon + 1) * trials)
    out: np.ndarray = flat.reshape(horizon + 1, trials)[:horizon]
    return out


# ---- The roadmap ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Req:
    """A req as needed: its kind, the day it opens and its cash per quarter (the plan's rule)."""

    need: _Need
    kind: _Kind
    open_day: float
    line: CostLine
    spend: np.ndarray  # (horizon,)


def _price(
    needs: Sequence[_Need],
    kinds: Mapping[tuple[Archetype, Level], _Kind],
    request: RoadmapInput,
    table: BandTable,
    a: Assumptions,
    fx: FxTable,
) -> list[_Req]:
    """Open each req so that its P50 in place is the first day of the quarter that needs it
    (a backfill no earlier than the quarter its leaver goes), and price it as the plan does."""
    answers, currency = request.answers, request.answers.display_currency
    in_house = a.in_house_cost(fx, currency)
    interviewer = market_band(table, Archetype.DEVELOPER, Level.MID, answers, a, fx)
    hourly = interviewer_hourly_cost(interviewer, a, OnCostRule(a, answers.location, currency, fx))
    out = []
    for order, need in enumerate(needs, 1):
        kind = kinds[(need.archetype, need.level)]
        due = (need.quarter - 1) * DAYS_PER_QUARTER
        resigned = (need.left_in - 1) * DAYS_PER_QUARTER if need.backfill else 0.0
        day = max(resigned, due - kind.lead_p50, 0.0)
        hire = Hire(order=order, archetype=need.archetype, level=need.level)
        line = cost_hire(
            hire, kind.band, answers.pay_percentile, answers.channel, a, hourly, in_house,
            kind.oncosts, start_day=day + kind.fill_median + kind.notice, notice_days=kind.notice,
        )  # fmt: skip
        fee_only = line.model_copy(update={"base": 0.0, "benefits": 0.0, "bonus": 0.0})
        spend = cash_by_quarter(fee_only if need.backfill else line, request.quarters)
        out.append(_Req(need, kind, day, line, spend))
    return out


def make_roadmap(
    request: RoadmapInput,
    table: BandTable,
    assumptions: Assumptions,
    fx: FxTable,
    start: date | None = None,
    trials: int = TRIALS,
) -> Roadmap:
    """The stage per quarter, the reqs timed to the failures they guard, the team over time,
    and cash per quarter against the budget, with P50/P90 from `trials` simulated futures.
    A roadmap made on `start` (default today) begins on the next fiscal quarter's first day;
    without a rate of its own, attrition is the Assumptions' (a labelled assumption)."""
    fiscal = assumptions.fiscal_start_month
    start = plan_start(start or date.today(), fiscal)
    given = request
    if request.attrition is None:
        request = request.model_copy(update={"attrition": assumptions.attrition_rate.value})
    answers, horizon, budget = request.answers, request.quarters, request.answers.budget
    in_house = assumptions.in_house_cost(fx, answers.display_currency)
    model = CostModel.from_assumptions(assumptions, answers.channel, in_house)
    seeds = np.random.SeedSequence(answers.seed).spawn(2)
    lead_rng, cash_rng = (np.random.Generator(np.random.SFC64(seq)) for seq in seeds)
    stages, needs = _plan_needs(request)
    kinds = _kinds(needs, request, table, assumptions, fx, model, trials, lead_rng)
    planned = _price(needs, kinds, request, table, assumptions, fx)
    needed_spend = np.array([r.spend for r in planned]).reshape(len(planned), horizon)
    delay = [int(d) for d in _slip(needed_spend, horizon, budget)]
    spend = np.array([_shifted(r.spend, d) for r, d in zip(planned, delay, strict=True)])
    spend = spend.reshape(len(planned), horizon).sum(axis=0)
    kept = [
        (r, r.open_day + d * DAYS_PER_QUARTER, d)
        for r, d in zip(planned, delay, strict=True)
        if quarter_of(r.open_day + d * DAYS_PER_QUARTER) <= horizon
    ]
    cash = simulate_cash(
        _sim_inputs([(r, day) for r, day, _ in kept], model, assumptions, answers.pay_percentile),
        model, horizon, trials, cash_rng,
    )  # fmt: skip
    reqs = tuple(_req(r, request, day, d) for r, day, d in kept)
    years = tuple(
        BudgetYear(
            first_quarter=lo + 1,
            last_quarter=hi,
            spend=float(spend[lo:hi].sum()),
            needed_spend=float(needed_spend[:, lo:hi].sum()),
            within=budget is None or spend[lo:hi].sum() <= budget + 1e-6,
        )
        for lo, hi in plan_years(horizon)
    )
    return Roadmap(
        request=given,
        start=start,
        currency=answers.display_currency,
        attrition=request.attrition_rate,
        attrition_source=_attrition_source(given, assumptions.attrition_rate),
        trials=trials,
        quarters=_quarters(request, stages, reqs, spend, cash, start, fiscal),
        reqs=reqs,
        budget=RoadmapBudget(
            amount=budget,
            fits=budget is None or all(y.needed_spend <= budget + 1e-6 for y in years),
            slips=tuple(_slip_of(r, request, d) for r, d in zip(planned, delay, strict=True) if d),
            years=years,
        ),
        notes=_notes(reqs, assumptions),
    )


def _sim_inputs(
    reqs: Sequence[tuple[_Req, float]], model: CostModel, a: Assumptions, percentile: int
) -> SimInputs:
    def column(values: Sequence[float]) -> np.ndarray:
        return np.array(values, dtype=float).reshape(len(values), 1)

    kinds = [r.kind for r, _ in reqs]
    return SimInputs(
        points=np.array([k.band.percentiles for k in kinds]).reshape(len(kinds), 5),
        planned=column([float(percentile)] * len(kinds)),
        fill_median=column([k.fill_median for k in kinds]),
        notice=column([k.notice for k in kinds]),
        open_day=column([day for _, day in reqs]),
        pay_load=column(
            [
                0.0 if r.need.backfill else 1 + r.kind.oncost_share + model.bonus_share
                for r, _ in reqs
            ]
        ),
        premium_drawn=column([k.band.ml_premium > 0 for k in kinds]).astype(bool),
        mishire_rate=a.mishire_rate.value,
    )


def _attrition_source(request: RoadmapInput, default: Assumption) -> Source:
    if request.attrition is None or request.attrition == default.value:
        return default.as_source()
    return default.model_copy(
        update={"value": request.attrition, "source": f"your value (default {default.value:g}: "
                f"{default.source})", "status": SourceStatus.ASSUMPTION}
    ).as_source()  # fmt: skip


def _req(r: _Req, request: RoadmapInput, open_day: float, delay: int) -> RoadmapReq:
    need, in_place = r.need, quarter_of(open_day + r.kind.lead_p50)
    reason = need.reason
    if delay:
        reason += f" Moved {count(delay, 'quarter')} later to fit the budget."
    elif in_place > need.quarter and not need.backfill:
        reason += f" Already due: it opens at once and is in place in Q{in_place} (P50)."
    return RoadmapReq(
        archetype=need.archetype,
        level=need.level,
        location=request.location(need.archetype),
        need_quarter=need.quarter,
        open_quarter=quarter_of(open_day),
        open_day=open_day,
        in_place_quarter_p50=in_place,
        in_place_quarter_p90=quarter_of(open_day + r.kind.lead_p90),
        backfill=need.backfill,
        leaver_quarter=need.left_in if need.backfill else None,
        guards=GUARDS[need.archetype],
        reason=reason,
        run_rate=r.line.run_rate,
        recruiting=r.line.recruiting,
        delayed_quarters=delay,
    )


def _slip_of(r: _Req, request: RoadmapInput, delay: int) -> Slip:
    """What moving a req `delay` quarters later does: when it opens, and the quarters (within
    the horizon) its failure goes without this guard."""
    need, horizon, end = r.need, request.quarters, request.quarters + 1
    was, to = quarter_of(r.open_day + r.kind.lead_p50), quarter_of(r.open_day) + delay
    dropped = to > horizon
    lost = (end if dropped else min(was + delay, end)) - min(was, end)
    title = ARCHETYPE_TITLE[need.archetype].lower()
    failure = FAILURE_TITLE[GUARDS[need.archetype]].lower()
    move = "is dropped" if dropped else f"opens in Q{to} instead of Q{quarter_of(r.open_day)}"
    span = f"in Q{was}" if lost == 1 else f"from Q{was} to Q{was + lost - 1}"
    gap = (
        f"{failure} is a {title} short {span} ({count(lost, 'quarter')})"
        if lost
        else "its guard would have arrived after the horizon anyway"
    )
    what = f"{need.level.value} {title}" + (" backfill" if need.backfill else "")
    return Slip(
        archetype=need.archetype,
        level=need.level,
        location=request.location(need.archetype),
        backfill=need.backfill,
        guards=GUARDS[need.archetype],
        need_quarter=need.quarter,
        from_open_quarter=quarter_of(r.open_day),
        to_open_quarter=None if dropped else to,
        unguarded_quarters=lost,
        text=f"The {what} needed from Q{need.quarter} {move}: {gap}.",
    )


def _quarters(
    request: RoadmapInput,
    stages: Sequence[_Stage],
    reqs: Sequence[RoadmapReq],
    spend: np.ndarray,
    cash: np.ndarray,
    start: date,
    fiscal_start_month: int,
) -> tuple[RoadmapQuarter, ...]:
    p50, p90 = np.percentile(cash, [50, 90], axis=1)
    leavers = _leavers(request, [(r.archetype, r.need_quarter + r.delayed_quarters) for r in reqs])
    out = []
    for q, (stage, gone) in enumerate(zip(stages, leavers, strict=True), 1):
        arrived = [r.archetype for r in reqs if r.in_place_quarter_p50 <= q]
        team = {a: max(0, request.answers.have(a) - gone[a] + arrived.count(a)) for a in Archetype}
        surplus = {
            line.archetype: line.have - _keeps(line, stage.answers)
            for line in stage.mix
            if has_surplus(line, stage.answers)
        }
        out.append(
            RoadmapQuarter(
                quarter=q,
                label=quarter_label(start, q, fiscal_start_month),
                next_failure=stage.failure,
                milestones=tuple(m.text for m in request.milestones if m.quarter == q),
                failure_changed=q > 1 and stage.failure is not stages[q - 2].failure,
                needed={line.archetype: line.target for line in stage.mix},
                team=team,
                surplus=surplus,
                leavers=gone,
                spend=float(spend[q - 1]),
                spend_p50=float(p50[q - 1]),
                spend_p90=float(p90[q - 1]),
                cumulative_spend=float(spend[:q].sum()),
            )
        )
    return tuple(out)


def _keeps(line: MixLine, answers: Answers) -> int:
    """People of an archetype who are no surplus: the stage's need, and one who covers the
    archetype until it is next needed (none for an operator while nothing is live)."""
    if line.archetype is Archetype.OPERATOR and answers.live_models == 0:
        return 0
    return max(line.target, 1)


def _notes(reqs: Sequence[RoadmapReq], a: Assumptions) -> tuple[str, ...]:
    """Quarters that open more reqs than the team can search for at once (the plan's
    assumption): the roadmap times each search alone, so say where that strains."""
    slots = int(a.parallel_searches.value)
    opening = [r.open_quarter for r in reqs]
    return tuple(
        f"Q{q} opens {count(opening.count(q), 'req')}; the plan assumes "
        f"{count(slots, 'interview loop')} at once ({a.parallel_searches.source}): add "
        "interviewers, use an agency or open some a quarter earlier."
        for q in sorted(set(opening))
        if opening.count(q) > slots
    )


def roadmap_to_dict(roadmap: Roadmap) -> dict[str, Any]:
    """The JSON contract of `python -m planner roadmap --format json`: quarters, reqs, budget
    (amounts rounded to cents, in `currency`)."""
    request, budget = roadmap.request, roadmap.budget

    def team(values: Mapping[Archetype, int]) -> dict[str, int]:
        return {a.value: values.get(a, 0) for a in Archetype}

    def cents(model: BaseModel, *money: str) -> dict[str, Any]:
        data = model.model_dump(mode="json")
        return data | {k: round(data[k], 2) for k in money}

    return {
        "start": roadmap.start.isoformat(),
        "currency": roadmap.currency.value,
        "location": request.answers.location.value,
        "horizon_quarters": request.quarters,
        "milestones": [m.text for m in request.milestones],
        "hire_in": {a.value: request.location(a).value for a in Archetype},
        "attrition": {"rate": roadmap.attrition} | roadmap.attrition_source.model_dump(mode="json"),
        "trials": roadmap.trials,
        "seed": request.answers.seed,
        "quarters": [
            cents(q, "spend", "spend_p50", "spend_p90", "cumulative_spend")
            | {
                "milestones": list(q.milestones),
                "team": team(q.team),
                "needed": team(q.needed),
                "leavers": team(q.leavers),
            }
            for q in roadmap.quarters
        ],
        "reqs": [
            cents(r, "run_rate", "recruiting") | {"open_day": round(r.open_day, 1)}
            for r in roadmap.reqs
        ],
        "budget": {
            "amount": budget.amount,
            "per": "12 months of the plan: Q1-Q4, Q5-Q8, Q9-Q12",
            "fits": budget.fits,
            "slips": [s.model_dump(mode="json") for s in budget.slips],
            "years": [cents(y, "spend", "needed_spend") for y in budget.years],
        },
        "notes": list(roadmap.notes),
    }


def roadmap_sources(
    roadmap: Roadmap, table: BandTable, assumptions: Assumptions, fx: FxTable
) -> list[Source]:
    """What a roadmap's cash rests on, for its workbook and slides: the plan's sources at
    today's answers (fees, on-costs, time to fill) and the band of every req in its own market.
    The roadmap names attrition's itself."""
    answers = roadmap.request.answers
    plan = make_plan(answers, table, assumptions, fx, trials=200)  # for its sources only
    sources = list(plan.cost.sources)
    for r in roadmap.reqs:
        where = answers.model_copy(update={"location": r.location})
        band = market_band(table, r.archetype, r.level, where, assumptions, fx)
        sources += [band.source] + ([band.ml_premium_source] if band.ml_premium_source else [])
    return list(dict.fromkeys(sources))

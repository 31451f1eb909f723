"""Load and validate the shipped market data: salary bands and cost assumptions.

A broken data file is a deployment error, so it stops the planner with one message that names
the file, the row and the column (or the key) and what a valid value looks like.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
)

from planner.errors import DataFileError
from planner.files import DATA_DIR
from planner.market._bandtable import BandTable
from planner.market._fx import FxTable
from planner.market._oncosts import (
    EmployerCosts,
    load_employer_costs,
    oncost_total,
    override_key,
    with_value,
)
from planner.market._time_to_start import TimeToStart, load_time_to_start, notice_for
from planner.market._validation import validate_benchmarks
from planner.models import Archetype, Band, Currency, Level, Location, Source, SourceStatus, count
from planner.questions import ASSUMPTION_BOUNDS

BENCHMARKS_FILE = DATA_DIR / "benchmarks.csv"
ASSUMPTIONS_FILE = DATA_DIR / "assumptions.toml"

FX_FILE = DATA_DIR / "fx.csv"
PERCENTILES = (10, 25, 50, 75, 90)


class Assumption(BaseModel):
    """One sourced or assumed number from data/assumptions.toml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: float = Field(allow_inf_nan=False)
    label: str = Field(min_length=1)
    source: str = Field(min_length=3)
    year: int = Field(ge=1990, le=2100)
    status: SourceStatus

    def as_source(self) -> Source:
        return Source(label=self.label, source=self.source, year=self.year, status=self.status)

    @property
    def edited(self) -> bool:
        """True when the value is a user's edit (see Assumptions.with_values)."""
        return self.source.startswith(YOUR_VALUE)


YOUR_VALUE = "your value"


def _between(lo: float, hi: float) -> Callable[[Assumption], Assumption]:
    def check(a: Assumption) -> Assumption:
        if not lo <= a.value <= hi:
            raise ValueError(f"value must be between {lo:g} and {hi:g}, got {a.value:g}")
        return a

    return check


def _as_input(key: str) -> AfterValidator:
    """An editable assumption's range is its input's (planner/questions.py), in model units:
    what the Assumptions page and a link can set is what the model accepts."""
    bound = ASSUMPTION_BOUNDS[key]
    low, high = bound.model(bound.low), bound.model(bound.high)

    def check(a: Assumption) -> Assumption:
        if not low <= a.value <= high or (bound.whole and not float(a.value).is_integer()):
            raise ValueError(f"value must be {bound.expected}, got {a.value:g}")
        return a

    return AfterValidator(check)


class Assumptions(BaseModel):
    """Every cost assumption the planner uses; the ranges are sanity limits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ai_premium: Annotated[Assumption, _as_input("ai_premium")]
    premium_low: Annotated[Assumption, AfterValidator(_between(0, 2))]
    premium_high: Annotated[Assumption, AfterValidator(_between(0, 2))]
    agency_fee: Annotated[Assumption, _as_input("agency_fee")]
    in_house_cost_per_hire: Annotated[Assumption, _as_input("in_house_cost_per_hire")]
    interview_hours: Annotated[Assumption, _as_input("interview_hours")]
    work_hours_per_year: Annotated[Assumption, AfterValidator(_between(500, 4000))]
    default_pay_percentile: Annotated[Assumption, AfterValidator(_between(10, 90))]
    bonus_share: Annotated[Assumption, _as_input("bonus_share")]
    equity_share: Annotated[Assumption, _as_input("equity_share")]
    ramp_months: Annotated[Assumption, _as_input("ramp_months")]
    ramp_productivity: Annotated[Assumption, _as_input("ramp_productivity")]
    empty_seat_per_month: Annotated[Assumption, _as_input("empty_seat_per_month")]
    time_to_fill_researcher: Annotated[Assumption, _as_input("time_to_fill_researcher")]
    time_to_fill_developer: Annotated[Assumption, _as_input("time_to_fill_developer")]
    time_to_fill_operator: Annotated[Assumption, _as_input("time_to_fill_operator")]
    time_to_fill_spread: Annotated[Assumption, _as_input("time_to_fill_spread")]
    notice_days: Annotated[Assumption, _as_input("notice_days")]
    agency_speedup: Annotated[Assumption, _as_input("agency_speedup")]
    parallel_searches: Annotated[Assumption, _as_input("parallel_searches")]
    offer_spread: Annotated[Assumption, _as_input("offer_spread")]
    mishire_rate: Annotated[Assumption, _as_input("mishire_rate")]
    generalist_time_factor: Annotated[Assumption, _as_input("generalist_time_factor")]
    generalist_percentile_uplift: Annotated[Assumption, _as_input("generalist_percentile_uplift")]
    generalist_mishire_rate: Annotated[Assumption, _as_input("generalist_mishire_rate")]
    attrition_rate: Annotated[Assumption, _as_input("attrition_rate")]
    fiscal_year_start_month: Annotated[Assumption, _as_input("fiscal_year_start_month")]
    # The employer on-cost and time-to-start tables (their own files), and a user's edits of
    # on-cost components keyed "<jurisdiction>.<component id>" (oncosts.override_key).
    employer_costs: EmployerCosts
    time_to_start: TimeToStart
    oncost_overrides: dict[str, float] = Field(default_factory=dict)

    def with_values(self, **values: float) -> Assumptions:
        """A copy with some values replaced (a user's edits); ranges are checked again."""
        data = self.model_dump(exclude={"employer_costs", "time_to_start"})
        data["employer_costs"], data["time_to_start"] = self.employer_costs, self.time_to_start
        for key, value in values.items():
            current: Assumption = getattr(self, key)
            if value != current.value:
                data[key] = {
                    **data[key],
                    "value": value,
                    "status": SourceStatus.ASSUMPTION,
                    "source": f"{YOUR_VALUE} (default {current.value:g}: {current.source})",
                }
        return Assumptions.model_validate(data)

    def time_to_fill(self, archetype: Archetype) -> float:
        """Median days to fill a req for this archetype."""
        return float(getattr(self, f"time_to_fill_{archetype.value}").value)

    def with_oncosts(self, overrides: Mapping[str, float]) -> Assumptions:
        """A copy with a user's on-cost edits; raises ValueError naming a bad key or value."""
        known = {
            override_key(key, c.id): c
            for key, j in self.employer_costs.jurisdictions.items()
            for c in j.components
        }
        for key, value in overrides.items():
            if key not in known:
                raise ValueError(f"no employer on-cost {key!r} (e.g. 'us.social_security')")
            try:
                with_value(known[key], value)
            except ValidationError as exc:
                what = "a share from 0 to 1" if known[key].kind == "rate" else "an amount ≥ 0"
                raise ValueError(f"on-cost {key} must be {what}, got {value!r}") from exc
        return self.model_copy(update={"oncost_overrides": dict(overrides)})

    @property
    def fiscal_start_month(self) -> int:
        """The month the fiscal year starts, 1-12 (validated whole)."""
        return int(self.fiscal_year_start_month.value)

    @property
    def premium_range(self) -> tuple[float, float]:
        """The AI/ML premium's published range, widened to hold the value in use."""
        value = self.ai_premium.value
        return min(self.premium_low.value, value), max(self.premium_high.value, value)

    def oncosts(self, location: Location, base: float, bonus: float) -> float:
        """Yearly employer on-costs of a hire paid `base` + `bonus` in the location's own
        currency, by its country's rules (caps and thresholds applied) and the user's edits."""
        pay = base + bonus
        return oncost_total(self.employer_costs, location, pay, self.oncost_overrides)

    def in_house_cost(self, fx: FxTable, currency: Currency) -> float:
        """The in-house cost per hire (a USD figure) in `currency`."""
        return fx.convert(self.in_house_cost_per_hire.value, Currency.USD, currency)

    def notice(self, location: Location, level: Level) -> tuple[float, Source]:
        """Days from an accepted offer to the first day, and their source: the user's figure
        when they edited it, otherwise the country's usual notice for the level."""
        if self.notice_days.edited:
            return self.notice_days.value, self.notice_days.as_source()
        rule = notice_for(self.time_to_start, location, level)
        country = self.time_to_start.country(location).name
        return float(rule.days), rule.as_source(country)


def _describe(err: dict[str, object]) -> str:
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


def load_benchmarks(path: Path = BENCHMARKS_FILE) -> BandTable:
    """Read and fully validate a benchmarks CSV, or raise DataFileError naming row and column."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.") from exc
    report = validate_benchmarks(data, name=path.name, max_bytes=len(data) + 1)
    if report.table is None:
        first = report.problems[0]
        more = report.problem_count - 1
        raise DataFileError(
            f"{path}, {first}" + (f" (and {count(more, 'more problem')})" if more > 0 else "")
        )
    return BandTable.from_frame(report.table.frame.drop(columns="origin"))


def load_assumptions(path: Path = ASSUMPTIONS_FILE) -> Assumptions:
    """Read the cost assumptions, or raise DataFileError naming file and key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc}).") from exc
    tables = {"employer_costs": load_employer_costs(), "time_to_start": load_time_to_start()}
    try:
        return Assumptions.model_validate({**raw, **tables})
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise DataFileError(f"{path}, key {key}: {_describe(dict(err))}.") from exc


def apply_premium(band: Band, premium: Assumption) -> Band:
    """Lift a band that is not ML-specific by the AI/ML premium; ML-specific bands stay."""
    if band.ml_specific or band.ml_premium:
        return band
    factor = 1 + premium.value
    return band.model_copy(
        update={
            "p10": band.p10 * factor,
            "p25": band.p25 * factor,
            "p50": band.p50 * factor,
            "p75": band.p75 * factor,
            "p90": band.p90 * factor,
            "ml_premium": premium.value,
            "ml_premium_source": premium.as_source(),
        }
    )

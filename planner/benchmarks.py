"""Load and validate the shipped market data: salary bands and cost assumptions.

A broken data file is a deployment error, so it stops the planner with one message that names
the file, the row and the column (or the key) and what a valid value looks like.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from planner.models import Archetype, Band, Location, Source, SourceStatus

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.csv"
ASSUMPTIONS_FILE = DATA_DIR / "assumptions.toml"

PERCENTILES = (10, 25, 50, 75, 90)
BENCHMARK_COLUMNS = (
    "archetype", "level", "location", "currency", "p10", "p25", "p50", "p75", "p90",
    "ml_specific", "source", "year", "status", "occupation",
)  # fmt: skip
MAX_SALARY = 10_000_000  # a yearly salary band above this is a unit error (cents, or monthly x 100)


class DataFileError(ValueError):
    """A shipped or configured data file is unusable; the message says where and how to fix it."""


Money = Annotated[float, Field(gt=0, le=MAX_SALARY, allow_inf_nan=False)]


class _BenchmarkRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    archetype: Archetype
    level: Literal["all", "junior", "mid", "senior", "staff"]
    location: Location
    currency: Literal["USD"]
    p10: Money
    p25: Money
    p50: Money
    p75: Money
    p90: Money
    ml_specific: bool
    source: str = Field(min_length=3)
    year: int = Field(ge=1990, le=2100)
    status: SourceStatus
    occupation: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> _BenchmarkRow:
        values = [self.p10, self.p25, self.p50, self.p75, self.p90]
        if values != sorted(values):
            raise ValueError("percentiles must rise: p10 <= p25 <= p50 <= p75 <= p90")
        return self


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


def _between(lo: float, hi: float) -> Callable[[Assumption], Assumption]:
    def check(a: Assumption) -> Assumption:
        if not lo <= a.value <= hi:
            raise ValueError(f"value must be between {lo:g} and {hi:g}, got {a.value:g}")
        return a

    return check


class Assumptions(BaseModel):
    """Every cost assumption the planner uses; the ranges are sanity limits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ai_premium: Annotated[Assumption, AfterValidator(_between(0, 2))]
    benefits_share: Annotated[Assumption, AfterValidator(_between(0, 0.9))]
    agency_fee: Annotated[Assumption, AfterValidator(_between(0, 1))]
    in_house_cost_per_hire: Annotated[Assumption, AfterValidator(_between(0, 1_000_000))]
    interview_hours: Annotated[Assumption, AfterValidator(_between(0, 2000))]
    work_hours_per_year: Annotated[Assumption, AfterValidator(_between(500, 4000))]
    default_pay_percentile: Annotated[Assumption, AfterValidator(_between(10, 90))]

    def with_values(self, **values: float) -> Assumptions:
        """A copy with some values replaced (a user's edits); ranges are checked again."""
        data = self.model_dump()
        for key, value in values.items():
            current: Assumption = getattr(self, key)
            if value != current.value:
                data[key] = {
                    **data[key],
                    "value": value,
                    "status": SourceStatus.ASSUMPTION,
                    "source": f"your value (default {current.value:g}: {current.source})",
                }
        return Assumptions.model_validate(data)

    @property
    def benefits_load(self) -> float:
        """Benefits as a share of base wages, from their share of total compensation."""
        share = self.benefits_share.value
        return share / (1 - share)


def _describe(err: dict[str, object]) -> str:
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


def load_benchmarks(path: Path = BENCHMARKS_FILE) -> tuple[Band, ...]:
    """Read a benchmarks CSV into bands, or raise DataFileError naming file, row and column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text. Save it as UTF-8 CSV.") from exc
    if not text.strip():
        raise DataFileError(
            f"{path}: the file is empty. Start from the header row: {','.join(BENCHMARK_COLUMNS)}."
        )
    reader = csv.DictReader(text.splitlines())
    header = tuple(reader.fieldnames or ())
    missing = [c for c in BENCHMARK_COLUMNS if c not in header]
    extra = [c for c in header if c not in BENCHMARK_COLUMNS]
    if missing or extra:
        raise DataFileError(
            f"{path}, row 1 (header): "
            + (f"missing column(s) {', '.join(missing)}" if missing else "")
            + ("; " if missing and extra else "")
            + (f"unexpected column(s) {', '.join(extra)}" if extra else "")
            + f". Expected exactly: {', '.join(BENCHMARK_COLUMNS)}."
        )
    bands: list[Band] = []
    for row_number, raw in enumerate(reader, start=2):
        if None in raw:
            raise DataFileError(f"{path}, row {row_number}: more cells than columns.")
        try:
            row = _BenchmarkRow.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            column = err["loc"][0] if err["loc"] else "p10..p90"
            got = (
                ", ".join(f"{p}={raw.get(p)}" for p in ("p10", "p25", "p50", "p75", "p90"))
                if column == "p10..p90"
                else repr(raw.get(str(column)))
            )
            raise DataFileError(
                f"{path}, row {row_number}, column {column}: {_describe(dict(err))} (got {got})."
            ) from exc
        bands.append(_to_band(row))
    if not bands:
        raise DataFileError(f"{path}: no data rows under the header.")
    return tuple(bands)


def _to_band(row: _BenchmarkRow) -> Band:
    return Band(
        archetype=row.archetype,
        level=row.level,
        location=row.location.value,
        currency=row.currency,
        p10=row.p10,
        p25=row.p25,
        p50=row.p50,
        p75=row.p75,
        p90=row.p90,
        ml_specific=row.ml_specific,
        ml_premium=0.0,
        source=Source(label=row.occupation, source=row.source, year=row.year, status=row.status),
        occupation=row.occupation,
    )


def load_assumptions(path: Path = ASSUMPTIONS_FILE) -> Assumptions:
    """Read the cost assumptions, or raise DataFileError naming file and key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc}).") from exc
    try:
        return Assumptions.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise DataFileError(f"{path}, key {key}: {_describe(dict(err))}.") from exc


def apply_premium(bands: tuple[Band, ...], premium: Assumption) -> tuple[Band, ...]:
    """Lift bands that are not ML-specific by the AI/ML premium; ML-specific bands stay."""
    out = []
    for band in bands:
        if not band.ml_specific and band.ml_premium == 0:
            factor = 1 + premium.value
            out.append(
                band.model_copy(
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
            )
        else:
            out.append(band)
    return tuple(out)

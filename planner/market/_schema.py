"""The upload format of salary bands: columns, allowed values, and what a problem looks like.

`BenchmarkRow` is the schema; the app, the docs and the validator all read it from here.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from planner.models import Archetype, Currency, Level, Location, SourceStatus

MAX_PROBLEMS_SHOWN = 50
MIN_SALARY = 10_000  # below this a yearly salary is almost surely monthly, hourly or in thousands
MAX_SALARY = 10_000_000  # above this it is almost surely in cents or a typo
MAX_TEXT = 500
PERCENTILE_COLUMNS = ("p10", "p25", "p50", "p75", "p90")


class BenchmarkRow(BaseModel):
    """One salary band: the schema of data/benchmarks.csv and of uploads (in column order)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    archetype: Archetype = Field(description="researcher, developer or operator")
    level: Level = Field(description="junior, mid, senior or staff")
    location: Location = Field(description="one of the planner's location ids, e.g. london")
    currency: Currency = Field(description="USD, GBP, EUR or CAD")
    p10: float = Field(description="10th percentile of yearly base salary")
    p25: float = Field(description="25th percentile")
    p50: float = Field(description="median")
    p75: float = Field(description="75th percentile")
    p90: float = Field(description="90th percentile")
    ml_specific: Literal["true", "false"] = Field(
        description="true if the series is for ML roles; false lifts it by the AI/ML premium"
    )
    source: str = Field(description="who published the figures (at least 3 characters)")
    year: int = Field(description="year the figures describe")
    status: SourceStatus = Field(description="primary, secondary or assumption")
    derivation: str = Field(default="", description="how the band was derived; may be empty")


COLUMNS: tuple[str, ...] = tuple(BenchmarkRow.model_fields)
KEY = ("archetype", "level", "location")


def _choices(column: str) -> tuple[str, ...]:
    annotation = BenchmarkRow.model_fields[column].annotation
    if isinstance(annotation, type) and issubclass(annotation, str) and annotation is not str:
        return tuple(m.value for m in annotation)  # type: ignore[attr-defined]
    return tuple(str(a) for a in get_args(annotation))


CHOICES: dict[str, tuple[str, ...]] = {
    c: _choices(c) for c in ("archetype", "level", "location", "currency", "ml_specific", "status")
}


class Problem(BaseModel):
    """One thing wrong with a file: where it is and how to fix it."""

    model_config = ConfigDict(frozen=True)

    row: int | None = None  # 1 = the header row
    column: str | None = None
    message: str
    fix: str

    def __str__(self) -> str:
        where = ", ".join(
            p for p in (f"row {self.row}" if self.row else "", self.column or "") if p
        )
        return f"{where + ': ' if where else ''}{self.message} — {self.fix}"

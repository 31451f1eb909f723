"""How long until a hire starts: the notice they serve and the time to fill a req, per country
and level, with what each figure measures (data/time_to_start.toml). Pure: no I/O beyond the
loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from planner.files import DATA_DIR
from planner.market._tables import (
    FROZEN,
    MAX_DAYS,
    REQUIRED_COUNTRIES,
    ComponentId,
    Levels,
    SourceText,
    Text,
    Year,
    country_for,
    load_table,
)
from planner.models import Level, Location, Source, SourceStatus

TIME_TO_START_FILE = DATA_DIR / "time_to_start.toml"


class NoticeRule(BaseModel):
    """Days from an accepted offer to the first day, for some levels in one country."""

    model_config = FROZEN

    levels: Levels
    days: int = Field(ge=0, le=MAX_DAYS)
    basis: Literal["custom", "typical", "statutory_minimum"]
    planning: bool
    source: SourceText
    year: Year
    status: SourceStatus
    note: Text

    def as_source(self, country: str) -> Source:
        return Source(
            label=f"Notice before starting ({country})",
            source=self.source,
            year=self.year,
            status=self.status,
        )


class FillFigure(BaseModel):
    """A published time-to-fill (or time-to-hire) figure, and exactly what it measures."""

    model_config = FROZEN

    id: ComponentId
    label: Text
    levels: Levels
    days: float = Field(gt=0, le=MAX_DAYS, allow_inf_nan=False)
    statistic: Literal["average", "median", "unclear"]
    scope: Literal["engineering", "it", "all_jobs"]
    region: Text
    measures: Literal["opening_to_offer_accepted", "application_to_start"]
    planning: bool
    source: SourceText
    year: Year
    status: SourceStatus
    note: Text

    @property
    def includes_notice(self) -> bool:
        """True when the figure runs to the first day, so notice must not be added on top."""
        return self.measures == "application_to_start"

    def as_source(self) -> Source:
        return Source(label=self.label, source=self.source, year=self.year, status=self.status)


def _one_planning_row(rows: Sequence[NoticeRule] | Sequence[FillFigure], what: str) -> list[str]:
    problems = []
    for level in Level:
        n = sum(1 for r in rows if r.planning and level in r.levels)
        if n != 1:
            problems.append(f"{what}: {n} planning rows for level {level.value} (need exactly 1)")
    return problems


class CountryTimes(BaseModel):
    model_config = FROZEN

    name: Text
    notice: Annotated[tuple[NoticeRule, ...], Field(min_length=1)]
    time_to_fill: Annotated[tuple[FillFigure, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _one_each(self) -> CountryTimes:
        problems = _one_planning_row(self.notice, "notice")
        problems += _one_planning_row(self.time_to_fill, "time_to_fill")
        ids = [f.id for f in self.time_to_fill]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            problems.append(f"time_to_fill id {', '.join(dupes)} appears more than once")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class TimeToStart(BaseModel):
    """Notice periods and time-to-fill figures by country ("us", "uk", "de", "ca")."""

    model_config = FROZEN

    countries: dict[Annotated[str, Field(pattern=r"^[a-z]{2}$")], CountryTimes]

    @model_validator(mode="after")
    def _complete(self) -> TimeToStart:
        missing = [k for k in REQUIRED_COUNTRIES if k not in self.countries]
        if missing:
            names = ", ".join(f"countries.{k}" for k in missing)
            raise ValueError(f"missing {names} (the planner's locations need it)")
        return self

    def country(self, where: str | Location) -> CountryTimes:
        key = country_for(where) if isinstance(where, Location) else where
        if key not in self.countries:
            known = ", ".join(sorted(self.countries))
            raise ValueError(f"no country {key!r} in the time-to-start table ({known})")
        return self.countries[key]


def notice_for(times: TimeToStart, where: str | Location, level: Level) -> NoticeRule:
    """The notice rule the planner uses for this country and level."""
    return next(r for r in times.country(where).notice if r.planning and level in r.levels)


def time_to_fill_for(times: TimeToStart, where: str | Location, level: Level) -> FillFigure:
    """The time-to-fill figure the planner uses for this country and level."""
    return next(f for f in times.country(where).time_to_fill if f.planning and level in f.levels)


def notice_days(times: TimeToStart, where: str | Location, level: Level) -> int:
    return notice_for(times, where, level).days


def time_to_fill_days(times: TimeToStart, where: str | Location, level: Level) -> float:
    return time_to_fill_for(times, where, level).days


def days_to_start(times: TimeToStart, where: str | Location, level: Level) -> float:
    """Days from opening a req to the hire's first day: fill, then notice (once)."""
    fill = time_to_fill_for(times, where, level)
    if fill.includes_notice:
        return fill.days
    return fill.days + notice_days(times, where, level)


def load_time_to_start(path: Path = TIME_TO_START_FILE) -> TimeToStart:
    """Read and fully validate the notice and time-to-fill table, or raise DataFileError naming
    the file and the key."""
    return load_table(path, TimeToStart)

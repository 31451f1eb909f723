"""A validated table of salary bands, looked up by archetype, level and location.

It keeps the rows as a DataFrame (100,000 uploaded rows cost no per-row Python objects) and
builds a `Band` only for the bands a plan asks for.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import TypedDict

import pandas as pd

from planner.models import Archetype, Band, Currency, Level, Location, Source, SourceStatus

SHIPPED = "shipped"


class TableSummary(TypedDict):
    rows: int
    archetypes: list[str]
    levels: list[str]
    locations: list[str]
    currencies: list[str]


@dataclass(frozen=True, eq=False)
class BandTable:
    """Validated bands. Build one with `validate_benchmarks` or `load_benchmarks`."""

    frame: pd.DataFrame

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, origin: str = SHIPPED) -> BandTable:
        """Wrap a validated frame (taken over, not copied) whose rows came from `origin`."""
        frame = frame.reset_index(drop=True)
        frame["origin"] = origin
        return cls(frame=frame)

    @cached_property
    def _index(self) -> dict[tuple[str, str, str], int]:
        # Built on the first lookup: validating a big upload should not pay for it.
        keys = zip(
            self.frame["archetype"], self.frame["level"], self.frame["location"], strict=True
        )
        return {k: i for i, k in enumerate(keys)}

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the bands: equal tables give equal digests (a cache key for plans
        priced with it). Computed once per table."""
        hashed = pd.util.hash_pandas_object(self.frame, index=False).to_numpy()
        return hashlib.sha256(hashed.tobytes()).hexdigest()

    def __len__(self) -> int:
        return len(self.frame)

    def band(self, archetype: Archetype, level: Level, location: Location) -> Band | None:
        """The band for this archetype, level and location, or None if the table has none."""
        i = self._index.get((archetype.value, level.value, location.value))
        if i is None:
            return None
        row = self.frame.iloc[i]
        return Band(
            archetype=archetype,
            level=level,
            location=location,
            currency=Currency(row["currency"]),
            p10=float(row["p10"]),
            p25=float(row["p25"]),
            p50=float(row["p50"]),
            p75=float(row["p75"]),
            p90=float(row["p90"]),
            ml_specific=bool(row["ml_specific"]),
            source=Source(
                label="Salary series",
                source=str(row["source"]),
                year=int(row["year"]),
                status=SourceStatus(row["status"]),
            ),
            derivation=str(row["derivation"]),
            origin=str(row["origin"]),
        )

    def overlay(self, other: BandTable) -> BandTable:
        """This table with `other`'s bands replacing or adding to ours, key by key."""
        merged = pd.concat([self.frame, other.frame], ignore_index=True)
        merged = merged.drop_duplicates(subset=["archetype", "level", "location"], keep="last")
        return BandTable(frame=merged.reset_index(drop=True))

    def to_csv(self) -> str:
        """The bands in the upload format, which validate_benchmarks reads back to an equal
        table: how a saved scenario keeps the bands it was made with."""
        return str(self.frame.drop(columns=["origin"], errors="ignore").to_csv(index=False))

    def summary(self) -> TableSummary:
        """Counts for a one-paragraph summary: rows and the distinct values of each key."""
        f = self.frame
        return {
            "rows": len(f),
            "archetypes": sorted(f["archetype"].unique().tolist()),
            "levels": sorted(f["level"].unique().tolist()),
            "locations": sorted(f["location"].unique().tolist()),
            "currencies": sorted(f["currency"].unique().tolist()),
        }

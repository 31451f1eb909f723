"""What the country tables (employer on-costs, time to start) share: their field types, the
jurisdiction of a planner location, and how a table file is read and its errors named.

A bad file raises DataFileError naming the file and the key, e.g.
"data/employer_costs.toml, key jurisdictions.us.components[medicare].rate: ...".
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import DataFileError
from planner.models import Level, Location

FROZEN = ConfigDict(frozen=True, extra="forbid")

# Sanity limits, not business rules: a value past them is almost surely a typo.
MAX_MONEY = 1_000_000_000
MAX_DAYS = 730

Money = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
Share = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
ComponentId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
JurisdictionKey = Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]{2})?$")]
Text = Annotated[str, Field(min_length=1)]
SourceText = Annotated[str, Field(min_length=3)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Levels = Annotated[tuple[Level, ...], Field(min_length=1)]

# The jurisdictions the planner's locations need; each must be in the table.
REQUIRED_JURISDICTIONS = ("us", "uk", "de", "ca", "ca-on")
REQUIRED_COUNTRIES = ("us", "uk", "de", "ca")

M = TypeVar("M", bound=BaseModel)


def jurisdiction_for(location: Location) -> str:
    """The on-cost jurisdiction of a planner location (Toronto is Canada plus Ontario)."""
    match location:
        case (
            Location.US_NATIONAL
            | Location.SF_BAY_AREA
            | Location.NEW_YORK
            | Location.SEATTLE
            | Location.US_REMOTE
        ):
            return "us"
        case Location.LONDON:
            return "uk"
        case Location.BERLIN:
            return "de"
        case Location.TORONTO:
            return "ca-on"
    raise ValueError(f"no jurisdiction for location {location!r}")  # pragma: no cover


def country_for(location: Location) -> str:
    """The country of a planner location: "us", "uk", "de" or "ca"."""
    return jurisdiction_for(location).split("-", 1)[0]


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found. Restore it from the repository.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc}).") from exc


def _key(raw: object, loc: Sequence[int | str]) -> str:
    """A pydantic error location as a TOML key; list items are named by their id when they
    have one: jurisdictions.us.components[social_security].rate."""
    out = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            label = str(part)
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label = node["id"]
            else:
                node = None
            out += f"[{label}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{part}" if out else part
    return out or "(top level)"


def _fail(path: Path, raw: object, exc: ValidationError) -> DataFileError:
    err = exc.errors()[0]
    key = _key(raw, [p for p in err["loc"] if p != "[key]"])
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    return DataFileError(f"{path}, key {key}: {msg}.")


def load_table(path: Path, model: type[M]) -> M:
    """Read and fully validate one table file, or raise DataFileError naming the file and
    the key."""
    raw = _read_toml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise _fail(path, raw, exc) from exc

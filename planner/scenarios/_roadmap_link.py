"""A roadmap's own inputs in a share link: milestones, horizon, attrition, budget, markets.

Keys read like the CLI's flags: `ms` (the --milestone values, ";" between them), `quarters`,
`attr` (a yearly share, as --attrition), `budget` and `hire.<archetype>` (as --hire-in). Each
value is checked on its own with the CLI's own parsers (planner.roadmap); a bad one is dropped
with a note naming it, and the rest of the link still applies. Unknown keys are left to the
caller: the page may share its address with other parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from planner.bounds import number_text
from planner.models import Archetype, Location
from planner.questions import ANSWER_BOUNDS, ASSUMPTION_BOUNDS
from planner.roadmap import (
    DEFAULT_QUARTERS,
    MAX_QUARTERS,
    Milestone,
    next_milestone,
    parse_hire_in,
)
from planner.scenarios._query import link_number, shown_value

# Not "budget": that is the plan's (a roadmap's own budget overrides it on the Roadmap page).
MILESTONES_KEY, QUARTERS_KEY, ATTRITION_KEY, BUDGET_KEY = "ms", "quarters", "attr", "rm_budget"
HIRE_PREFIX = "hire."
MILESTONE_SEPARATOR = ";"  # no milestone contains one; "," already separates its fields
MIN_LINK_QUARTERS = 4  # the page's shortest horizon: a roadmap of fewer is the plan's job
# The page's attrition input: percent, one decimal, up to the domain's maximum.
ATTRITION_BOUND = ASSUMPTION_BOUNDS["attrition_rate"]  # the Assumptions page's input
ROADMAP_LINK_KEYS = (
    MILESTONES_KEY,
    QUARTERS_KEY,
    ATTRITION_KEY,
    BUDGET_KEY,
    *(HIRE_PREFIX + a.value for a in Archetype),
)


class RoadmapLink(BaseModel):
    """What a roadmap link restores; None: not in the link (the page's default applies)."""

    model_config = ConfigDict(frozen=True)

    milestones: tuple[Milestone, ...] = ()
    quarters: int = DEFAULT_QUARTERS
    attrition: float | None = None
    budget: float | None = None
    hire_in: dict[Archetype, Location] = {}
    ignored: tuple[str, ...] = ()


def is_roadmap_key(key: str) -> bool:
    """A key this module reads (any `hire.` key counts: a bad archetype is named, not passed)."""
    return key in ROADMAP_LINK_KEYS or key.startswith(HIRE_PREFIX)


def parse_roadmap_link(params: Mapping[str, str]) -> RoadmapLink:
    """The roadmap keys of `params`, each checked as the CLI checks its flag; other keys are
    not read. Milestones are checked against the link's horizon (or the default one)."""
    ignored: list[str] = []
    quarters = DEFAULT_QUARTERS
    if QUARTERS_KEY in params:
        raw = params[QUARTERS_KEY]
        try:
            quarters = _whole(raw, MIN_LINK_QUARTERS, MAX_QUARTERS)
        except ValueError as exc:
            ignored.append(f"{QUARTERS_KEY}={shown_value(raw)} ({exc})")
    attrition = None
    if ATTRITION_KEY in params:
        raw = params[ATTRITION_KEY]
        try:
            attrition = link_number(ATTRITION_BOUND, raw)
        except ValueError as exc:
            ignored.append(f"{ATTRITION_KEY}={shown_value(raw)} ({exc})")
    budget = None
    if BUDGET_KEY in params:
        raw = params[BUDGET_KEY]
        try:
            budget = link_number(ANSWER_BOUNDS["budget"], raw)
        except ValueError as exc:
            ignored.append(f"{BUDGET_KEY}={shown_value(raw)} ({exc})")
    hire_in: dict[Archetype, Location] = {}
    for key, raw in params.items():
        if not key.startswith(HIRE_PREFIX):
            continue
        try:
            archetype, location = parse_hire_in(f"{key[len(HIRE_PREFIX) :]}={raw}")
        except ValueError:
            ignored.append(
                f"{shown_value(key)}={shown_value(raw)} (use hire.<{'|'.join(Archetype)}>="
                f"<a location: {', '.join(Location)}>)"
            )
            continue
        hire_in[archetype] = location
    milestones = _milestones(params.get(MILESTONES_KEY, ""), quarters, ignored)
    return RoadmapLink(
        milestones=milestones,
        quarters=quarters,
        attrition=attrition,
        budget=budget,
        hire_in=hire_in,
        ignored=tuple(ignored),
    )


def _milestones(raw: str, quarters: int, ignored: list[str]) -> tuple[Milestone, ...]:
    """Each milestone parsed as --milestone is; one that clashes with those kept before it
    (two setting a field in the same quarter) is dropped too, as the CLI would refuse it."""
    kept: list[Milestone] = []
    for text in raw.split(MILESTONE_SEPARATOR):
        if not text.strip():
            continue
        try:
            kept.append(next_milestone(kept, text, quarters))
        except ValueError as exc:
            ignored.append(f"{MILESTONES_KEY}: {exc}")
    return tuple(kept)


def _whole(raw: str, low: int, high: int) -> int:
    digits = raw.strip().lstrip("0") or "0"
    # int() of thousands of digits is refused (and slow): no valid value has more than two
    if not (
        digits.isascii() and digits.isdigit() and len(digits) <= 2 and low <= int(digits) <= high
    ):
        raise ValueError(f"a whole number from {low} to {high}")
    return int(digits)


def make_roadmap_link(
    milestones: Sequence[Milestone],
    quarters: int,
    attrition: float | None = None,
    budget: float | None = None,
    hire_in: Mapping[Archetype, Location] | None = None,
) -> dict[str, str]:
    """The roadmap's inputs as link parameters: only what differs from the defaults (None: the
    default, e.g. the plan's budget or location)."""
    out: dict[str, str] = {}
    if milestones:
        out[MILESTONES_KEY] = MILESTONE_SEPARATOR.join(m.text for m in milestones)
    if quarters != DEFAULT_QUARTERS:
        out[QUARTERS_KEY] = str(quarters)
    if attrition is not None:
        out[ATTRITION_KEY] = number_text(attrition)
    if budget is not None:
        out[BUDGET_KEY] = number_text(budget)
    for archetype, location in sorted((hire_in or {}).items()):
        out[HIRE_PREFIX + archetype.value] = location.value
    return out

"""Employer on-costs by country: what an employer pays on top of gross pay.

data/employer_costs.toml holds one sourced line per component, per jurisdiction (US, UK,
Germany, Canada, plus Ontario on top of Canada). A component is either a rate on the slice of
yearly pay between a floor and a ceiling, or a fixed amount per employee per year. Paid leave is
never a component: a salary already pays it. Pure: no I/O beyond the loader.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from planner.files import DATA_DIR
from planner.market._tables import (
    FROZEN,
    MAX_MONEY,
    REQUIRED_JURISDICTIONS,
    ComponentId,
    JurisdictionKey,
    Money,
    Share,
    SourceText,
    Text,
    Year,
    jurisdiction_for,
    load_table,
)
from planner.models import Currency, Location, Source, SourceStatus

EMPLOYER_COSTS_FILE = DATA_DIR / "employer_costs.toml"


# ---- Employer on-costs: the table ------------------------------------------------------------


class Component(BaseModel):
    """One employer on-cost: a rate on a slice of pay, or a fixed yearly amount per employee."""

    model_config = FROZEN

    id: ComponentId
    label: Text
    kind: Literal["rate", "fixed"]
    rate: Share | None = None
    floor: Money = 0.0
    ceiling: Money | None = None
    amount: Money | None = None
    currency: Currency
    default_on: bool = True
    applies_when: str = ""
    source: SourceText
    year: Year
    status: SourceStatus
    note: Text

    @model_validator(mode="after")
    def _shape(self) -> Component:
        if self.kind == "rate":
            if self.rate is None:
                raise ValueError(f"component {self.id}: kind 'rate' needs rate (e.g. 0.062)")
            if self.amount is not None:
                raise ValueError(f"component {self.id}: kind 'rate' takes no amount")
            if self.ceiling is not None and self.ceiling <= self.floor:
                raise ValueError(
                    f"component {self.id}: ceiling ({self.ceiling:g}) must be above "
                    f"floor ({self.floor:g})"
                )
        else:
            if self.amount is None:
                raise ValueError(
                    f"component {self.id}: kind 'fixed' needs amount (per employee per year)"
                )
            if self.rate is not None or self.ceiling is not None or self.floor != 0:
                raise ValueError(
                    f"component {self.id}: kind 'fixed' takes no rate, floor or ceiling"
                )
        if not self.default_on and not self.applies_when.strip():
            raise ValueError(
                f"component {self.id}: off by default, so it needs applies_when "
                "(when an employer should switch it on)"
            )
        return self

    def cost(self, pay: float, value: float | None = None) -> float:
        """This component's yearly cost for a hire paid `pay` (base + bonus) a year; `value`,
        when given, is a user's rate or amount in place of the shipped one."""
        if self.kind == "fixed":
            return float(self.amount or 0.0) if value is None else value
        top = pay if self.ceiling is None else min(pay, self.ceiling)
        rate = float(self.rate or 0.0) if value is None else value
        return rate * max(0.0, top - self.floor)

    @property
    def basis(self) -> str:
        """How the cost is worked out, in a few words ("6.2% of pay up to 184,500")."""
        if self.kind == "fixed":
            return f"{self.amount or 0:,.0f} {self.currency} per employee per year"
        pct = f"{(self.rate or 0) * 100:.4g}% of pay"
        if self.floor and self.ceiling is not None:
            return f"{pct} between {self.floor:,.0f} and {self.ceiling:,.0f}"
        if self.floor:
            return f"{pct} above {self.floor:,.0f}"
        if self.ceiling is not None:
            return f"{pct} up to {self.ceiling:,.0f}"
        return pct

    def as_source(self) -> Source:
        return Source(label=self.label, source=self.source, year=self.year, status=self.status)


class Jurisdiction(BaseModel):
    """A country, or a province/state that adds its components to its parent's."""

    model_config = FROZEN

    name: Text
    currency: Currency
    year: Year
    parent: JurisdictionKey | None = None
    note: Text
    components: Annotated[tuple[Component, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Jurisdiction:
        ids = [c.id for c in self.components]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"component id {', '.join(dupes)} appears more than once")
        for c in self.components:
            if c.currency is not self.currency:
                raise ValueError(
                    f"component {c.id}: currency {c.currency} differs from the "
                    f"jurisdiction's {self.currency}"
                )
        return self


class EmployerCosts(BaseModel):
    """The whole table: every jurisdiction by key ("us", "uk", "de", "ca", "ca-on")."""

    model_config = FROZEN

    jurisdictions: dict[JurisdictionKey, Jurisdiction]

    @model_validator(mode="after")
    def _linked(self) -> EmployerCosts:
        missing = [k for k in REQUIRED_JURISDICTIONS if k not in self.jurisdictions]
        if missing:
            names = ", ".join(f"jurisdictions.{k}" for k in missing)
            raise ValueError(f"missing {names} (the planner's locations need it)")
        for key, j in self.jurisdictions.items():
            if j.parent is None:
                continue
            parent = self.jurisdictions.get(j.parent)
            if parent is None:
                raise ValueError(f"jurisdictions.{key}.parent: no jurisdiction {j.parent!r}")
            if parent.parent is not None:
                raise ValueError(
                    f"jurisdictions.{key}.parent: {j.parent!r} has a parent itself; "
                    "only one level of sub-jurisdiction is supported"
                )
            if parent.currency is not j.currency:
                raise ValueError(
                    f"jurisdictions.{key}.currency: {j.currency} differs from its parent's "
                    f"{parent.currency}"
                )
            clash = {c.id for c in j.components} & {c.id for c in parent.components}
            if clash:
                raise ValueError(
                    f"jurisdictions.{key}: component id {', '.join(sorted(clash))} is also "
                    f"in {j.parent!r}"
                )
        return self

    def chain(self, key: str) -> tuple[tuple[str, Jurisdiction], ...]:
        """The jurisdiction and its parent, parent first: whose components apply, in order."""
        if key not in self.jurisdictions:
            known = ", ".join(sorted(self.jurisdictions))
            raise ValueError(f"no jurisdiction {key!r} in the employer-cost table ({known})")
        j = self.jurisdictions[key]
        if j.parent is None:
            return ((key, j),)
        return ((j.parent, self.jurisdictions[j.parent]), (key, j))


# ---- Employer on-costs: the computation ------------------------------------------------------


class OnCostLine(BaseModel):
    """One component of a hire's yearly on-costs, with where its figure comes from."""

    model_config = FROZEN

    id: str
    label: str
    jurisdiction: str
    amount: float  # 0 when the component is switched off
    applied: bool
    basis: str
    applies_when: str
    note: str
    source: Source


class OnCostBreakdown(BaseModel):
    """A hire's yearly employer on-costs, itemised, in the jurisdiction's currency."""

    model_config = FROZEN

    jurisdiction: str
    currency: Currency
    base_salary: float
    bonus: float
    lines: tuple[OnCostLine, ...]
    total: float

    @property
    def pay(self) -> float:
        """Gross yearly pay the rates apply to: base salary plus bonus."""
        return self.base_salary + self.bonus

    @property
    def share_of_base(self) -> float:
        """Total on-costs as a share of base salary (0 for a zero salary)."""
        return self.total / self.base_salary if self.base_salary > 0 else 0.0

    def line(self, component_id: str) -> OnCostLine:
        for ln in self.lines:
            if ln.id == component_id:
                return ln
        raise KeyError(component_id)


def override_key(jurisdiction: str, component_id: str) -> str:
    """The key of a user's edit of one component: "us.social_security"."""
    return f"{jurisdiction}.{component_id}"


def component_value(c: Component) -> float:
    """The figure a user edits: the rate (a share) of a rate component, the amount of a fixed
    one."""
    return float((c.rate if c.kind == "rate" else c.amount) or 0.0)


def with_value(c: Component, value: float) -> Component:
    """The component with a user's rate or amount (checked like the shipped one)."""
    field = "rate" if c.kind == "rate" else "amount"
    return Component.model_validate({**c.model_dump(), field: value})


def editable_components(
    costs: EmployerCosts, location: Location
) -> tuple[tuple[str, Component], ...]:
    """The components behind a location's on-costs, as (override key, component), in order."""
    return tuple(
        (override_key(jkey, c.id), c)
        for jkey, j in costs.chain(jurisdiction_for(location))
        for c in j.components
    )


def _money(name: str, value: float) -> float:
    if not math.isfinite(value) or value < 0 or value > MAX_MONEY:
        raise ValueError(f"{name} must be a number from 0 to {MAX_MONEY:,}, got {value!r}")
    return float(value)


def employer_oncosts(
    costs: EmployerCosts,
    where: str | Location,
    base_salary: float,
    bonus: float = 0.0,
    switches: Mapping[str, bool] | None = None,
    overrides: Mapping[str, float] | None = None,
) -> OnCostBreakdown:
    """A hire's yearly employer on-costs, itemised.

    `where` is a jurisdiction key ("us", "uk", "de", "ca", "ca-on") or a planner Location.
    `base_salary` and `bonus` are yearly amounts in that jurisdiction's LOCAL currency (convert
    before calling). Rate components apply to base + bonus. `switches` turns components on or off
    by id (e.g. {"apprenticeship_levy": True}); the rest keep their default. Components that are
    off still appear, with amount 0 and applied=False, so a view can say what was left out.
    `overrides` are a user's edits keyed "<jurisdiction>.<id>" (see `override_key`): the value
    replaces the component's rate (a share) or yearly amount; above 0 it switches the component
    on, 0 switches it off. Keys for other jurisdictions are ignored.
    """
    key = jurisdiction_for(where) if isinstance(where, Location) else where
    chain = costs.chain(key)
    base = _money("base_salary", base_salary)
    extra = _money("bonus", bonus)
    wanted = dict(switches or {})
    known = {c.id for _, j in chain for c in j.components}
    unknown = sorted(set(wanted) - known)
    if unknown:
        raise ValueError(
            f"no component {', '.join(unknown)} in jurisdiction {key!r} "
            f"(known: {', '.join(sorted(known))})"
        )
    pay = base + extra
    lines = []
    for jkey, c, on, edited in _applied(chain, wanted, overrides or {}):
        shown = c if edited is None else with_value(c, edited)
        lines.append(
            OnCostLine(
                id=c.id,
                label=c.label,
                jurisdiction=jkey,
                amount=c.cost(pay, edited) if on else 0.0,
                applied=on,
                basis=shown.basis,
                applies_when=c.applies_when,
                note=c.note,
                source=c.as_source(),
            )
        )
    return OnCostBreakdown(
        jurisdiction=key,
        currency=chain[-1][1].currency,
        base_salary=base,
        bonus=extra,
        lines=tuple(lines),
        total=math.fsum(ln.amount for ln in lines),
    )


def oncost_total(
    costs: EmployerCosts, where: Location, pay: float, overrides: Mapping[str, float]
) -> float:
    """The total of employer_oncosts for a yearly `pay` (base + bonus, local currency), with
    the user's checked edits: what pricing needs for every hire, without the itemised lines."""
    chain = costs.chain(jurisdiction_for(where))
    return math.fsum(
        c.cost(pay, edited) for _, c, on, edited in _applied(chain, {}, overrides) if on
    )


def _applied(
    chain: Sequence[tuple[str, Jurisdiction]],
    switches: Mapping[str, bool],
    overrides: Mapping[str, float],
) -> Iterator[tuple[str, Component, bool, float | None]]:
    """Each component with whether it applies and the user's value for it, if any: an edit
    above 0 switches it on, 0 off; otherwise the switch, or its default."""
    for jkey, j in chain:
        for c in j.components:
            edited = overrides.get(override_key(jkey, c.id))
            on = edited > 0 if edited is not None else switches.get(c.id, c.default_on)
            yield jkey, c, on, edited


def load_employer_costs(path: Path = EMPLOYER_COSTS_FILE) -> EmployerCosts:
    """Read and fully validate the employer on-cost table, or raise DataFileError naming the
    file and the key."""
    return load_table(path, EmployerCosts)

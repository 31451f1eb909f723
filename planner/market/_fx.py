"""Currency conversion from the dated FX table in data/fx.csv."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import DataFileError
from planner.files import DATA_DIR
from planner.models import Band, Currency, Source, SourceStatus

FX_FILE = DATA_DIR / "fx.csv"


class FxRate(BaseModel):
    """US dollars per unit of a currency on a date, with where the rate comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    currency: Currency
    usd_per_unit: float = Field(gt=0, le=1000, allow_inf_nan=False)
    date: date
    source: str = Field(min_length=3)
    status: SourceStatus


class FxTable(BaseModel):
    model_config = ConfigDict(frozen=True)

    rates: dict[Currency, FxRate]

    def factor(self, source: Currency, target: Currency) -> float:
        """Multiply an amount in `source` by this to get `target`."""
        return self.rates[source].usd_per_unit / self.rates[target].usd_per_unit

    def convert(self, amount: float, source: Currency, target: Currency) -> float:
        return amount * self.factor(source, target)

    def note(self, source: Currency, target: Currency) -> str:
        """How an amount was converted, for provenance; empty when nothing was converted."""
        if source is target:
            return ""
        rate = self.rates[source if source is not Currency.USD else target]
        return (
            f"converted {source.value}→{target.value} at {self.factor(source, target):.4f} "
            f"({rate.date.isoformat()}, {rate.status.value}: {rate.source})"
        )

    def source_of(self, converted_to: Currency) -> Source:
        """The provenance of the rates used to reach `converted_to` from the band currencies."""
        rates = [r for r in self.rates.values() if r.currency is not Currency.USD]
        worst = max(rates, key=lambda r: list(SourceStatus).index(r.status))
        return Source(
            label=f"Exchange rates into {converted_to.value}",
            source=worst.source,
            year=worst.date.year,
            status=worst.status,
        )

    def with_rate(self, currency: Currency, usd_per_unit: float) -> FxTable:
        """A copy with one rate replaced by the user's (labelled as their assumption)."""
        old = self.rates[currency]
        if usd_per_unit == old.usd_per_unit:
            return self
        new = FxRate(
            currency=currency,
            usd_per_unit=usd_per_unit,
            date=date.today(),
            source=f"your rate (default {old.usd_per_unit:g} on {old.date.isoformat()})",
            status=SourceStatus.ASSUMPTION,
        )
        return FxTable(rates={**self.rates, currency: new})


def load_fx(path: Path = FX_FILE) -> FxTable:
    """Read the FX table, or raise DataFileError naming the row and column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the FX table ({exc}).") from exc
    rates: dict[Currency, FxRate] = {}
    for row_number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            rate = FxRate.model_validate(row)
        except ValidationError as exc:
            err = exc.errors()[0]
            column = err["loc"][0] if err["loc"] else "?"
            raise DataFileError(
                f"{path}, row {row_number}, column {column}: {err['msg']}."
            ) from exc
        rates[rate.currency] = rate
    missing = [c.value for c in Currency if c not in rates]
    if missing:
        raise DataFileError(f"{path}: no rate for {', '.join(missing)}. Add a row for each.")
    if rates[Currency.USD].usd_per_unit != 1:
        raise DataFileError(f"{path}: the USD row must have usd_per_unit = 1.")
    return FxTable(rates=rates)


def convert_band(band: Band, target: Currency, fx: FxTable) -> Band:
    """The band in another currency, with a note saying how it was converted."""
    if band.currency is target:
        return band
    k = fx.factor(band.currency, target)
    return band.model_copy(
        update={
            "currency": target,
            "p10": band.p10 * k,
            "p25": band.p25 * k,
            "p50": band.p50 * k,
            "p75": band.p75 * k,
            "p90": band.p90 * k,
            "fx_note": fx.note(band.currency, target),
        }
    )

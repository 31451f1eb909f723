"""Build data/benchmarks.csv from the public series and the written-down derivation.

`python -m planner build-benchmarks` runs this; a test checks the shipped file matches, so the
numbers in the app can always be traced back to data/source_series.csv and data/derivation.toml.
"""

from __future__ import annotations

import csv
import io
import math
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from planner.models import Archetype, Level, Location
from planner.validation import COLUMNS, PERCENTILE_COLUMNS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SERIES_FILE = DATA_DIR / "source_series.csv"
DERIVATION_FILE = DATA_DIR / "derivation.toml"

# Standard-normal quantiles of the published percentiles, for the log-normal fill.
Z = {"p10": -1.2816, "p25": -0.6745, "p50": 0.0, "p75": 0.6745, "p90": 1.2816}


def yearly_percentiles(
    series: Mapping[str, str], rules: Mapping[str, Any]
) -> tuple[dict[str, float], list[str]]:
    """A series' published percentiles as yearly amounts, missing ones filled; and notes."""
    per = {"annual": 1.0, "monthly": rules["months_per_year"], "hourly": rules["hours_per_year"]}
    scale = per[series["period"]]
    known = {c: float(series[c]) * scale for c in PERCENTILE_COLUMNS if series[c].strip()}
    notes = []
    if series["period"] != "annual":
        notes.append(f"{series['period']} x{scale:g} for a year")
    missing = [c for c in PERCENTILE_COLUMNS if c not in known]
    if missing:
        z = np.array([Z[c] for c in known])
        logs = np.log(np.array(list(known.values())))
        sigma, mu = np.polyfit(z, logs, 1)  # least squares: ln(value) = mu + sigma * z
        for c in missing:
            known[c] = math.exp(mu + sigma * Z[c])
        notes.append(f"{', '.join(m.upper() for m in missing)} from a log-normal fit (assumption)")
    return {c: known[c] for c in PERCENTILE_COLUMNS}, notes


def build_rows(series_text: str, rules: Mapping[str, Any]) -> list[dict[str, str]]:
    """Every archetype x level x location band, in the benchmarks CSV format."""
    series = {row["series"]: row for row in csv.DictReader(io.StringIO(series_text))}
    rows = []
    for location in Location:
        loc = rules["locations"][location.value]
        for archetype in Archetype:
            s = series[loc[archetype.value]]
            base, notes = yearly_percentiles(s, rules)
            for level in Level:
                anchor = f"p{rules['levels'][level.value]}"
                median = base[anchor] * loc["factor"]
                spread = rules["levels"]["spread"]
                derivation = [s["note"].split(";")[0], *notes]
                if loc["factor"] != 1.0:
                    derivation.append(
                        f"x{loc['factor']:g} for the location ({loc['factor_source']}, "
                        f"{loc['factor_year']}, {loc['factor_status']})"
                    )
                elif loc["factor_status"] == "assumption":
                    derivation.append(loc["factor_source"])
                derivation.append(
                    f"{level.value} median at the all-levels {anchor.upper()}, "
                    f"spread x{spread:g} (assumption)"
                )
                rows.append(
                    {
                        "archetype": archetype.value,
                        "level": level.value,
                        "location": location.value,
                        "currency": s["currency"],
                        **{
                            c: f"{median * (base[c] / base['p50']) ** spread:.0f}"
                            for c in PERCENTILE_COLUMNS
                        },
                        "ml_specific": s["ml_specific"],
                        "source": s["source"],
                        "year": s["year"],
                        "status": s["status"],
                        "derivation": "; ".join(derivation),
                    }
                )
    return rows


def load_rules(path: Path = DERIVATION_FILE) -> dict[str, Any]:
    """data/derivation.toml as a dict (shown on the About the data page)."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load_series(path: Path = SERIES_FILE) -> list[dict[str, str]]:
    """The public series exactly as published (shown on the About the data page)."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def build_csv(series_file: Path = SERIES_FILE, derivation_file: Path = DERIVATION_FILE) -> str:
    """The text of data/benchmarks.csv."""
    rules = load_rules(derivation_file)
    rows = build_rows(series_file.read_text(encoding="utf-8"), rules)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()

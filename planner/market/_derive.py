"""Build data/benchmarks.csv from the public series and the written-down derivation.

`python -m planner build-benchmarks` runs this; a test checks the shipped file matches, so the
numbers in the app can always be traced back to data/source_series.csv and data/derivation.toml.

Every band is yearly base salary. Each band's derivation starts with `series <id>`, the public
series it comes from; archetypes of one location that share a series and a factor have identical
bands and say so ("same series as ...: no public series separates them").
`shared_series_notes` turns that into one plain sentence per location for the app.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from planner.files import DATA_DIR
from planner.market._schema import MAX_TEXT
from planner.market._validation import COLUMNS, PERCENTILE_COLUMNS
from planner.models import LOCATION_TITLE, Archetype, Level, Location, count

SERIES_FILE = DATA_DIR / "source_series.csv"
DERIVATION_FILE = DATA_DIR / "derivation.toml"

# Standard-normal quantiles of the published percentiles, for the log-normal fill.
Z = {"p10": -1.2816, "p25": -0.6745, "p50": 0.0, "p75": 0.6745, "p90": 1.2816}

SHARED_REASON = "no public series separates them"
_SERIES_TOKEN = re.compile(r"(?:^|; )series ([A-Za-z0-9_.\-]+)")
_FACTOR_DECIMALS = 4


def _scaled_known(series: Mapping[str, str], rules: Mapping[str, Any]) -> dict[str, float]:
    per = {"annual": 1.0, "monthly": rules["months_per_year"], "hourly": rules["hours_per_year"]}
    scale = per[series["period"]]
    return {c: float(series[c]) * scale for c in PERCENTILE_COLUMNS if series[c].strip()}


def _log_fit(known: Mapping[str, float]) -> tuple[float, float]:
    """(mu, sigma) of ln(value) = mu + sigma * z, least squares over the known percentiles."""
    z = np.array([Z[c] for c in known])
    logs = np.log(np.array(list(known.values())))
    sigma, mu = np.polyfit(z, logs, 1)
    return float(mu), float(sigma)


def _title(series: Mapping[str, str]) -> str:
    return series["note"].split(";")[0].strip()


def yearly_percentiles(
    series: Mapping[str, str],
    rules: Mapping[str, Any],
    all_series: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[dict[str, float], list[str]]:
    """A series' published percentiles as yearly amounts, missing ones filled; and notes.

    Two or more published percentiles: a log-normal is fitted to them. Only one (a median):
    the log-spread is borrowed from the series named in [fill.spread_from] of the rules.
    """
    known = _scaled_known(series, rules)
    notes = []
    if series["period"] != "annual":
        scale = (
            rules["months_per_year"] if series["period"] == "monthly" else rules["hours_per_year"]
        )
        notes.append(f"{series['period']} x{scale:g} for a year")
    missing = [c for c in PERCENTILE_COLUMNS if c not in known]
    if missing:
        names = ", ".join(m.upper() for m in missing)
        if len(known) >= 2:
            mu, sigma = _log_fit(known)
            notes.append(f"{names} from a log-normal fit (assumption)")
        else:
            donor_id = rules.get("fill", {}).get("spread_from", {}).get(series["series"])
            if not known or donor_id is None or all_series is None or donor_id not in all_series:
                raise ValueError(
                    f"series {series['series']} publishes {count(len(known), 'percentile')}; "
                    "name a series to borrow its spread from in [fill.spread_from] of "
                    "derivation.toml"
                )
            donor = all_series[donor_id]
            _, sigma = _log_fit(_scaled_known(donor, rules))
            mu = float(np.mean([math.log(v) - sigma * Z[c] for c, v in known.items()]))
            notes.append(
                f"{names} from a log-normal through the median with the spread of "
                f"{_title(donor)} (assumption)"
            )
        for c in missing:
            known[c] = math.exp(mu + sigma * Z[c])
    return {c: known[c] for c in PERCENTILE_COLUMNS}, notes


def factor_from_inputs(inputs: Mapping[str, Any]) -> float:
    """Employment-weighted mean of the metro figures over the national one, to 4 decimals."""
    metro = [float(v) for v in inputs["metro"]]
    weights = [float(w) for w in inputs.get("weights", [1.0] * len(metro))]
    if len(metro) != len(weights) or not metro:
        raise ValueError("factor_inputs: metro and weights must be non-empty and of equal length")
    mean = sum(m * w for m, w in zip(metro, weights, strict=True)) / sum(weights)
    return round(mean / float(inputs["national"]), _FACTOR_DECIMALS)


def location_factor(rules: Mapping[str, Any], location: str, archetype: str) -> dict[str, Any]:
    """The factor that scales `archetype`'s series in `location`, with its source, year, status."""
    loc = rules["locations"][location]
    own = loc.get("by_archetype", {}).get(archetype)
    spec = own if own is not None else loc
    value = float(spec["factor"])
    factor = {
        "factor": value,
        "source": str(spec["factor_source"]),
        "year": int(spec["factor_year"]),
        "status": str(spec["factor_status"]),
    }
    inputs = spec.get("factor_inputs")
    if inputs is not None and factor_from_inputs(inputs) != round(value, _FACTOR_DECIMALS):
        raise ValueError(
            f"derivation.toml, locations.{location}: factor {value:g} does not match "
            f"its factor_inputs ({factor_from_inputs(inputs):g})"
        )
    return factor


def shared_series(rules: Mapping[str, Any]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Per location: (series id, archetypes) for every series two or more archetypes share.

    Only archetypes with the same series *and* the same factor are grouped: their bands are
    identical because no public series separates them.
    """
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for location in Location:
        groups: dict[tuple[str, float], list[str]] = {}
        for archetype in Archetype:
            sid = rules["locations"][location.value][archetype.value]
            factor = location_factor(rules, location.value, archetype.value)["factor"]
            groups.setdefault((sid, factor), []).append(archetype.value)
        shared = [(sid, tuple(a)) for (sid, _), a in groups.items() if len(a) > 1]
        if shared:
            out[location.value] = shared
    return out


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def build_rows(series_text: str, rules: Mapping[str, Any]) -> list[dict[str, str]]:
    """Every archetype x level x location band, in the benchmarks CSV format."""
    series = {row["series"]: row for row in csv.DictReader(io.StringIO(series_text))}
    shared = shared_series(rules)
    rows = []
    for location in Location:
        loc = rules["locations"][location.value]
        for archetype in Archetype:
            sid = loc[archetype.value]
            s = series[sid]
            base, notes = yearly_percentiles(s, rules, series)
            fac = location_factor(rules, location.value, archetype.value)
            peers = next((a for _, a in shared.get(location.value, []) if archetype.value in a), ())
            spread = rules["levels"]["spread"]
            for level in Level:
                anchor = f"p{rules['levels'][level.value]}"
                median = base[anchor] * fac["factor"]
                derivation = [f"series {sid}: {_title(s)}", s["pay"], *notes]
                if fac["factor"] != 1.0:
                    derivation.append(
                        f"x{fac['factor']:g} for the location ({fac['source']}, "
                        f"{fac['year']}, {fac['status']})"
                    )
                elif fac["status"] == "assumption":
                    derivation.append(fac["source"])
                if peers:
                    others = [a for a in peers if a != archetype.value]
                    derivation.append(f"same series as {_and(others)}: {SHARED_REASON}")
                derivation.append(
                    f"{level.value} median at the all-levels {anchor.upper()}, "
                    f"spread x{spread:g} (assumption)"
                )
                text = "; ".join(derivation)
                if len(text) > MAX_TEXT:
                    raise ValueError(
                        f"derivation of {archetype.value}/{level.value}/{location.value} is "
                        f"{len(text)} characters (limit {MAX_TEXT}): shorten a source text"
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
                        "derivation": text,
                    }
                )
    return rows


def series_of(derivation: str) -> str | None:
    """The public series a band comes from (`series <id>` in its derivation), if it says."""
    match = _SERIES_TOKEN.search(derivation or "")
    return match.group(1) if match else None


def _rows(table_or_rows: Any) -> list[Mapping[str, Any]]:
    frame = getattr(table_or_rows, "frame", table_or_rows)  # a BandTable or a DataFrame
    if isinstance(frame, pd.DataFrame):
        return [dict(record) for record in frame.to_dict("records")]
    return list(table_or_rows)


def shared_series_notes(
    table_or_rows: Any,
    location: str | Location | None = None,
    archetypes: Collection[str] | None = None,
) -> list[str]:
    """Plain sentences naming the archetypes whose pay comes from one shared public series.

    Takes a BandTable, a DataFrame or rows (mappings with archetype, level, location, the
    percentiles and derivation). Archetypes of one location are named together when their
    derivations name the same series and their bands are identical at every level, e.g.
    "New York: operator pay = developer pay: no public series separates them (series
    bls_software_developers)." Rows whose derivation names no series (e.g. uploads) are skipped;
    `archetypes` keeps only those archetypes (a plan's own).
    """
    wanted = None if location is None else str(getattr(location, "value", location))
    bands: dict[tuple[str, str, str], dict[str, tuple[float, ...]]] = {}
    for row in _rows(table_or_rows):
        loc = str(row["location"])
        sid = series_of(str(row.get("derivation", "")))
        if sid is None or (wanted is not None and loc != wanted):
            continue
        key = (loc, sid, str(row["archetype"]))
        values = tuple(round(float(row[c]), 2) for c in PERCENTILE_COLUMNS)
        bands.setdefault(key, {})[str(row["level"])] = values
    notes = []
    order = {a.value: i for i, a in enumerate(Archetype)}
    for loc in [x.value for x in Location] + sorted({k[0] for k in bands} - set(Location)):
        by_series: dict[str, list[str]] = {}
        for k_loc, sid, archetype in bands:
            if k_loc == loc:
                by_series.setdefault(sid, []).append(archetype)
        for sid, found in by_series.items():
            groups: dict[tuple[tuple[str, tuple[float, ...]], ...], list[str]] = {}
            for a in sorted(found, key=lambda x: order.get(x, len(order))):
                groups.setdefault(tuple(sorted(bands[(loc, sid, a)].items())), []).append(a)
            for group in groups.values():
                same = [a for a in group if archetypes is None or a in archetypes]
                if len(same) < 2:
                    continue
                title = LOCATION_TITLE.get(Location(loc), loc) if loc in set(Location) else loc
                pay = " = ".join(f"{a} pay" for a in reversed(same))
                notes.append(f"{title}: {pay}: {SHARED_REASON} (series {sid}).")
    return notes


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

"""Shipped data: derivable from its sources, complete, and refused loudly when broken."""

from __future__ import annotations

import csv
import io
from itertools import combinations

import pytest

from planner.errors import DataFileError
from planner.market._benchmarks import BENCHMARKS_FILE, load_assumptions, load_benchmarks
from planner.market._derive import (
    SERIES_FILE,
    build_csv,
    build_rows,
    factor_from_inputs,
    load_rules,
    series_of,
    shared_series_notes,
)
from planner.market._fx import load_fx
from planner.market._validation import PERCENTILE_COLUMNS
from planner.models import Archetype, Currency, Level, Location
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken_data"
UPLOADS = FIXTURES / "uploads"

BROKEN_ASSUMPTIONS = [
    ("bad_type.toml", "key ai_premium.value: Input should be a valid number"),
    (
        "fee_out_of_range.toml",
        "key agency_fee: value must be a share from 0 to 1, i.e. 0–100%, got 1.5",
    ),
    ("missing_key.toml", "key interview_hours: Field required"),
    ("not_toml.toml", "not valid TOML"),
]


def test_shipped_csv_is_exactly_its_derivation():
    """data/benchmarks.csv is what source_series.csv + derivation.toml produce: no hand edits."""
    assert BENCHMARKS_FILE.read_text(encoding="utf-8") == build_csv()


def test_every_archetype_level_and_location_has_a_band(bands):
    """3 archetypes x 4 levels x 8 locations, each with a source, a year and a status."""
    for archetype in Archetype:
        for level in Level:
            for location in Location:
                band = bands.band(archetype, level, location)
                assert band is not None, (archetype, level, location)
                assert band.p10 < band.p25 < band.p50 < band.p75 < band.p90
                assert band.source.source and 2020 <= band.source.year <= 2026
                assert band.derivation


def test_levels_rise_within_each_location(bands):
    """Junior < mid < senior < staff medians, everywhere."""
    for archetype in Archetype:
        for location in Location:
            medians = [bands.band(archetype, lvl, location).p50 for lvl in Level]
            assert medians == sorted(medians) and len(set(medians)) == 4


def test_filled_percentiles_are_labelled_as_assumptions(bands):
    """Berlin's P10/P90 and Toronto's P25/P75 are not published: the derivation says so."""
    berlin = bands.band(Archetype.DEVELOPER, Level.MID, Location.BERLIN)
    toronto = bands.band(Archetype.DEVELOPER, Level.MID, Location.TORONTO)
    assert "P10, P90 from a log-normal fit (assumption)" in berlin.derivation
    assert "P25, P75 from a log-normal fit (assumption)" in toronto.derivation
    # Germany's published quartiles survive the fill: mid median 5,536 x 12.
    assert berlin.p50 == pytest.approx(66_432)


def _shipped_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(BENCHMARKS_FILE.read_text(encoding="utf-8"))))


def _shares_with(derivation: str) -> str:
    """The archetypes named after "same series as" in a derivation ("" if none)."""
    if "same series as " not in derivation:
        return ""
    return derivation.split("same series as ", 1)[1].split(":", 1)[0]


def _unmarked_identical_bands(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(location, archetype, archetype) pairs with identical bands at every level whose
    derivations do not both name the same series and each other as sharing it."""
    bands: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    texts: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        key = (r["location"], r["archetype"])
        bands.setdefault(key, {})[r["level"]] = tuple(r[c] for c in PERCENTILE_COLUMNS)
        texts.setdefault(key, []).append(r["derivation"])
    bad = []
    for loc, a, b in sorted(
        (loc, a, b)
        for loc in {k[0] for k in bands}
        for a, b in combinations(sorted(k[1] for k in bands if k[0] == loc), 2)
    ):
        if bands[(loc, a)] != bands[(loc, b)]:
            continue
        series = {series_of(d) for d in texts[(loc, a)] + texts[(loc, b)]}
        marked = (
            len(series) == 1
            and None not in series
            and all(b in _shares_with(d) for d in texts[(loc, a)])
            and all(a in _shares_with(d) for d in texts[(loc, b)])
        )
        if not marked:
            bad.append((loc, a, b))
    return bad


def test_identical_bands_are_marked_as_sharing_a_series():
    """Two archetypes of one location with the same band must both say which series they share."""
    rows = _shipped_rows()
    assert _unmarked_identical_bands(rows) == []
    # The check bites: strip the marker from the operator rows and it reports the pair.
    tampered = [
        {**r, "derivation": r["derivation"].split("; same series as")[0]}
        if r["archetype"] == "operator"
        else r
        for r in rows
    ]
    assert ("us_national", "developer", "operator") in _unmarked_identical_bands(tampered)


def test_shared_series_notes_name_each_location():
    """One sentence per location where no public series separates two archetypes."""
    notes = shared_series_notes(_shipped_rows())
    assert (
        "United States (national): operator pay = developer pay: no public series separates "
        "them (series bls_software_developers)." in notes
    )
    assert any(n.startswith("London: operator pay = developer pay = researcher pay") for n in notes)
    assert any(n.startswith("Berlin: ") for n in notes) and any(
        n.startswith("Toronto: ") for n in notes
    )
    # US researchers have their own series, so they are never named as sharing one.
    assert not any("researcher" in n for n in notes if n.startswith("United States"))
    assert shared_series_notes(_shipped_rows(), location="new_york") == [
        "New York: operator pay = developer pay: no public series separates them "
        "(series bls_software_developers)."
    ]


def test_shared_series_notes_name_only_a_plans_own_archetypes(bands, assumptions, fx):
    """Given a plan's archetypes, only those are named: a US researcher + developer plan shares
    no series (the operator who shares the developers' series is not in it), and in London the
    developer and researcher are named but not the operator."""
    from planner import Answers, make_plan

    rows = _shipped_rows()
    assert shared_series_notes(rows, "us_national", {"researcher", "developer"}) == []
    assert shared_series_notes(rows, "london", {"researcher", "developer"}) == [
        "London: developer pay = researcher pay: no public series separates them "
        "(series itjobswatch_london_ml)."
    ]
    plan = make_plan(Answers(), bands, assumptions, fx, trials=100)  # researcher + developer
    assert not [a for a in plan.advice if a.code == "shared_band"]


def test_shared_series_notes_accept_a_band_table_and_skip_unlabelled_rows(bands):
    """The app can pass the active BandTable; uploaded rows without a series are ignored."""
    assert shared_series_notes(bands) == shared_series_notes(_shipped_rows())
    upload = [
        {**r, "derivation": "from our survey"} for r in _shipped_rows() if r["location"] == "london"
    ]
    assert shared_series_notes(upload) == []


def test_bay_area_developers_are_national_times_the_bls_metro_ratio(bands):
    """SF developer median = national median x BLS May 2021 SF/San Jose-to-US ratio (1.3544)."""
    weighted = (161_930 * 64_460 + 165_030 * 67_780) / (64_460 + 67_780)
    ratio = round(weighted / 120_730, 4)
    assert ratio == 1.3544
    assert factor_from_inputs(load_rules()["locations"]["sf_bay_area"]["factor_inputs"]) == ratio
    for level in Level:
        national = bands.band(Archetype.DEVELOPER, level, Location.US_NATIONAL)
        metro = bands.band(Archetype.DEVELOPER, level, Location.SF_BAY_AREA)
        assert metro.p50 == pytest.approx(national.p50 * ratio, abs=1)
        assert "BLS OEWS May 2021" in metro.derivation and "OPM" not in metro.derivation


@pytest.mark.parametrize(
    ("location", "factor", "status"),
    [("new_york", 1.1264, "assumption"), ("seattle", 1.25, "assumption")],
)
def test_metros_without_an_occupation_figure_are_labelled_assumptions(
    location, factor, status, bands
):
    """New York and Seattle rest on BLS computer-and-math group ratios, labelled as assumptions."""
    for archetype in Archetype:
        national = bands.band(archetype, Level.SENIOR, Location.US_NATIONAL)
        metro = bands.band(archetype, Level.SENIOR, Location(location))
        assert metro.p50 == pytest.approx(national.p50 * factor, abs=1)
        assert f"x{factor:g} for the location (our assumption" in metro.derivation
        assert f", {status})" in metro.derivation and "OPM" not in metro.derivation


def test_us_researchers_come_from_research_scientists(bands):
    """Researchers map to SOC 15-1221: mid median 140,910, other percentiles filled, said so."""
    band = bands.band(Archetype.RESEARCHER, Level.MID, Location.US_NATIONAL)
    assert band.p50 == pytest.approx(140_910)
    assert band.derivation.startswith("series bls_research_scientists: ")
    assert (
        "P10, P25, P75, P90 from a log-normal through the median with the spread of "
        "Software Developers (SOC 15-1252) (assumption)" in band.derivation
    )
    assert bands.band(Archetype.DEVELOPER, Level.MID, Location.US_NATIONAL).p50 == 133_080


def test_every_band_says_it_is_base_salary():
    """No bonus, equity or benefits in any band: each derivation says base salary."""
    assert all("base salary" in r["derivation"] for r in _shipped_rows())


def test_factor_that_does_not_match_its_inputs_stops_the_build():
    """A hand-edited factor that no longer follows from its BLS inputs is refused."""
    rules = load_rules()
    rules["locations"]["sf_bay_area"]["factor"] = 1.25
    with pytest.raises(ValueError, match="does not match its factor_inputs"):
        build_rows(SERIES_FILE.read_text(encoding="utf-8"), rules)


def test_a_median_only_series_needs_a_spread_to_borrow():
    """Without [fill.spread_from], a series with one published percentile cannot be filled."""
    rules = load_rules()
    del rules["fill"]
    with pytest.raises(ValueError, match="spread_from"):
        build_rows(SERIES_FILE.read_text(encoding="utf-8"), rules)


def test_shipped_assumptions_are_sourced(assumptions):
    """The AI/ML premium is Compa's 12.5%, inside its published 10-15% range; time to fill is
    Workable's 58-day engineering average; the notice default is the US two weeks of
    data/time_to_start.toml; bonus is zero and labelled as our assumption."""
    from planner.models import Level, Location

    assert not hasattr(assumptions, "benefits_share")  # on-costs come by country now
    assert assumptions.ai_premium.value == pytest.approx(0.125)
    assert assumptions.premium_range == pytest.approx((0.10, 0.15))
    assert assumptions.ai_premium.source.startswith("Compa")
    for archetype in ("researcher", "developer", "operator"):
        fill = getattr(assumptions, f"time_to_fill_{archetype}")
        assert fill.value == 58 and fill.status.value == "secondary" and fill.year == 2017
    us_notice, _ = assumptions.notice(Location.US_NATIONAL, Level.SENIOR)
    assert assumptions.notice_days.value == us_notice == 14
    assert assumptions.bonus_share.value == 0
    assert assumptions.bonus_share.status.value == "assumption"
    assert assumptions.work_hours_per_year.status.value == "assumption"


def test_fx_table_is_dated():
    """Every currency has a dated rate; USD is the unit."""
    fx = load_fx()
    assert fx.factor(Currency.GBP, Currency.USD) == pytest.approx(1.37)
    assert fx.factor(Currency.USD, Currency.EUR) == pytest.approx(1 / 1.172)
    assert {c.value for c in fx.rates} == {"USD", "EUR", "GBP", "CAD"}
    assert all(r.date.year == 2025 for r in fx.rates.values())


def test_broken_shipped_benchmarks_stop_with_file_row_and_column(tmp_path):
    """A broken data/benchmarks.csv names the file, the row, the column and the fix."""
    path = tmp_path / "benchmarks.csv"
    path.write_bytes((UPLOADS / "out_of_order.csv").read_bytes())
    with pytest.raises(DataFileError) as err:
        load_benchmarks(path)
    assert str(err.value) == (
        f"{path}, row 2, p50..p75: p50 (130,000) is above p75 (120,000) — "
        "percentiles must rise from p10 to p90"
    )


def test_many_problems_in_shipped_data_are_counted(tmp_path):
    """The message shows the first problem and how many more there are."""
    path = tmp_path / "benchmarks.csv"
    path.write_bytes((UPLOADS / "many_problems.csv").read_bytes())
    with pytest.raises(DataFileError, match=r"\(and 63 more problems\)"):
        load_benchmarks(path)


@pytest.mark.parametrize(("name", "message"), BROKEN_ASSUMPTIONS)
def test_broken_assumptions_name_the_key(name, message):
    """Each broken assumptions file fails with the file name and the key at fault."""
    path = BROKEN / name
    with pytest.raises(DataFileError) as err:
        load_assumptions(path)
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)


def test_missing_file_says_so(tmp_path):
    """A missing data file is named, with how to get it back."""
    with pytest.raises(DataFileError, match="file not found"):
        load_benchmarks(tmp_path / "nope.csv")


def test_edited_assumption_out_of_range_is_rejected(assumptions):
    """A user's edit is validated like the file: an agency fee of 300% is refused."""
    with pytest.raises(ValueError, match="agency_fee"):
        assumptions.with_values(agency_fee=3.0)

"""Shipped data: derivable from its sources, complete, and refused loudly when broken."""

from __future__ import annotations

import pytest

from planner.benchmarks import BENCHMARKS_FILE, load_assumptions, load_benchmarks
from planner.derive import build_csv
from planner.errors import DataFileError
from planner.fx import load_fx
from planner.models import Archetype, Currency, Level, Location
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken_data"
UPLOADS = FIXTURES / "uploads"

BROKEN_ASSUMPTIONS = [
    ("bad_type.toml", "key ai_premium.value: Input should be a valid number"),
    ("fee_out_of_range.toml", "key agency_fee: value must be between 0 and 1, got 1.5"),
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


def test_shipped_assumptions_are_sourced(assumptions):
    """Benefits load follows from the BLS share: 0.298 / 0.702."""
    assert assumptions.benefits_load == pytest.approx(0.298 / 0.702)
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

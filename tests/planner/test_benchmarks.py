"""Shipped data loads; a broken data file fails with a message naming file, row and column."""

from __future__ import annotations

import pytest

from planner.benchmarks import DataFileError, load_assumptions, load_benchmarks
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken_data"

BROKEN_BENCHMARKS = [
    ("non_numeric.csv", "row 3, column p50: Input should be a valid number"),
    ("out_of_order.csv", "row 3, column p10..p90: percentiles must rise"),
    ("unknown_archetype.csv", "row 3, column archetype: Input should be 'researcher'"),
    ("header_only.csv", "no data rows under the header"),
    ("empty.csv", "the file is empty"),
    ("missing_column.csv", "row 1 (header): missing column(s) occupation"),
    ("negative.csv", "row 2, column p10: Input should be greater than 0 (got '-5')"),
    ("extra_cell.csv", "row 2: more cells than columns"),
    ("infinite.csv", "row 2, column p90: Input should be a finite number"),
    ("unknown_currency.csv", "row 2, column currency: Input should be 'USD' (got 'EUR')"),
    ("utf16.csv", "not UTF-8 text"),
]

BROKEN_ASSUMPTIONS = [
    ("bad_type.toml", "key ai_premium.value: Input should be a valid number"),
    ("fee_out_of_range.toml", "key agency_fee: value must be between 0 and 1, got 1.5"),
    ("missing_key.toml", "key interview_hours: Field required"),
    ("not_toml.toml", "not valid TOML"),
]


def test_shipped_benchmarks_cover_every_archetype(bands):
    """The shipped CSV has a US band for each archetype, each with a source and a year."""
    assert {b.archetype.value for b in bands} == {"researcher", "developer", "operator"}
    for band in bands:
        assert band.p10 < band.p25 < band.p50 < band.p75 < band.p90
        assert "BLS" in band.source.source and band.source.year == 2024


def test_shipped_assumptions_are_sourced(assumptions):
    """Benefits load follows from the BLS share: 0.298 / 0.702."""
    assert assumptions.benefits_load == pytest.approx(0.298 / 0.702)
    assert assumptions.work_hours_per_year.status.value == "assumption"


@pytest.mark.parametrize(("name", "message"), BROKEN_BENCHMARKS)
def test_broken_benchmarks_name_the_problem(name, message):
    """Each broken CSV fails with the file name and the exact place of the problem."""
    path = BROKEN / name
    with pytest.raises(DataFileError) as err:
        load_benchmarks(path)
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)


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

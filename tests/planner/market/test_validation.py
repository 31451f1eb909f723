"""Uploaded salary bands: every broken file gets its exact message; nothing ever raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import validate_benchmarks
from planner.market._validation import COLUMNS, MAX_PROBLEMS_SHOWN, template_csv
from tests.conftest import FIXTURES

UPLOADS = FIXTURES / "uploads"
HEADER = ",".join(COLUMNS)

# file -> (number of problems, the first problem exactly as the app and the CLI show it)
CORPUS = {
    "empty.csv": (1, "the file is empty — start from the template, which has the header row"),
    "whitespace_only.csv": (1, "the file is empty — start from the template, which has the header row"),
    "header_only.csv": (1, "row 2: the file has a header but no data rows — add one row per band under the header"),
    "missing_column.csv": (1, f"row 1: missing column p90 — the header must be: {HEADER}"),
    "extra_column.csv": (1, f"row 1: unknown column 'bonus' — the header must be: {HEADER}"),
    "duplicate_column.csv": (1, f"row 1: missing column p75; repeated column p50 — the header must be: {HEADER}"),
    "semicolons.csv": (1, "row 1: columns are separated by semicolons, not commas — save the file as comma-separated CSV"),
    "tabs.csv": (1, "row 1: columns are separated by tabs, not commas — save the file as comma-separated CSV"),
    "utf16.csv": (1, "the file is not UTF-8 text (undecodable byte at position 0) — save it as 'CSV UTF-8' (Excel) or with UTF-8 encoding"),
    "latin1.csv": (1, "the file is not UTF-8 text (undecodable byte at position 178) — save it as 'CSV UTF-8' (Excel) or with UTF-8 encoding"),
    "spreadsheet.csv": (1, "the file contains NUL bytes, so it is not a text CSV — export the sheet as CSV rather than uploading a spreadsheet file"),
    "non_numeric.csv": (1, "row 2, p50: 'abc' is not a number — write a plain yearly amount such as 120000 (no currency signs or separators)"),
    "currency_sign.csv": (1, "row 2, p75: '$120,000' is not a number — write a plain yearly amount such as 120000 (no currency signs or separators)"),
    "missing_value.csv": (1, "row 2, p25: the value is missing — fill in the salary for this percentile"),
    "negative.csv": (1, "row 2, p10: '-70000' is not above zero — salaries must be positive yearly amounts"),
    "zero.csv": (1, "row 2, p10: '0' is not above zero — salaries must be positive yearly amounts"),
    "nan.csv": (1, "row 2, p25: 'NaN' is not a number — write a plain yearly amount such as 120000 (no currency signs or separators)"),
    "inf.csv": (1, "row 2, p90: 'inf' is infinite — write a finite yearly amount"),
    "monthly.csv": (5, "row 2, p10: '4890' is too small for a yearly salary — use yearly amounts of at least 10,000 (convert monthly or hourly pay)"),
    "cents.csv": (1, "row 2, p90: '14000000' is too large for a yearly salary — use yearly amounts up to 10,000,000 (is it in cents?)"),
    "out_of_order.csv": (1, "row 2, p50..p75: p50 (130,000) is above p75 (120,000) — percentiles must rise from p10 to p90"),
    "unknown_archetype.csv": (1, "row 2, archetype: 'wizard' is not a known archetype — use one of: researcher, developer, operator"),
    "unknown_level.csv": (1, "row 2, level: 'principal' is not a known level — use one of: junior, mid, senior, staff"),
    "unknown_location.csv": (1, "row 2, location: 'paris' is not a known location — use one of: us_national, sf_bay_area, new_york, seattle, us_remote, london, berlin, toronto"),
    "unknown_currency.csv": (1, "row 2, currency: 'JPY' is not a known currency — use one of: USD, GBP, EUR, CAD"),
    "bad_ml_specific.csv": (1, "row 2, ml_specific: 'yes' must be true or false — use one of: true, false"),
    "bad_status.csv": (1, "row 2, status: 'guess' is not a known status — use one of: primary, secondary, assumption"),
    "bad_year.csv": (1, "row 2, year: '2024.5' is not a year between 1990 and 2027 — write the four-digit year the figures describe"),
    "missing_source.csv": (1, "row 2, source: the source is missing — name who published the figures, e.g. 'Pave export, Oct 2026'"),
    "duplicate_rows.csv": (1, "row 4, archetype, level, location: repeats the band of row 2 — keep one band per archetype, level and location"),
    "ragged_row.csv": (1, "row 3: this row has 15 cells; the header has 14 — remove the extra comma, or put quotes around text that contains commas"),
    "blank_row.csv": (1, "row 3: the row is empty — delete the empty row"),
    "long_text.csv": (1, "row 2, derivation: the cell is longer than 500 characters — shorten it"),
    "many_problems.csv": (64, "row 2, p50: 'oops' is not a number — write a plain yearly amount such as 120000 (no currency signs or separators)"),
}  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), sorted(CORPUS.items()))
def test_broken_upload_gives_its_exact_message(name, expected):
    """Each broken file is refused whole, with the row, column and fix the user needs."""
    count, first = expected
    report = validate_benchmarks((UPLOADS / name).read_bytes(), name=name)
    assert report.table is None
    assert report.problem_count == count
    assert str(report.problems[0]) == first


def test_corpus_is_complete():
    """Every file in the corpus is in the table above (or is a good file), and vice versa."""
    files = {p.name for p in UPLOADS.glob("*.csv")}
    assert files - {"good.csv", "good_bom_crlf.csv", "good_no_derivation.csv"} == set(CORPUS)
    assert len(CORPUS) >= 20


def test_many_problems_shows_the_first_fifty_in_row_order():
    """64 problems: 50 are shown, sorted by row then column, and the count says 64."""
    report = validate_benchmarks((UPLOADS / "many_problems.csv").read_bytes())
    assert len(report.problems) == MAX_PROBLEMS_SHOWN
    rows = [(p.row, p.column) for p in report.problems]
    assert rows[:2] == [(2, "p50"), (2, "year")]
    assert rows == sorted(rows, key=lambda rc: (rc[0], COLUMNS.index(rc[1])))


def test_each_bad_choice_is_quoted_at_its_own_row():
    """Unknown values in a choice column are judged once per distinct value, yet every row's
    message quotes that row's own value; a value that only differs in case or spaces passes."""
    from planner.market._benchmarks import BENCHMARKS_FILE

    lines = BENCHMARKS_FILE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], [line.split(",", 1) for line in lines[1:6]]
    archetypes = ["wizard", " Developer ", "guru", "wizard", "operator"]
    body = [f"{a},{rest[1]}" for a, rest in zip(archetypes, rows, strict=True)]
    report = validate_benchmarks(("\n".join([header, *body]) + "\n").encode())
    assert [(p.row, p.message) for p in report.problems if p.column == "archetype"] == [
        (2, "'wizard' is not a known archetype"),
        (4, "'guru' is not a known archetype"),
        (5, "'wizard' is not a known archetype"),
    ]


@pytest.mark.parametrize("name", ["good.csv", "good_bom_crlf.csv", "good_no_derivation.csv"])
def test_good_files_load(name):
    """A byte-order mark, CRLF line ends and a missing optional column are all fine."""
    report = validate_benchmarks((UPLOADS / name).read_bytes(), name=name)
    assert report.ok, report.problems
    band = report.table.frame.iloc[0]
    assert band["location"] == "london" and band["p50"] == 100_000
    assert set(report.table.frame["origin"]) == {name}


def test_file_over_the_size_limit_is_refused_before_parsing():
    """A file over the configured limit is refused with both sizes named."""
    data = b"x" * 25_000
    report = validate_benchmarks(data, max_bytes=10_000)
    assert not report.ok
    assert report.problems[0].message == "the file is 25.0 kB; the limit is 10.0 kB"
    big = validate_benchmarks(b"x" * 30_000_000)
    assert big.problems[0].message == "the file is 30.0 MB; the limit is 20.0 MB"


def test_template_is_a_valid_upload():
    """The downloadable template passes its own validation."""
    assert validate_benchmarks(template_csv().encode()).ok


def test_shipped_data_is_in_the_upload_format():
    """data/benchmarks.csv validates exactly as an upload would."""
    from planner.market._benchmarks import BENCHMARKS_FILE

    report = validate_benchmarks(BENCHMARKS_FILE.read_bytes(), name="benchmarks.csv")
    assert report.ok
    assert report.table.summary()["rows"] == 3 * 4 * 8


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    """Any bytes at all give a report: a table or at least one problem."""
    report = validate_benchmarks(data)
    assert report.ok or report.problems


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell, min_size=0, max_size=16), max_size=8), st.booleans())
def test_arbitrary_csv_under_a_real_header_never_raises(rows, quote):
    """Random cells under the real header (quoted or not) never raise."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL if quote else csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    report = validate_benchmarks(buffer.getvalue().encode("utf-8"))
    assert report.ok or report.problems


def test_a_validated_table_written_as_csv_reads_back_equal():
    """How a saved scenario keeps its uploaded bands: to_csv in the upload format, checked
    again like an upload when the scenario is opened."""
    first = validate_benchmarks(template_csv().encode(), name="survey.csv")
    assert first.ok and first.table is not None
    again = validate_benchmarks(first.table.to_csv().encode(), name="survey.csv")
    assert again.ok and again.table is not None
    assert again.table.frame.equals(first.table.frame)

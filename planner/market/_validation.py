"""Validate a benchmarks CSV completely before any of it is used.

The schema is a pydantic model (planner/market/_schema.py); the cell checks run vectorised over the
whole frame (_cells.py), so a 100,000-row file validates in about the time pandas needs
to read it. Every problem names its row (the header is row 1, as in a spreadsheet), its
column and how to fix it.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable

import pandas as pd
from pydantic import BaseModel, ConfigDict

from planner.bounds import BENCHMARKS_UPLOAD
from planner.market._bandtable import BandTable
from planner.market._cells import as_text, check_cells, drop_trailing_blank_rows
from planner.market._schema import (
    CHOICES,
    COLUMNS,
    KEY,
    MAX_PROBLEMS_SHOWN,
    PERCENTILE_COLUMNS,
    BenchmarkRow,
    Problem,
)
from planner.models import plural

MAX_UPLOAD_BYTES = BENCHMARKS_UPLOAD.max_bytes

__all__ = [
    "COLUMNS",
    "KEY",
    "MAX_PROBLEMS_SHOWN",
    "MAX_UPLOAD_BYTES",
    "PERCENTILE_COLUMNS",
    "BenchmarkRow",
    "Problem",
    "Report",
    "column_docs",
    "template_csv",
    "validate_benchmarks",
]


class Report(BaseModel):
    """The outcome: either a table ready to use, or the problems (first 50) and their count."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    problems: tuple[Problem, ...] = ()
    problem_count: int = 0
    table: BandTable | None = None

    @property
    def ok(self) -> bool:
        return self.table is not None


def _fail(name: str, *problems: Problem, count: int | None = None) -> Report:
    shown = tuple(sorted(problems, key=_order)[:MAX_PROBLEMS_SHOWN])
    return Report(name=name, problems=shown, problem_count=count or len(problems))


def _order(p: Problem) -> tuple[int, int]:
    col = COLUMNS.index(p.column) if p.column in COLUMNS else len(COLUMNS)
    return (p.row or 0, col)


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def validate_benchmarks(
    data: bytes, name: str = "upload.csv", max_bytes: int = MAX_UPLOAD_BYTES
) -> Report:
    """Check every cell of a benchmarks CSV; never raises on any input."""
    if len(data) > max_bytes:
        return _fail(
            name,
            Problem(
                message=f"the file is {_size(len(data))}; the limit is {_size(max_bytes)}",
                fix="upload only the bands you need, or split the file",
            ),
        )
    if not data or data.isspace():  # isspace stops at the first printable byte
        return _fail(
            name,
            Problem(
                message="the file is empty", fix="start from the template, which has the header row"
            ),
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Excel's "Unicode text")
        return _fail(name, _not_utf8(data))
    if b"\x00" in data:
        return _fail(
            name,
            Problem(
                message="the file contains NUL bytes, so it is not a text CSV",
                fix="export the sheet as CSV rather than uploading a spreadsheet file",
            ),
        )
    try:
        header_problem = _check_header(data)
    except UnicodeDecodeError:
        return _fail(name, _not_utf8(data))
    if header_problem:
        return _fail(name, header_problem)
    try:
        # Let pandas infer types: a clean file arrives as numbers and booleans, so the checks
        # below are vectorised comparisons; odd cells force a column to text (the slow path).
        with warnings.catch_warnings():  # mixed-type chunks: the checks below handle them
            warnings.simplefilter("ignore")
            frame = pd.read_csv(
                io.BytesIO(data),
                encoding="utf-8-sig",
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                engine="c",
            )
    except UnicodeDecodeError:
        return _fail(name, _not_utf8(data))
    except pd.errors.ParserError as exc:
        return _fail(name, _parser_problem(str(exc)))
    except (ValueError, csv.Error, UnicodeError, OverflowError) as exc:
        return _fail(
            name,
            Problem(
                message=f"the CSV could not be read ({str(exc)[:120]})",
                fix="check the quoting of text cells",
            ),
        )
    if not isinstance(frame.index, pd.RangeIndex):  # pandas took extra leading cells as index
        return _fail(
            name,
            Problem(
                row=2,
                message="this row has more cells than the header",
                fix="remove the extra comma, or put quotes around text that contains commas",
            ),
        )
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = drop_trailing_blank_rows(frame)
    if frame.empty:
        return _fail(
            name,
            Problem(
                row=2,
                message="the file has a header but no data rows",
                fix="add one row per band under the header",
            ),
        )
    problems, count = check_cells(frame)
    if count:
        return _fail(name, *problems, count=count)
    return Report(name=name, table=BandTable.from_frame(_normalise(frame), origin=name))


def _not_utf8(data: bytes) -> Problem:
    try:
        data.decode("utf-8-sig")
        position = "?"
    except UnicodeDecodeError as exc:
        position = str(exc.start)
    return Problem(
        message=f"the file is not UTF-8 text (undecodable byte at position {position})",
        fix="save it as 'CSV UTF-8' (Excel) or with UTF-8 encoding",
    )


def _columns(names: list[str]) -> str:
    """ "column p90" or "columns p90, p75": a header problem names the columns it is about."""
    return f"{plural(len(names), 'column')} {', '.join(names)}"


def _check_header(data: bytes) -> Problem | None:
    end = data.find(b"\n")
    first = data[: end if end >= 0 else len(data)].decode("utf-8-sig").strip("\r")
    for delimiter, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes")):
        if delimiter in first and first.count(delimiter) > first.count(","):
            return Problem(
                row=1,
                message=f"columns are separated by {label}, not commas",
                fix="save the file as comma-separated CSV",
            )
    try:
        header = [c.strip().lower() for c in next(csv.reader([first]), [])]
    except csv.Error:
        header = []  # unreadable: reported below as missing columns
    missing = [c for c in COLUMNS if c not in header and c != "derivation"]
    extra = [c for c in header if c not in COLUMNS]
    dupes = sorted({c for c in header if header.count(c) > 1})
    if missing or extra or dupes:
        parts = []
        if missing:
            parts.append(f"missing {_columns(missing)}")
        if extra:
            parts.append(f"unknown {_columns([repr(c) for c in extra])}")
        if dupes:
            parts.append(f"repeated {_columns(dupes)}")
        return Problem(
            row=1, message="; ".join(parts), fix=f"the header must be: {','.join(COLUMNS)}"
        )
    return None


def _parser_problem(message: str) -> Problem:
    # pandas: "Error tokenizing data. C error: Expected 14 fields in line 5, saw 15"
    words = message.replace(",", " ").split()
    try:
        line = int(words[words.index("line") + 1])
        saw = int(words[words.index("saw") + 1])
        expected = int(words[words.index("Expected") + 1])
    except (ValueError, IndexError):
        return Problem(
            message=f"the CSV could not be read ({message.strip()})",
            fix="check for unbalanced quotes",
        )
    return Problem(
        row=line,
        message=f"this row has {saw} cells; the header has {expected}",
        fix="remove the extra comma, or put quotes around text that contains commas",
    )


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Canonical dtypes and spellings for a frame that passed every check."""

    def text(column: str, upper: bool = False) -> pd.Series:
        col = frame[column]
        if col.isin(CHOICES[column]).all():
            return col.astype(str)
        stripped = as_text(col)
        return stripped.str.upper() if upper else stripped.str.lower()

    ml = frame["ml_specific"]
    return pd.DataFrame(
        {
            "archetype": text("archetype"),
            "level": text("level"),
            "location": text("location"),
            "currency": text("currency", upper=True),
            **{
                c: frame[c].astype(float)
                if pd.api.types.is_numeric_dtype(frame[c])
                else pd.to_numeric(as_text(frame[c]))
                for c in PERCENTILE_COLUMNS
            },
            "ml_specific": ml
            if pd.api.types.is_bool_dtype(ml)
            else as_text(ml).str.lower() == "true",
            "source": frame["source"].astype(str),
            "year": frame["year"].astype(int)
            if pd.api.types.is_integer_dtype(frame["year"])
            else pd.to_numeric(as_text(frame["year"])).astype(int),
            "status": text("status"),
            "derivation": frame["derivation"].astype(str) if "derivation" in frame else "",
        }
    )


def template_csv() -> str:
    """A header and two example rows in the upload format."""
    rows = [
        list(COLUMNS),
        [
            "developer",
            "senior",
            "london",
            "GBP",
            "70000",
            "85000",
            "100000",
            "120000",
            "140000",
            "true",
            "Your comp survey, Oct 2026",
            "2026",
            "primary",
            "senior band from our survey",
        ],
        [
            "operator",
            "mid",
            "us_remote",
            "USD",
            "120000",
            "135000",
            "150000",
            "170000",
            "190000",
            "false",
            "Pave export",
            "2026",
            "primary",
            "",
        ],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def column_docs() -> Iterable[tuple[str, str, bool]]:
    """(column, what goes in it, required?) for the docs and the app."""
    for name, field in BenchmarkRow.model_fields.items():
        yield name, field.description or "", field.is_required()

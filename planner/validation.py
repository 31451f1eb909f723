"""Validate a benchmarks CSV completely before any of it is used.

The schema is a pydantic model (`BenchmarkRow`): it names the columns, their types and allowed
values, and the app and the docs read it from there. The checks run vectorised over the whole
frame, so a 100,000-row file validates in about the time pandas needs to read it. Every problem
names its row (the header is row 1, as in a spreadsheet), its column and how to fix it.
"""

from __future__ import annotations

import csv
import io
import itertools
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from planner.bandtable import BandTable
from planner.models import Archetype, Currency, Level, Location, SourceStatus

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # 100,000 rows of typical bands fit in about 15 MB
MAX_PROBLEMS_SHOWN = 50
MIN_SALARY = 10_000  # below this a yearly salary is almost surely monthly, hourly or in thousands
MAX_SALARY = 10_000_000  # above this it is almost surely in cents or a typo
MAX_TEXT = 500
PERCENTILE_COLUMNS = ("p10", "p25", "p50", "p75", "p90")


class BenchmarkRow(BaseModel):
    """One salary band: the schema of data/benchmarks.csv and of uploads (in column order)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    archetype: Archetype = Field(description="researcher, developer or operator")
    level: Level = Field(description="junior, mid, senior or staff")
    location: Location = Field(description="one of the planner's location ids, e.g. london")
    currency: Currency = Field(description="USD, GBP, EUR or CAD")
    p10: float = Field(description="10th percentile of yearly base salary")
    p25: float = Field(description="25th percentile")
    p50: float = Field(description="median")
    p75: float = Field(description="75th percentile")
    p90: float = Field(description="90th percentile")
    ml_specific: Literal["true", "false"] = Field(
        description="true if the series is for ML roles; false lifts it by the AI/ML premium"
    )
    source: str = Field(description="who published the figures (at least 3 characters)")
    year: int = Field(description="year the figures describe")
    status: SourceStatus = Field(description="primary, secondary or assumption")
    derivation: str = Field(default="", description="how the band was derived; may be empty")


COLUMNS: tuple[str, ...] = tuple(BenchmarkRow.model_fields)
KEY = ("archetype", "level", "location")


def _choices(column: str) -> tuple[str, ...]:
    annotation = BenchmarkRow.model_fields[column].annotation
    if isinstance(annotation, type) and issubclass(annotation, str) and annotation is not str:
        return tuple(m.value for m in annotation)  # type: ignore[attr-defined]
    return tuple(str(a) for a in get_args(annotation))


CHOICES: dict[str, tuple[str, ...]] = {
    c: _choices(c) for c in ("archetype", "level", "location", "currency", "ml_specific", "status")
}


class Problem(BaseModel):
    """One thing wrong with a file: where it is and how to fix it."""

    model_config = ConfigDict(frozen=True)

    row: int | None = None  # 1 = the header row
    column: str | None = None
    message: str
    fix: str

    def __str__(self) -> str:
        where = ", ".join(
            p for p in (f"row {self.row}" if self.row else "", self.column or "") if p
        )
        return f"{where + ': ' if where else ''}{self.message} — {self.fix}"


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
    frame = _drop_trailing_blank_rows(frame)
    if frame.empty:
        return _fail(
            name,
            Problem(
                row=2,
                message="the file has a header but no data rows",
                fix="add one row per band under the header",
            ),
        )
    problems, count = _check_cells(frame)
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


def _blank(frame: pd.DataFrame) -> pd.Series:
    """Rows whose every cell is empty (only possible when all columns were read as text)."""
    if any(not _is_text(frame[c]) for c in frame.columns):
        return pd.Series(False, index=frame.index)
    return (frame.astype(str).apply(lambda col: col.str.strip()) == "").all(axis=1)


def _drop_trailing_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    blank = _blank(frame)
    if not blank.any():
        return frame
    last = np.flatnonzero(~blank.to_numpy())
    return frame.iloc[: (last[-1] + 1) if len(last) else 0]


def _is_text(col: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col))


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
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unknown column(s) {', '.join(repr(c) for c in extra)}")
        if dupes:
            parts.append(f"repeated column(s) {', '.join(dupes)}")
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


class _Collector:
    """Keeps the first problems of each check and counts them all (cheap on huge files)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.count = 0

    def add(
        self,
        mask: np.ndarray,
        column: str,
        describe: str | Callable[[Any], str],
        fix: str,
        values: pd.Series | Callable[[np.ndarray], Sequence[Any]] | None = None,
    ) -> None:
        """Count the True cells of `mask`; keep a Problem for the first 50.

        `values` gives what each message quotes: a Series, or a function of the row positions,
        so that formatting work is done for 50 cells, not for the whole column.
        """
        n = int(np.count_nonzero(mask))
        if not n:
            return
        self.count += n
        positions = np.flatnonzero(mask)[:MAX_PROBLEMS_SHOWN]
        rows = positions + 2  # spreadsheet rows: the header is row 1
        if values is None:
            shown: Sequence[Any] = [None] * len(positions)
        elif callable(values):
            shown = values(positions)
        else:
            shown = list(values.iloc[positions])
        for row, value in zip(rows, shown, strict=True):
            msg = describe(value) if callable(describe) else str(describe)
            self.problems.append(Problem(row=int(row), column=column, message=msg, fix=fix))


def _short(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _as_text(col: pd.Series) -> pd.Series:
    return col.astype(str).str.strip()


def _check_cells(frame: pd.DataFrame) -> tuple[list[Problem], int]:
    # Masks are numpy bool arrays: on 100,000 rows each pandas operation would cost more.
    out = _Collector()
    blank = _blank(frame).to_numpy()
    out.add(blank, "", "the row is empty", "delete the empty row")
    live = ~blank
    for column in ("archetype", "level", "location", "currency", "ml_specific", "status"):
        col = frame[column]
        if column == "ml_specific" and pd.api.types.is_bool_dtype(col):
            continue
        ok = col.isin(CHOICES[column]).to_numpy()
        if ok.all():
            continue  # the fast path: every value exactly as written in the schema
        text = _as_text(col)
        text = text.str.upper() if column == "currency" else text.str.lower()
        bad = live & ~(ok | text.isin(CHOICES[column]).to_numpy())
        verdict = "must be true or false" if column == "ml_specific" else f"is not a known {column}"
        out.add(  # add() formats immediately, so closing over the loop variables is safe
            bad,
            column,
            lambda v: f"{_short(v)} {verdict}",  # noqa: B023
            f"use one of: {', '.join(CHOICES[column])}",
            _as_text(col),
        )
    numbers = {c: _check_number(out, frame[c], c, live) for c in PERCENTILE_COLUMNS}
    _check_order(out, numbers, live)
    _check_year(out, frame["year"], live)
    source = frame["source"]
    if not _is_text(source):
        source = source.astype(str)
    short = (source.str.len() < 3) | source.str.isspace()
    out.add(
        live & short.to_numpy(dtype=bool, na_value=True),
        "source",
        "the source is missing",
        "name who published the figures, e.g. 'Pave export, Oct 2026'",
    )
    for column in ("source", "derivation"):
        if column in frame and _is_text(frame[column]):
            long = (frame[column].str.len() > MAX_TEXT).to_numpy(dtype=bool, na_value=False)
            out.add(
                live & long, column, f"the cell is longer than {MAX_TEXT} characters", "shorten it"
            )
    _check_duplicates(out, frame, live)
    return out.problems, out.count


def _check_number(out: _Collector, col: pd.Series, column: str, live: np.ndarray) -> np.ndarray:
    """Flag bad salaries; return the column as floats, NaN where a value is unusable."""
    quoted: pd.Series = col
    if _is_text(col) or pd.api.types.is_bool_dtype(col):
        quoted = _as_text(col)
        num = pd.to_numeric(quoted, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        missing = live & (quoted == "").to_numpy()
        nan_text = quoted.str.lower().isin(("nan", "-nan", "+nan", "na", "n/a", "null", "none"))
        out.add(missing, column, "the value is missing", "fill in the salary for this percentile")
        out.add(
            live & ~missing & (np.isnan(num) | nan_text.to_numpy()),
            column,
            lambda v: f"{_short(v)} is not a number",
            "write a plain yearly amount such as 120000 (no currency signs or separators)",
            quoted,
        )
    else:
        num = col.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(num)
        out.add(
            live & np.isinf(num),
            column,
            lambda v: f"{_short(v)} is infinite",
            "write a finite yearly amount",
            quoted,
        )
        out.add(
            live & finite & (num <= 0),
            column,
            lambda v: f"{_short(v)} is not above zero",
            "salaries must be positive yearly amounts",
            quoted,
        )
        out.add(
            live & finite & (num > 0) & (num < MIN_SALARY),
            column,
            lambda v: f"{_short(v)} is too small for a yearly salary",
            f"use yearly amounts of at least {MIN_SALARY:,} (convert monthly or hourly pay)",
            quoted,
        )
        out.add(
            live & finite & (num > MAX_SALARY),
            column,
            lambda v: f"{_short(v)} is too large for a yearly salary",
            f"use yearly amounts up to {MAX_SALARY:,} (is it in cents?)",
            quoted,
        )
        usable = finite & (num >= MIN_SALARY) & (num <= MAX_SALARY)
    return np.where(usable, num, np.nan)


def _check_year(out: _Collector, col: pd.Series, live: np.ndarray) -> None:
    this_year = date.today().year
    if pd.api.types.is_integer_dtype(col):
        year = col.to_numpy(dtype=float)
    else:
        year = pd.to_numeric(_as_text(col), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        ok = (year == np.round(year)) & (year >= 1990) & (year <= this_year + 1)
    out.add(
        live & ~ok,
        "year",
        lambda v: f"{_short(v)} is not a year between 1990 and {this_year + 1}",
        "write the four-digit year the figures describe",
        col,
    )


def _check_duplicates(out: _Collector, frame: pd.DataFrame, live: np.ndarray) -> None:
    # One integer per key: factorize each key column, then combine the codes.
    combined = np.zeros(len(frame), dtype=np.int64)
    for column in KEY:
        codes, uniques = pd.factorize(frame[column])
        combined = combined * (len(uniques) + 1) + codes
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    first_of_row = first[inverse]
    out.add(
        live & (first_of_row != np.arange(len(frame))),
        "archetype, level, location",
        lambda v: f"repeats the band of row {int(v) + 2}",
        "keep one band per archetype, level and location",
        lambda pos: first_of_row[pos],
    )


def _check_order(out: _Collector, numbers: dict[str, np.ndarray], live: np.ndarray) -> None:
    reported = np.zeros(len(live), dtype=bool)
    for lo, hi in itertools.pairwise(PERCENTILE_COLUMNS):
        with np.errstate(invalid="ignore"):
            bad = live & ~reported & (numbers[lo] > numbers[hi])
        low, high = numbers[lo], numbers[hi]
        out.add(  # add() formats immediately, so closing over the loop variables is safe
            bad,
            f"{lo}..{hi}",
            lambda v: f"{lo} ({v[0]:,.0f}) is above {hi} ({v[1]:,.0f})",  # noqa: B023
            "percentiles must rise from p10 to p90",
            lambda pos: list(zip(low[pos], high[pos], strict=True)),  # noqa: B023
        )
        reported |= bad


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Canonical dtypes and spellings for a frame that passed every check."""

    def text(column: str, upper: bool = False) -> pd.Series:
        col = frame[column]
        if col.isin(CHOICES[column]).all():
            return col.astype(str)
        stripped = _as_text(col)
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
                else pd.to_numeric(_as_text(frame[c]))
                for c in PERCENTILE_COLUMNS
            },
            "ml_specific": ml
            if pd.api.types.is_bool_dtype(ml)
            else _as_text(ml).str.lower() == "true",
            "source": frame["source"].astype(str),
            "year": frame["year"].astype(int)
            if pd.api.types.is_integer_dtype(frame["year"])
            else pd.to_numeric(_as_text(frame["year"])).astype(int),
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

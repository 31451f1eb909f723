"""Vectorised checks of every cell of a salary-band upload (see planner/market/_validation.py).

Masks are numpy bool arrays; a problem is kept for the first 50 cells of each check and all
are counted, so a 100,000-row file costs about what reading it costs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from planner.market._schema import (
    CHOICES,
    KEY,
    MAX_PROBLEMS_SHOWN,
    MAX_SALARY,
    MAX_TEXT,
    MIN_SALARY,
    PERCENTILE_COLUMNS,
    Problem,
)


def _blank(frame: pd.DataFrame) -> pd.Series:
    """Rows whose every cell is empty (only possible when all columns were read as text)."""
    if any(not _is_text(frame[c]) for c in frame.columns):
        return pd.Series(False, index=frame.index)
    return (frame.astype(str).apply(lambda col: col.str.strip()) == "").all(axis=1)


def drop_trailing_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    blank = _blank(frame)
    if not blank.any():
        return frame
    last = np.flatnonzero(~blank.to_numpy())
    return frame.iloc[: (last[-1] + 1) if len(last) else 0]


def _is_text(col: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col))


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


def as_text(col: pd.Series) -> pd.Series:
    return col.astype(str).str.strip()


def check_cells(frame: pd.DataFrame) -> tuple[list[Problem], int]:
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
        # A choice column has a handful of distinct values: judge each once, not every row.
        codes, uniques = pd.factorize(col, use_na_sentinel=False)
        written = as_text(pd.Series(uniques, dtype=object))
        text = written.str.upper() if column == "currency" else written.str.lower()
        bad = live & ~text.isin(CHOICES[column]).to_numpy()[codes]  # exact values pass too
        verdict = "must be true or false" if column == "ml_specific" else f"is not a known {column}"
        out.add(  # add() formats immediately, so closing over the loop variables is safe
            bad,
            column,
            lambda v: f"{_short(v)} {verdict}",  # noqa: B023
            f"use one of: {', '.join(CHOICES[column])}",
            lambda positions: list(written.iloc[codes[positions]]),  # noqa: B023
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
        quoted = as_text(col)
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
        year = pd.to_numeric(as_text(col), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
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

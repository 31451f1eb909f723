"""The plan's calendar: it starts on the first day of a fiscal quarter, and its quarters are
named by their fiscal quarter, fiscal year and months.

A plan made mid-quarter starts on the next quarter's first day (a plan made on a quarter's first
day starts that day): budgets are set per fiscal quarter, and the first quarter of the plan is
then a whole one. The fiscal year is named by the calendar year it ends in (FY2027 = Apr 2026 to
Mar 2027 when it starts in April), the usual US and UK company convention.

Cash per quarter is counted in quarters of 365.25 / 4 days from the start (costing._quarters);
a calendar quarter is 90 to 92 days, so a boundary can fall up to two days off the calendar's.
"""

from __future__ import annotations

from datetime import date

MONTHS_PER_QUARTER = 3


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _first_of(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def plan_start(today: date, fiscal_start_month: int = 1) -> date:
    """The first day of the first fiscal quarter that begins on or after `today`."""
    offset = (_month_index(today) - (fiscal_start_month - 1)) % MONTHS_PER_QUARTER
    index = _month_index(today) - offset  # the current quarter's first month
    if offset or today.day > 1:
        index += MONTHS_PER_QUARTER
    return _first_of(index)


def fiscal_quarter(first_day: date, fiscal_start_month: int = 1) -> tuple[int, int]:
    """(quarter 1-4, fiscal year named by the calendar year it ends in) of a quarter's first day."""
    months_in = (first_day.month - fiscal_start_month) % 12
    year_end = _first_of(_month_index(first_day) - months_in + 11)
    return months_in // MONTHS_PER_QUARTER + 1, year_end.year


def quarter_start(start: date, quarter: int) -> date:
    """The first day of the plan's 1-based `quarter` (start is a quarter's first day)."""
    return _first_of(_month_index(start) + (quarter - 1) * MONTHS_PER_QUARTER)


def quarter_label(start: date, quarter: int, fiscal_start_month: int = 1) -> str:
    """The one name of a plan's quarter: 'Q1 2027 · Jan–Mar' when the fiscal year is the calendar
    year, 'Q4 FY2027 · Jan–Mar 2027' otherwise (months across a new year: 'Nov 2026–Jan 2027')."""
    first = quarter_start(start, quarter)
    last = _first_of(_month_index(first) + MONTHS_PER_QUARTER - 1)
    q, fiscal_year = fiscal_quarter(first, fiscal_start_month)
    if fiscal_start_month == 1:
        return f"Q{q} {fiscal_year} · {first:%b}–{last:%b}"
    months = (
        f"{first:%b}–{last:%b %Y}" if first.year == last.year else f"{first:%b %Y}–{last:%b %Y}"
    )
    return f"Q{q} FY{fiscal_year} · {months}"


def day_text(day: date) -> str:
    """A date as said in a sentence: '1 Jan 2027'."""
    return f"{day.day} {day:%b %Y}"

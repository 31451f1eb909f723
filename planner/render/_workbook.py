"""Workbooks for finance: a plan or a roadmap as an .xlsx file (openpyxl).

Numbers are numeric cells with a currency format, the header row is bold and frozen, and there
is no formula anywhere: a text cell that starts like one (= + - @ tab CR) is written as a
string, with Excel's quote prefix, so neither opening nor editing it runs it. The totals are the
plan's own (plan.cost.first_year_total, ...), never summed again here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.costing import YEAR_QUARTERS
from planner.models import LOCATION_TITLE, Archetype, Plan, Source
from planner.render._export import FORMULA_START
from planner.roadmap import Roadmap
from planner.stage import ARCHETYPE_TITLE, FAILURE_TITLE
from planner.text import clean, currency_symbol, excludes_note

MAX_WIDTH = 60  # characters: a longer text wraps in its cell instead of widening the column
_URL = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s,;)]*)?", re.IGNORECASE)

Cell = str | float | int | date | None


class _Money(float):
    """A number shown in the workbook's currency format."""


class _Share(float):
    """A share shown as a percentage."""


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]],
           currency: str) -> Worksheet:  # fmt: skip
    """A sheet: a bold, frozen header and one row per item; widths from the longest cell."""
    ws = wb.create_sheet(title)
    money_format = '"' + currency_symbol(currency) + '"#,##0.00'
    widths = [len(h) for h in header]
    for j, text in enumerate(header, 1):
        cell = ws.cell(1, j, text)
        cell.font = Font(bold=True)
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            cell = ws.cell(i, j)
            if isinstance(value, str):
                text = clean(value)
                cell.value = text
                # openpyxl reads a leading "=" as a formula: force a string, and Excel's quote
                # prefix so that editing the cell keeps it text.
                cell.data_type = "s"
                if text.startswith(FORMULA_START):
                    cell.quotePrefix = True
                if len(text) > MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                widths[j - 1] = max(widths[j - 1], min(len(text), MAX_WIDTH))
            else:
                cell.value = value
                if isinstance(value, _Money):
                    cell.number_format = money_format
                    widths[j - 1] = max(widths[j - 1], len(f"{value:,.2f}") + 2)
                elif isinstance(value, _Share):
                    cell.number_format = "0.0%"
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
                    widths[j - 1] = max(widths[j - 1], 10)
                elif isinstance(value, float):
                    cell.number_format = "0.0"
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = width + 2
    ws.freeze_panes = "A2"
    return ws


def _saved(wb: Workbook) -> bytes:
    del wb["Sheet"]  # the empty sheet openpyxl starts with
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _decision(plan: Plan) -> str:
    """'Hire a senior model developer, then a senior model operator'."""
    hires = [
        f"a {ln.level.value} {ARCHETYPE_TITLE[ln.archetype].lower()}" for ln in plan.cost.lines
    ]
    return "Hire " + ", then ".join(hires) if hires else "No new hire: the team covers this stage"


def _source_rows(sources: Iterable[Source]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for s in dict.fromkeys(sources):
        url = _URL.search(s.source)
        publisher = s.source.split(",")[0].split(" (")[0]
        rows.append([s.label, publisher, s.source, s.year, url.group(0) if url else "",
                     s.status.value])  # fmt: skip
    return rows


SOURCE_HEADER = ("Figure", "Publisher", "Source as cited", "Year", "URL", "Kind")


def plan_workbook(plan: Plan, changed: Sequence[str] = ()) -> bytes:
    """Sheets Summary, Hires, Quarters and Sources. `changed`: the assumptions the user edited,
    one phrase each (the app's Assumptions page); they are listed on the Summary."""
    cur, cost, q = plan.cost.currency, plan.cost, plan.quarters
    wb = Workbook()
    budget = q.budget if q else plan.answers.budget
    fits = (
        "no budget given" if cost.within_budget is None else "yes" if cost.within_budget else "no"
    )
    summary: list[list[Cell]] = [
        ["Decision", _decision(plan)],
        ["Next likely failure", FAILURE_TITLE[plan.diagnosis.next_failure]],
        ["Cash in the first 12 months" + excludes_note(cost), _Money(cost.first_year_total)],
        ["Run rate: cash a year once everyone is hired", _Money(cost.run_rate)],
        ["Budget, first 12 months", _Money(budget) if budget is not None else "none given"],
        ["Fits the budget", fits],
    ]
    if plan.outlook and plan.hires:
        o = plan.outlook
        summary += [
            [f"Simulated cash in the first 12 months, P50 ({o.trials:,} futures)",
             _Money(o.cost_p50)],
            ["Simulated cash in the first 12 months, P90", _Money(o.cost_p90)],
            ["Whole mix in place by (P50)", o.date_p50],
            ["Whole mix in place by (P90)", o.date_p90],
        ]  # fmt: skip
    summary += [
        ["Cost of the search (interviews, ramp-up, empty seat; not cash)",
         _Money(cost.search_cost)],
        ["Equity a year (not cash)", _Money(cost.equity)],
        ["Currency", cur],
        ["Market", LOCATION_TITLE[plan.answers.location]],
        ["Offers at percentile", f"P{cost.pay_percentile}"],
        ["Plan starts (day 0)", q.start if q else "—"],
        ["Hires", len(plan.hires)],
    ]  # fmt: skip
    summary += [["Assumption you changed", text] for text in changed] or [
        ["Assumptions you changed", "none: the shipped values"]
    ]
    _sheet(wb, "Summary", ("Item", "Value"), summary, cur)
    _sheet(wb, "Hires", *_hires(plan), cur)
    _sheet(wb, "Quarters", QUARTER_HEADER, _quarter_rows(plan), cur)
    _sheet(wb, "Sources", SOURCE_HEADER, _source_rows(cost.sources), cur)
    return _saved(wb)


HIRE_HEADER = (
    "Order", "Role", "Archetype", "Level", "Location", "Start day", "Start date", "Start quarter",
    "Base salary", "Employer on-costs", "Bonus", "Run rate", "Recruiting fee",
    "Recruiting fee in the first 12 months", "Share of the 12 months on payroll",
    "Cash in the first 12 months", "Equity a year (not cash)", "Interviewing (not cash)",
    "Ramp-up (not cash)", "Empty seat (not cash)", "Market P10", "Market P25", "Market P50",
    "Market P75", "Market P90", "Band source",
)  # fmt: skip


ONCOSTS_AT = HIRE_HEADER.index("Employer on-costs") + 1  # each component follows the total


def _hires(plan: Plan) -> tuple[tuple[str, ...], list[list[Cell]]]:
    """The Hires sheet: HIRE_HEADER with one column per employer on-cost component after the
    on-costs total (a component a hire does not pay is 0 for it)."""
    labels = list(dict.fromkeys(k for ln in plan.cost.lines for k, _ in ln.oncost_items))
    header = (
        *HIRE_HEADER[:ONCOSTS_AT],
        *(f"On-costs: {label}" for label in labels),
        *HIRE_HEADER[ONCOSTS_AT:],
    )
    rows = []
    for ln, row in zip(plan.cost.lines, _hire_rows(plan), strict=True):
        items = dict(ln.oncost_items)
        parts = [_Money(items.get(label, 0.0)) for label in labels]
        rows.append([*row[:ONCOSTS_AT], *parts, *row[ONCOSTS_AT:]])
    return header, rows


def _hire_rows(plan: Plan) -> list[list[Cell]]:
    q = plan.quarters
    band = {(b.archetype, b.level): b for b in plan.bands}
    quarter = {n: x.label for x in (q.quarters if q else ()) for n in x.starts}
    rows: list[list[Cell]] = []
    for ln in plan.cost.lines:
        b = band[(ln.archetype, ln.level)]
        first_day = q.start + timedelta(days=round(ln.start_day)) if q else None
        rows.append([
            ln.order, ARCHETYPE_TITLE[ln.archetype], ln.archetype.value, ln.level.value,
            LOCATION_TITLE[b.location], round(ln.start_day, 1), first_day,
            quarter.get(ln.order, "after the horizon"), _Money(ln.base), _Money(ln.benefits),
            _Money(ln.bonus), _Money(ln.run_rate), _Money(ln.recruiting), _Money(ln.fee_12m),
            _Share(ln.paid_share), _Money(ln.cash_12m), _Money(ln.equity),
            _Money(ln.interviewing), _Money(ln.ramp), _Money(ln.empty_seat), _Money(b.p10),
            _Money(b.p25), _Money(b.p50), _Money(b.p75), _Money(b.p90), b.source.source,
        ])  # fmt: skip
    return rows


QUARTER_HEADER = (
    "Quarter", "Label", "First day", "Hires starting", "Number starting", "Cash in the quarter",
    "Cumulative cash", "Budget, first 12 months", "Within budget",
)  # fmt: skip


def _quarter_rows(plan: Plan) -> list[list[Cell]]:
    q = plan.quarters
    rows: list[list[Cell]] = []
    for x in q.quarters if q else ():
        in_year = q is not None and q.budget is not None and x.index <= YEAR_QUARTERS
        budget = q.budget if q is not None and in_year else None
        rows.append([
            x.index, x.label, x.first_day, ", ".join(f"#{n}" for n in x.starts) or "—",
            len(x.starts), _Money(x.spend), _Money(x.cumulative),
            _Money(budget) if budget is not None else "—",
            ("yes" if x.cumulative <= budget + 1e-6 else "no") if budget is not None else "—",
        ])  # fmt: skip
    return rows


def roadmap_workbook(roadmap: Roadmap, sources: Sequence[Source] = ()) -> bytes:
    """Sheets Summary, Quarters (team per archetype, spend, budget), Reqs and Sources.
    `sources`: the pricing's sources (bands, on-costs, fees); attrition's is added."""
    cur, budget = roadmap.currency.value, roadmap.budget
    wb = Workbook()
    total = roadmap.quarters[-1].cumulative_spend if roadmap.quarters else 0.0
    fits = "no budget given" if budget.amount is None else "yes" if budget.fits else "no"
    summary: list[list[Cell]] = [
        ["Quarters", len(roadmap.quarters)],
        ["Starts", roadmap.start],
        ["Cash over the roadmap", _Money(total)],
        ["Budget per 12 months", _Money(budget.amount) if budget.amount is not None else "none"],
        ["Fits the budget as needed", fits],
        ["Reqs", len(roadmap.reqs)],
        ["Reqs the budget moves or drops", len(budget.slips)],
        ["Attrition a year", _Share(roadmap.attrition)],
        ["Currency", cur],
        ["Market", LOCATION_TITLE[roadmap.request.answers.location]],
    ]
    summary += [["Budget moves", slip.text] for slip in budget.slips]
    summary += [["Note", note] for note in roadmap.notes]
    _sheet(wb, "Summary", ("Item", "Value"), summary, cur)
    header = ["Quarter", "Label", "Next likely failure", "Milestones"]
    header += [f"Team: {ARCHETYPE_TITLE[a].lower()}s" for a in Archetype]
    header += ["Cash in the quarter", "Cash P50", "Cash P90", "Cumulative cash",
               "Budget per 12 months", "Its 12 months within budget"]  # fmt: skip
    within = {q: y.within for y in budget.years
              for q in range(y.first_quarter, y.last_quarter + 1)}  # fmt: skip
    rows: list[list[Cell]] = []
    for x in roadmap.quarters:
        rows.append([
            x.quarter, x.label, FAILURE_TITLE[x.next_failure], ", ".join(x.milestones) or "—",
            *(x.team.get(a, 0) for a in Archetype), _Money(x.spend), _Money(x.spend_p50),
            _Money(x.spend_p90), _Money(x.cumulative_spend),
            _Money(budget.amount) if budget.amount is not None else "—",
            ("yes" if within.get(x.quarter, True) else "no") if budget.amount is not None
            else "—",
        ])  # fmt: skip
    _sheet(wb, "Quarters", header, rows, cur)
    reqs = [
        [i, ARCHETYPE_TITLE[r.archetype], r.level.value, LOCATION_TITLE[r.location],
         "backfill" if r.backfill else "new", FAILURE_TITLE[r.guards], r.need_quarter,
         r.open_quarter, r.in_place_quarter_p50, r.in_place_quarter_p90, r.delayed_quarters,
         _Money(r.run_rate), _Money(r.recruiting), r.reason]
        for i, r in enumerate(roadmap.reqs, 1)
    ]  # fmt: skip
    _sheet(wb, "Reqs", REQ_HEADER, reqs, cur)
    _sheet(wb, "Sources", SOURCE_HEADER, _source_rows([roadmap.attrition_source, *sources]), cur)
    return _saved(wb)


REQ_HEADER = (
    "Order", "Role", "Level", "Location", "Kind", "Guards against", "Needed in quarter",
    "Opens in quarter", "In place (P50)", "In place (P90)", "Moved later (quarters)",
    "Run rate", "Recruiting fee", "Why",
)  # fmt: skip

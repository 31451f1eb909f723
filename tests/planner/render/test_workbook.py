"""The finance workbook: typed cells with currency formats, the plan's own totals, no formula."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from planner import Answers, make_plan
from planner.render import plan_workbook, roadmap_workbook
from planner.roadmap import RoadmapInput, make_roadmap

HOSTILE = '=HYPERLINK("http://evil.example","click")'
SCALE = Answers(data_maturity="platform", problem_validation="proven", live_models=3, products=3,
                regions=2, budget=1_000_000)  # fmt: skip


@pytest.fixture(scope="module")
def plan(bands, assumptions, fx):
    return make_plan(SCALE, bands, assumptions, fx, start=date(2026, 11, 25), trials=500)


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _column(ws, name):
    header = [c.value for c in ws[1]]
    return [row[header.index(name)] for row in ws.iter_rows(min_row=2)]


def test_workbook_has_its_sheets_frozen_bold_headers_and_currency_cells(plan):
    """Summary, Hires, Quarters, Sources; each header bold and frozen; money as numbers in a
    "$" format; one Hires row per hire."""
    wb = _book(plan_workbook(plan))
    assert wb.sheetnames == ["Summary", "Hires", "Quarters", "Sources"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and all(c.font.bold for c in ws[1] if c.value)
        assert ws.column_dimensions["A"].width > 5
    hires = wb["Hires"]
    assert hires.max_row == 1 + len(plan.cost.lines)
    for name in ("Base salary", "Employer on-costs", "Recruiting fee", "Cash in the first 12 months",
                 "Run rate", "Market P10", "Market P90"):  # fmt: skip
        for cell in _column(hires, name):
            assert isinstance(cell.value, float | int) and cell.number_format == '"$"#,##0.00'


def test_workbook_totals_are_the_plans_own(plan):
    """The Summary's 12-month cash and run rate are plan.cost's, and the columns of Hires and
    the last in-year cumulative of Quarters agree with them."""
    wb = _book(plan_workbook(plan))
    summary = {row[0].value: row[1] for row in wb["Summary"].iter_rows(min_row=2)}
    cash = next(v for k, v in summary.items() if k.startswith("Cash in the first 12 months"))
    assert cash.value == pytest.approx(plan.cost.first_year_total, abs=1e-6)
    assert cash.number_format == '"$"#,##0.00'
    run_rate = summary["Run rate: cash a year once everyone is hired"].value
    assert run_rate == pytest.approx(plan.cost.run_rate, abs=1e-6)
    hires = wb["Hires"]
    total = sum(c.value for c in _column(hires, "Cash in the first 12 months"))
    assert total == pytest.approx(plan.cost.first_year_total, abs=1e-6)
    quarters = wb["Quarters"]
    assert quarters.max_row == 1 + len(plan.quarters.quarters)
    assert _column(quarters, "Cumulative cash")[3].value == pytest.approx(cash.value, abs=1e-6)
    assert [c.value for c in _column(quarters, "Within budget")] == ["yes"] * 4
    assert summary["Fits the budget"].value == "yes"
    kinds = {c.value for c in _column(wb["Sources"], "Kind")}
    assert kinds <= {"primary", "secondary", "assumption"} and "assumption" in kinds


@pytest.mark.parametrize("text", [HOSTILE, "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
def test_hostile_text_stays_a_string(plan, text):
    """A changed-assumption phrase that looks like a formula is written as a string with the
    quote prefix: there is no formula cell anywhere in the workbook."""
    data = plan_workbook(plan, [text])
    wb = _book(data)
    cell = next(r[1] for r in wb["Summary"].iter_rows() if r[0].value == "Assumption you changed")
    assert cell.value == text.replace("\r", "") and cell.data_type == "s" and cell.quotePrefix
    for ws in wb.worksheets:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert b"<f>" not in _sheet_xml(data)


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_roadmap_workbook_has_quarters_reqs_and_sources(bands, assumptions, fx):
    """Summary, Quarters (team per archetype, cash, budget), Reqs, Sources; the cumulative
    cash is the roadmap's."""
    request = RoadmapInput(answers=Answers(budget=600_000), quarters=8)
    roadmap = make_roadmap(request, bands, assumptions, fx)
    wb = _book(roadmap_workbook(roadmap))
    assert wb.sheetnames == ["Summary", "Quarters", "Reqs", "Sources"]
    quarters = wb["Quarters"]
    assert quarters.max_row == 1 + 8
    assert "Team: model researchers" in [c.value for c in quarters[1]]
    last = _column(quarters, "Cumulative cash")[-1]
    assert last.value == pytest.approx(roadmap.quarters[-1].cumulative_spend, abs=1e-6)
    assert last.number_format == '"$"#,##0.00'
    assert wb["Reqs"].max_row == 1 + len(roadmap.reqs)
    assert _column(wb["Sources"], "Figure")[0].value == roadmap.attrition_source.label


@pytest.mark.parametrize("location", ["us_national", "london", "berlin"])
def test_every_employer_on_cost_is_its_own_column_summing_to_the_total(
    location, bands, assumptions, fx
):
    """Finance sees each on-cost component (Social Security, employer NIC, Rentenversicherung
    ...) as a numeric column right after the on-costs total, and the parts add up to it."""
    answers = Answers.model_validate({**SCALE.model_dump(), "location": location, "budget": None})
    plan = make_plan(answers, bands, assumptions, fx, start=date(2026, 11, 25), trials=200)
    hires = _book(plan_workbook(plan))["Hires"]
    header = [c.value for c in hires[1]]
    parts = [h for h in header if h.startswith("On-costs: ")]
    assert len(parts) >= 2
    assert header.index(parts[0]) == header.index("Employer on-costs") + 1
    for row in hires.iter_rows(min_row=2):
        total = row[header.index("Employer on-costs")].value
        items = [row[header.index(p)] for p in parts]
        assert all(isinstance(c.value, float | int) and c.number_format.endswith("#,##0.00")
                   for c in items)  # fmt: skip
        assert sum(c.value for c in items) == pytest.approx(total, abs=0.01)

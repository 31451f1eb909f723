"""Exports: slides with native charts, Markdown, JSON, and tidy CSVs spreadsheets cannot run."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from planner import Answers, make_plan
from planner.render import (
    comparison_pptx,
    cost_csv,
    neutralise,
    plan_json,
    plan_markdown,
    plan_pptx,
    quarters_csv,
)

SCALE = Answers(data_maturity="platform", problem_validation="proven", live_models=3, products=3,
                regions=2, budget=1_000_000)  # fmt: skip


@pytest.fixture(scope="module")
def plan(bands, assumptions, fx):
    return make_plan(SCALE, bands, assumptions, fx, start=date(2026, 11, 25), trials=2000)


def test_pptx_has_three_slides_with_native_charts(plan, tmp_path):
    """Reopened with python-pptx: three slides, each with an editable chart of the plan's
    values, and a last slide with every source."""
    path = tmp_path / "plan.pptx"
    path.write_bytes(plan_pptx(plan))
    prs = Presentation(str(path))
    assert len(prs.slides) == 4  # and the Sources slide
    charts = [next(s.chart for s in slide.shapes if s.has_chart) for slide in list(prs.slides)[:3]]
    last = " ".join(s.text_frame.text for s in list(prs.slides)[3].shapes if s.has_text_frame)
    assert last.startswith("Sources") and all(src.source in last for src in plan.cost.sources)
    assert [c.chart_type for c in charts] == [
        XL_CHART_TYPE.BAR_STACKED, XL_CHART_TYPE.BAR_STACKED, XL_CHART_TYPE.LINE_MARKERS,
    ]  # fmt: skip
    mix = {s.name: list(s.values) for s in charts[0].plots[0].series}
    assert mix["To hire"] == [1.0, 2.0, 2.0]
    # The market is a range: an invisible base at P10, then segments that end at P90, with
    # the offer's mark inside the middle half.
    market = [list(s.values) for s in charts[1].plots[0].series]
    assert market[0] == [round(b.p10) for b in plan.bands]
    ends = [sum(col) for col in zip(*market, strict=True)]
    assert ends == pytest.approx([b.p90 for b in plan.bands], abs=len(market))
    offer = [s.name for s in charts[1].plots[0].series].index("Planned offer (P50)")
    starts = [sum(col[:offer]) for col in zip(*market, strict=True)]
    assert all(b.p25 - 3 <= x <= b.p75 for x, b in zip(starts, plan.bands, strict=True))
    for chart in charts[1:]:
        assert chart.value_axis.tick_labels.number_format == '"$"#,##0'
    cash = {s.name: list(s.values) for s in charts[2].plots[0].series}
    assert cash["Budget, first 12 months"] == [1_000_000.0] * 4  # the budget is for 12 months
    assert cash["Cumulative spend"][-1] == round(plan.quarters.quarters[-1].cumulative)
    for slide in list(prs.slides)[:3]:
        assert (
            "Sources" in slide.notes_slide.notes_text_frame.text
            or "Why" in slide.notes_slide.notes_text_frame.text
        )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("safe", "safe"), (-2.5, -2.5), ("", "")],
)  # fmt: skip
def test_neutralise(cell, expected):
    """Text starting with = + - @ tab or CR gets an apostrophe; numbers stay numbers."""
    assert neutralise(cell) == expected


def test_cost_csv_is_one_tidy_table(plan):
    """One header and one row per hire, every row as wide as the header (no total or source
    rows); the columns sum to the plan's totals; every text cell is safe."""
    rows = list(csv.reader(io.StringIO(cost_csv(plan))))
    header = rows[0]
    assert header[0] == "order" and len(rows) == 1 + len(plan.cost.lines) == 6
    assert {len(r) for r in rows} == {len(header)}
    cash = sum(float(r[header.index("cash_12m")]) for r in rows[1:])
    assert cash == pytest.approx(plan.cost.first_year_total, abs=0.05)
    run_rate = sum(float(r[header.index("run_rate")]) for r in rows[1:])
    assert run_rate == pytest.approx(plan.cost.run_rate, abs=0.05)
    for row, line in zip(rows[1:6], plan.cost.lines, strict=True):
        assert float(row[header.index("cash_12m")]) == pytest.approx(line.cash_12m, abs=0.01)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (
                cell.startswith("-") and not _is_number(cell)
            )


def test_quarters_csv_is_one_tidy_table(plan):
    """One row per quarter, as wide as the header; the fourth quarter's cumulative cash is the
    plan's 12-month cash, and the budget is within it."""
    rows = list(csv.reader(io.StringIO(quarters_csv(plan))))
    header = rows[0]
    assert header[:5] == ["quarter", "label", "starts", "spend", "cumulative"]
    assert {len(r) for r in rows} == {len(header)} and len(rows) == 1 + 4
    assert float(rows[4][header.index("cumulative")]) == pytest.approx(
        plan.cost.first_year_total, abs=0.01
    )
    assert [r[header.index("within_budget")] for r in rows[1:]] == ["true"] * 4
    assert rows[1][header.index("starts")] == "#1 #2"


def test_comparison_deck_has_cash_bars_a_budget_line_and_a_table(plan, bands, assumptions, fx):
    """2-4 scenarios: one slide with 12-month cash bars, the budget as a line over them, a
    table; then the sources. One scenario, or mixed currencies, are refused."""
    small = make_plan(Answers(budget=400_000), bands, assumptions, fx, trials=200)
    deck = Presentation(io.BytesIO(comparison_pptx({"Scale": plan, "=cmd|' /C": small}, 600_000)))
    assert len(deck.slides) == 2
    shapes = list(deck.slides[0].shapes)
    chart = next(s.chart for s in shapes if s.has_chart)
    assert [round(v) for v in chart.plots[0].series[0].values] == [
        round(plan.cost.first_year_total),
        round(small.cost.first_year_total),
    ]
    assert type(chart.plots[1]).__name__ == "LinePlot"  # the budget, on the same axes
    assert list(chart.plots[1].series[0].values) == [600_000.0, 600_000.0]
    table = next(s.table for s in shapes if s.has_table)
    assert table.cell(2, 0).text == "=cmd|' /C" and table.cell(1, 4).text == "no"
    sources = " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    assert all(src.source in sources for src in plan.cost.sources)
    with pytest.raises(ValueError, match="2 to 4"):
        comparison_pptx({"only": plan})
    euro = make_plan(Answers(location="berlin"), bands, assumptions, fx, trials=200)
    with pytest.raises(ValueError, match="different currencies"):
        comparison_pptx({"a": plan, "b": euro})


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_markdown_and_json_carry_the_whole_plan(plan):
    """Markdown has every section; JSON parses and holds the same total."""
    md = plan_markdown(plan)
    for heading in (
        "## Next likely failure",
        "## Who to hire",
        "## Cost",
        "## Quarter plan",
        "## Sources",
    ):
        assert heading in md
    data = json.loads(plan_json(plan))
    assert data["cost"]["first_year_total"] == pytest.approx(plan.cost.first_year_total, abs=0.01)


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "pptx", "xlsx"])
def test_cli_writes_every_format(tmp_path, fmt):
    """plan --format X --out FILE writes a non-empty file; pptx or xlsx without --out is
    refused."""
    out = tmp_path / f"plan.{fmt}"
    argv = [sys.executable, "-m", "planner", "plan", "--data-maturity", "ad_hoc", "--problem",
            "exploring", "--live-models", "0", "--products", "1", "--regions", "1",
            "--format", fmt]  # fmt: skip
    proc = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0 and out.stat().st_size > 100
    if fmt in ("pptx", "xlsx"):
        refused = subprocess.run(argv, capture_output=True, text=True)
        assert refused.returncode == 2 and "--out FILE" in refused.stderr


def test_markdown_table_keeps_its_shape_whatever_the_text():
    """Pipes, dollars, backslashes and newlines in cells cannot add columns or rows."""
    from planner.text import markdown_table

    table = markdown_table(("Name", "Cost"), [("a | b", "$1,000"), ("c\\d\ne", 2)], right=(1,))
    assert table.splitlines() == [
        "| Name | Cost |",
        "|---|---:|",
        "| a \\| b | \\$1,000 |",
        "| c\\\\d e | 2 |",
    ]

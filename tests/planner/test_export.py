"""Exports: slides with native charts, Markdown, JSON, and a CSV that spreadsheets cannot run."""

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
from planner.render._export import cost_csv, neutralise, plan_json, plan_markdown, plan_pptx

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
        XL_CHART_TYPE.BAR_STACKED, XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.LINE_MARKERS,
    ]  # fmt: skip
    mix = {s.name: list(s.values) for s in charts[0].plots[0].series}
    assert mix["To hire"] == [1.0, 2.0, 2.0]
    market = {s.name: list(s.values) for s in charts[1].plots[0].series}
    assert market["Median"] == [round(b.p50) for b in plan.bands]
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


def test_cost_csv_rows_match_the_plan(plan):
    """One row per hire, a total row, and source rows; every text cell is safe."""
    rows = list(csv.reader(io.StringIO(cost_csv(plan))))
    assert rows[0][0] == "order" and len(rows[1:6]) == 5
    total = next(r for r in rows if r[0] == "total")
    header = rows[0]
    assert float(total[header.index("cash_12m")]) == pytest.approx(
        plan.cost.first_year_total, abs=0.01
    )
    assert float(total[header.index("run_rate")]) == pytest.approx(plan.cost.run_rate, abs=0.01)
    for row, line in zip(rows[1:6], plan.cost.lines, strict=True):
        assert float(row[header.index("cash_12m")]) == pytest.approx(line.cash_12m, abs=0.01)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (
                cell.startswith("-") and not _is_number(cell)
            )


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


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "pptx"])
def test_cli_writes_every_format(tmp_path, fmt):
    """plan --format X --out FILE writes a non-empty file; pptx without --out is refused."""
    out = tmp_path / f"plan.{fmt}"
    argv = [sys.executable, "-m", "planner", "plan", "--data-maturity", "ad_hoc", "--problem",
            "exploring", "--live-models", "0", "--products", "1", "--regions", "1",
            "--format", fmt]  # fmt: skip
    proc = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0 and out.stat().st_size > 100
    if fmt == "pptx":
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

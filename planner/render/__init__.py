"""Plans as people read them: text, JSON, Markdown, CSV, workbooks, slides and charts.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.render._chart_style import EChart
from planner.render._charts import cost_breakdown_chart, market_band_figure
from planner.render._charts_plan import (
    compare_figure,
    cost_outlook_figure,
    jd_share_figure,
    quarter_figure,
    team_date_figure,
    tornado_figure,
)
from planner.render._deck import comparison_pptx, plan_pptx, roadmap_pptx
from planner.render._export import (
    cost_csv,
    neutralise,
    plan_json,
    plan_markdown,
    quarters_csv,
)
from planner.render._report import (
    lint_to_dict,
    lint_to_text,
    plan_to_text,
    report_to_dict,
    report_to_text,
    team_gap,
)
from planner.render._roadmap import roadmap_csv, roadmap_to_text
from planner.render._roadmap_chart import milestone_words, roadmap_cash_figure, roadmap_figure
from planner.render._workbook import plan_workbook, roadmap_workbook

__all__ = [
    "EChart",
    "compare_figure",
    "comparison_pptx",
    "cost_breakdown_chart",
    "cost_csv",
    "cost_outlook_figure",
    "jd_share_figure",
    "lint_to_dict",
    "lint_to_text",
    "market_band_figure",
    "milestone_words",
    "neutralise",
    "plan_json",
    "plan_markdown",
    "plan_pptx",
    "plan_to_text",
    "plan_workbook",
    "quarter_figure",
    "quarters_csv",
    "report_to_dict",
    "report_to_text",
    "roadmap_cash_figure",
    "roadmap_csv",
    "roadmap_figure",
    "roadmap_pptx",
    "roadmap_to_text",
    "roadmap_workbook",
    "team_date_figure",
    "team_gap",
    "tornado_figure",
]

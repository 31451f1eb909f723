"""Exports of a whole plan: Markdown, JSON, a CSV of the cost table, and PowerPoint slides.

The slides use python-pptx's native charts, so a board deck owner can restyle and edit them;
sources go in each slide's footer and notes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches, Pt

from planner.costing import YEAR_QUARTERS, salary_at
from planner.models import LOCATION_TITLE, Plan, count
from planner.render._report import plan_to_dict
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import (
    CASH_LABEL,
    MAX_CITE,
    SEARCH_LABEL,
    cite,
    cite_md,
    clean,
    currency_symbol,
    excludes_note,
    markdown_table,
    money,
    one_line,
    short_cite,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x61, 0x6E, 0x7C)
SERIES_COLOURS = [
    RGBColor(0x1B, 0x3A, 0x5C),
    RGBColor(0x4F, 0x7C, 0xAC),
    RGBColor(0x9D, 0xB9, 0xD8),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x8C, 0x8C, 0x8C),
]


def neutralise(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False)


def cost_csv(plan: Plan) -> str:
    """The cost table, one row per hire plus a total; every text cell neutralised."""
    cur = plan.cost.currency
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [
        "order",
        "archetype",
        "level",
        "base",
        "benefits",
        "bonus",
        "equity",
        "recruiting",
        "run_rate",
        "cash_12m",
        "interviewing",
        "ramp",
        "empty_seat",
        "start_day",
        "currency",
    ]
    writer.writerow(header)
    for ln in plan.cost.lines:
        row: list[Any] = [
            ln.order,
            ln.archetype.value,
            ln.level.value,
            ln.base,
            ln.benefits,
            ln.bonus,
            ln.equity,
            ln.recruiting,
            ln.run_rate,
            ln.cash_12m,
            ln.interviewing,
            ln.ramp,
            ln.empty_seat,
            ln.start_day,
            cur,
        ]
        writer.writerow([neutralise(_round(c)) for c in row])
    writer.writerow(
        [
            neutralise(c)
            for c in [
                "total",
                "",
                "",
                *[""] * 5,
                round(plan.cost.run_rate, 2),
                round(plan.cost.first_year_total, 2),
                *[""] * 4,
                cur,
            ]
        ]
    )
    for source in plan.cost.sources:
        writer.writerow([neutralise(c) for c in ["source", cite(source)]])
    return buffer.getvalue()


def _round(value: object) -> object:
    return round(value, 2) if isinstance(value, float) else value


def plan_markdown(plan: Plan) -> str:
    """The whole plan as a readable Markdown document. User text (an upload's sources) is
    escaped (cite_md), so it reads as typed and never becomes a link, an image or HTML."""
    d, cur, o = plan.diagnosis, plan.cost.currency, plan.outlook
    out = [
        "# ML hiring plan",
        f"Market: {LOCATION_TITLE[plan.answers.location]} · currency {cur}",
        f"## Next likely failure: {FAILURE_TITLE[d.next_failure]}",
        FAILURE_SUMMARY[d.next_failure],
        "Why:\n" + "\n".join(f"- {r}" for r in d.reasons),
        "## Who to hire, in this order",
        markdown_table(
            ("#", "Hire", "Level", CASH_LABEL, "Cash a year once hired"),
            (
                (
                    ln.order,
                    ARCHETYPE_TITLE[ln.archetype],
                    ln.level.value,
                    money(ln.cash_12m, cur),
                    money(ln.run_rate, cur),
                )
                for ln in plan.cost.lines
            ),
            right=(3, 4),
        ),
    ]
    if plan.warnings:
        out.append("## Warnings\n" + "\n".join(f"- {w}" for w in plan.warnings))
    if plan.notes:
        out.append("## Notes\n" + "\n".join(f"- {n}" for n in plan.notes))
    out.append(
        f"## Cost\n{CASH_LABEL}: **{money(plan.cost.first_year_total, cur)}**"
        f"{excludes_note(plan.cost)}; {money(plan.cost.run_rate, cur)} a year once everyone is "
        f"hired. {SEARCH_LABEL}: {money(plan.cost.search_cost, cur)}."
    )
    if o is not None and plan.hires:
        out.append(
            f"Simulated ({o.trials:,} futures, seed {o.seed}): P50 {money(o.cost_p50, cur)}, "
            f"P90 {money(o.cost_p90, cur)}; whole mix in place by {o.date_p50.isoformat()} "
            f"(P50) or {o.date_p90.isoformat()} (P90)."
        )
    if plan.spread and plan.hires:
        out.append(
            "### What the simulation draws, and what it holds fixed\n"
            + markdown_table(
                ("Input", "How", "Source"),
                [
                    (x.name, x.how, "; ".join(cite_md(src) for src in x.sources) or "—")
                    for x in plan.spread
                ],
                markdown=(2,),  # sources may be an upload's cells: escaped by cite_md
            )
        )
    if plan.comparison:
        out.append(plan.comparison.sentence)
    if plan.quarters and plan.hires:
        out.append(
            "## Quarter plan\n"
            + markdown_table(
                ("Quarter", "Hires starting", "Spend", "Cumulative"),
                (
                    (
                        q.label,
                        ", ".join(f"#{n}" for n in q.starts) or "—",
                        money(q.spend, cur),
                        money(q.cumulative, cur),
                    )
                    for q in plan.quarters.quarters
                ),
                right=(2, 3),
            )
        )
    out.append("## Sources\n" + "\n".join(f"- {cite_md(s)}" for s in plan.cost.sources))
    return "\n\n".join(out) + "\n"


# ---- PowerPoint ----------------------------------------------------------------------------

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9


def _title(slide: Any, title: str, subtitle: str) -> None:
    box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.2))
    tf = box.text_frame
    tf.word_wrap = True
    tf.text = title
    tf.paragraphs[0].runs[0].font.size = Pt(30)
    tf.paragraphs[0].runs[0].font.bold = True
    tf.paragraphs[0].runs[0].font.color.rgb = INK
    p = tf.add_paragraph()
    p.text = subtitle
    p.runs[0].font.size = Pt(15)
    p.runs[0].font.color.rgb = MUTED


FOOTER_CHARS = 230  # two lines of 9 pt text across the slide: more would run off it


def _footer(slide: Any, text: str, notes: str = "") -> None:
    """One short line at the foot of the slide (cut to fit); the whole text, and `notes`, in
    the speaker notes."""
    box = slide.shapes.add_textbox(Inches(0.5), Inches(6.85), Inches(12.3), Inches(0.5))
    box.text_frame.word_wrap = True
    short = text if len(text) <= FOOTER_CHARS else text[: FOOTER_CHARS - 1].rstrip() + "…"
    box.text_frame.text = short
    for run in box.text_frame.paragraphs[0].runs:
        run.font.size = Pt(9)
        run.font.color.rgb = MUTED
    slide.notes_slide.notes_text_frame.text = "\n\n".join(t for t in (text, notes) if t)


def _chart(slide: Any, kind: Any, data: CategoryChartData, x: int, y: int, w: int, h: int) -> Any:
    chart = slide.shapes.add_chart(kind, x, y, w, h, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.size = Pt(12)
    for i, series in enumerate(chart.series):
        fill = series.format.fill if kind != XL_CHART_TYPE.LINE_MARKERS else None
        if fill is not None:
            fill.solid()
            fill.fore_color.rgb = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        else:
            series.format.line.color.rgb = SERIES_COLOURS[i % len(SERIES_COLOURS)]
    return chart


def plan_pptx(plan: Plan) -> bytes:
    """Three 16:9 slides with native, editable charts — diagnosis and mix; cost against the
    market; the quarter plan — and a last slide with every source. Each footer names its
    publishers in one short line; the notes carry the full citations."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    blank = prs.slide_layouts[6]
    cur = plan.cost.currency
    # Plain text: python-pptx writes it as text, never markup; clean() drops what XML cannot
    # hold and the bidi controls an upload's source cell might carry.
    # Money axes carry the currency: "€"#,##0 (quoted, so any symbol is shown as written).
    money_format = '"' + currency_symbol(cur) + '"#,##0'
    full = [clean(cite(s)) for s in plan.cost.sources]
    short = list(dict.fromkeys(clean(short_cite(s)) for s in plan.cost.sources))
    sources = "Sources: " + "; ".join(short) + ". Every citation: the last slide."
    every = "Sources: " + "; ".join(full)

    d = plan.diagnosis
    s1 = prs.slides.add_slide(blank)
    _title(
        s1, f"Next likely failure: {FAILURE_TITLE[d.next_failure]}", FAILURE_SUMMARY[d.next_failure]
    )
    mix = CategoryChartData()
    mix.categories = [ARCHETYPE_TITLE[m.archetype] for m in plan.mix]
    mix.add_series("On the team", [m.have for m in plan.mix])
    mix.add_series("To hire", [m.hires for m in plan.mix])
    chart = _chart(
        s1, XL_CHART_TYPE.BAR_STACKED, mix, Inches(0.5), Inches(1.7), Inches(7), Inches(4.9)
    )
    chart.has_title = True
    chart.chart_title.text_frame.text = "Team this stage needs"
    chart.value_axis.major_unit = 1  # people: whole numbers on the axis
    chart.value_axis.tick_labels.number_format = "0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    order = s1.shapes.add_textbox(Inches(7.8), Inches(1.8), Inches(5), Inches(4.8)).text_frame
    order.word_wrap = True
    order.text = "Hire, in this order"
    order.paragraphs[0].runs[0].font.bold = True
    for ln in plan.cost.lines:
        p = order.add_paragraph()
        role = f"{ARCHETYPE_TITLE[ln.archetype]} ({ln.level.value})"
        p.text = f"{ln.order}. {role} — {money(ln.cash_12m, cur)} cash in 12 months"
    for w in plan.warnings[:2]:
        p = order.add_paragraph()
        p.text = w
        p.runs[0].font.size = Pt(11)
        p.runs[0].font.color.rgb = RGBColor(0xD5, 0x5E, 0x00)
    _footer(s1, "Why: " + " ".join(d.reasons))

    s2 = prs.slides.add_slide(blank)
    pct = plan.cost.pay_percentile
    _title(
        s2,
        "Planned offers against the market",
        f"Base salary, {cur}/yr, {LOCATION_TITLE[plan.answers.location]}; offers at P{pct}",
    )
    market = CategoryChartData()
    market.categories = [f"{ARCHETYPE_TITLE[b.archetype]}, {b.level.value}" for b in plan.bands]
    for name, attr in (
        ("P10", "p10"),
        ("P25", "p25"),
        ("Median", "p50"),
        ("P75", "p75"),
        ("P90", "p90"),
    ):
        market.add_series(name, [round(getattr(b, attr)) for b in plan.bands])
    market.add_series(f"Planned offer (P{pct})", [round(salary_at(b, pct)) for b in plan.bands])
    chart = _chart(
        s2,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        market,
        Inches(0.5),
        Inches(1.7),
        Inches(12.3),
        Inches(5),
    )
    chart.value_axis.tick_labels.number_format = money_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    _footer(s2, sources, every)

    s3 = prs.slides.add_slide(blank)
    q = plan.quarters
    total = q.quarters[-1].cumulative if q and q.quarters else 0.0
    hires = count(len(plan.hires), "hire")
    fits = (
        ""
        if not q or q.budget is None
        else f"; budget {money(q.budget, cur)} covers {q.funded} of {hires}"
    )
    n = len(q.quarters) if q else 0
    over = "" if n == YEAR_QUARTERS else f"; {money(total, cur)} over {count(n, 'quarter')}"
    _title(
        s3,
        f"Cash in the first 12 months: {money(plan.cost.first_year_total, cur)}",
        f"Hires land in the recommended order{fits}{over}",
    )
    cash = CategoryChartData()
    cash.categories = [x.label for x in q.quarters] if q else []
    cash.add_series("Cumulative spend", [round(x.cumulative) for x in q.quarters] if q else [])
    if q and q.budget is not None:  # a budget for the first 12 months: no line after them
        cash.add_series(
            "Budget, first 12 months",
            [round(q.budget) if i < YEAR_QUARTERS else None for i in range(len(q.quarters))],
        )
    cash.add_series("Spend in the quarter", [round(x.spend) for x in q.quarters] if q else [])
    chart = _chart(
        s3, XL_CHART_TYPE.LINE_MARKERS, cash, Inches(0.5), Inches(1.7), Inches(12.3), Inches(5)
    )
    chart.value_axis.tick_labels.number_format = money_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    if plan.outlook and plan.hires:
        o = plan.outlook
        _footer(
            s3,
            f"Simulated cash in the first 12 months P50 {money(o.cost_p50, cur)}, P90 "
            f"{money(o.cost_p90, cur)}; team in place by {o.date_p50.isoformat()} (P50). "
            "Sources: the last slide.",
            every,
        )
    else:
        _footer(s3, sources, every)

    s4 = prs.slides.add_slide(blank)
    _title(s4, "Sources", "Every figure in this deck, with its publisher, year and status")
    box = s4.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(12.3), Inches(5.6))
    box.text_frame.word_wrap = True
    size = Pt(11) if len(full) <= 18 else Pt(9) if len(full) <= 26 else Pt(7)
    for i, line in enumerate(full):
        para = box.text_frame.paragraphs[0] if i == 0 else box.text_frame.add_paragraph()
        para.text = one_line(line, MAX_CITE)  # one line each, cut to fit; notes hold it whole
        for run in para.runs:
            run.font.size = size
            run.font.color.rgb = MUTED
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()

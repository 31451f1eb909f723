"""Board decks: a plan's slides and a slide comparing scenarios, as PowerPoint.

The charts are python-pptx's native charts, so a deck owner can restyle and edit them. Every
slide names its publishers in one short footer line; the notes carry the full citations and
the "why"; the last slide lists every source.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from planner.costing import YEAR_QUARTERS, day_text, salary_at
from planner.models import LOCATION_TITLE, Plan, Source, count
from planner.roadmap import Roadmap
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import (
    MAX_CITE,
    cite,
    clean,
    currency_symbol,
    money,
    one_line,
    short_cite,
    short_money,
)

INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x61, 0x6E, 0x7C)
WARN = RGBColor(0xD5, 0x5E, 0x00)
SERIES_COLOURS = [
    RGBColor(0x1B, 0x3A, 0x5C),
    RGBColor(0x4F, 0x7C, 0xAC),
    RGBColor(0x9D, 0xB9, 0xD8),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x8C, 0x8C, 0x8C),
]
WHISKER, BOX, OFFER = RGBColor(0xB8, 0xCC, 0xE2), RGBColor(0x1B, 0x3A, 0x5C), WARN

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9
FOOTER_CHARS = 230  # two lines of 9 pt text across the slide: more would run off it
MAX_ORDER_LINES = 8  # hires listed beside the mix chart; more would overflow the box
NAME_CHARS = 40  # a scenario name in the table: three lines of its cell at most
AXIS_NAME_CHARS = 22  # ... under its bar: one line, not turned on its side
MAX_SCENARIOS = 4


def _deck() -> Any:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    return prs


def _saved(prs: Any) -> bytes:
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


TITLE_ONE_LINE = 50


def _title(slide: Any, title: str, subtitle: str) -> None:
    box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.2))
    tf = box.text_frame
    tf.word_wrap = True
    tf.text = title
    # One line at 28 pt holds about 50 characters of the widest font LibreOffice substitutes.
    tf.paragraphs[0].runs[0].font.size = Pt(28 if len(title) <= TITLE_ONE_LINE else 24)
    tf.paragraphs[0].runs[0].font.bold = True
    tf.paragraphs[0].runs[0].font.color.rgb = INK
    p = tf.add_paragraph()
    p.text = subtitle
    p.runs[0].font.size = Pt(15)
    p.runs[0].font.color.rgb = MUTED


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
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        if kind == XL_CHART_TYPE.LINE_MARKERS:
            series.format.line.color.rgb = colour
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
    return chart


def _money_axis(axis: Any, currency: str) -> None:
    """Money on an axis carries its currency: "€"#,##0 (quoted: any symbol shows as written)."""
    axis.tick_labels.number_format = '"' + currency_symbol(currency) + '"#,##0'
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True


def _sources_slide(prs: Any, sources: Sequence[Source]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, "Sources", "Every figure in this deck, with its publisher, year and status")
    full = list(dict.fromkeys(clean(cite(s)) for s in sources))
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(12.3), Inches(5.6))
    box.text_frame.word_wrap = True
    size = Pt(11) if len(full) <= 18 else Pt(9) if len(full) <= 26 else Pt(7)
    for i, line in enumerate(full):
        para = box.text_frame.paragraphs[0] if i == 0 else box.text_frame.add_paragraph()
        para.text = one_line(line, MAX_CITE)  # one line each, cut to fit; notes hold it whole
        for run in para.runs:
            run.font.size = size
            run.font.color.rgb = MUTED
    slide.notes_slide.notes_text_frame.text = "\n".join(full)


def _source_lines(sources: Sequence[Source]) -> tuple[str, str]:
    """The footer line (publishers, short) and the notes (every citation)."""
    short = list(dict.fromkeys(clean(short_cite(s)) for s in sources))
    every = "Sources: " + "; ".join(dict.fromkeys(clean(cite(s)) for s in sources))
    return "Sources: " + "; ".join(short) + ". Every citation: the last slide.", every


def plan_pptx(plan: Plan) -> bytes:
    """Three 16:9 slides with native, editable charts — diagnosis and mix; offers against the
    market range; the quarter plan — and a last slide with every source."""
    prs = _deck()
    blank = prs.slide_layouts[6]
    cur = plan.cost.currency
    # Plain text: python-pptx writes it as text, never markup; clean() drops what XML cannot
    # hold and the bidi controls an upload's source cell might carry.
    sources, every = _source_lines(plan.cost.sources)

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
    chart.chart_title.text_frame.text = "Team this stage needs (people)"
    chart.value_axis.major_unit = 1  # people: whole numbers on the axis
    chart.value_axis.tick_labels.number_format = "0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    _order_list(s1, plan)
    _footer(s1, "Why: " + "; ".join(r.rstrip(".") for r in d.reasons) + ".", every)

    s2 = prs.slides.add_slide(blank)
    pct = plan.cost.pay_percentile
    _title(
        s2,
        "Planned offers against the market",
        f"Base salary a year in {cur}, {LOCATION_TITLE[plan.answers.location]}: the market from "
        f"P10 to P90, its middle half P25–P75, and the offer at P{pct}",
    )
    _band_chart(s2, plan)
    _footer(s2, sources, every)

    s3 = prs.slides.add_slide(blank)
    _cash_slide(s3, plan)
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
    _sources_slide(prs, plan.cost.sources)
    return _saved(prs)


def _order_list(slide: Any, plan: Plan) -> None:
    cur = plan.cost.currency
    order = slide.shapes.add_textbox(Inches(7.8), Inches(1.8), Inches(5), Inches(4.8)).text_frame
    order.word_wrap = True
    order.text = "Hire, in this order"
    order.paragraphs[0].runs[0].font.bold = True
    order.paragraphs[0].runs[0].font.size = Pt(16)
    lines = plan.cost.lines
    shown = lines if len(lines) <= MAX_ORDER_LINES else lines[: MAX_ORDER_LINES - 1]
    for ln in shown:
        p = order.add_paragraph()
        role = f"{ARCHETYPE_TITLE[ln.archetype]} ({ln.level.value})"
        p.text = f"{ln.order}. {role} — {money(ln.cash_12m, cur)} cash in 12 months"
        p.runs[0].font.size = Pt(14)
    if len(shown) < len(lines):
        p = order.add_paragraph()
        p.text = f"… and {count(len(lines) - len(shown), 'more hire')} (the notes list them)"
        p.runs[0].font.size = Pt(14)
    for w in plan.warnings[:2]:
        p = order.add_paragraph()
        p.text = one_line(w, 200)
        p.runs[0].font.size = Pt(11)
        p.runs[0].font.color.rgb = WARN


def _band_chart(slide: Any, plan: Plan) -> None:
    """Each role's market as a range (horizontal stacked bars on an invisible base at P10):
    P10–P25 and P75–P90 pale, the middle half P25–P75 dark, and the offer a narrow mark."""
    cur, pct = plan.cost.currency, plan.cost.pay_percentile
    top = max((b.p90 for b in plan.bands), default=1.0)
    mark = top * 0.006  # wide enough to see at 1920 px, narrow enough to read as a point
    region = 0 if pct < 25 else 1 if pct <= 75 else 2  # the segment that holds the offer
    names: list[str] = []
    rows: list[list[float]] = []
    for b in plan.bands:
        offer = salary_at(b, pct)
        # The segment holding the offer is split around the mark; the mark stays inside it.
        cuts = [b.p10, b.p25, b.p75, b.p90]
        lo, hi = cuts[region], cuts[region + 1]
        m0 = min(max(offer - mark / 2, lo), max(hi - mark, lo))
        m1 = min(m0 + mark, hi) if hi > lo else m0
        segments: list[float] = [b.p10]
        for i in range(3):
            if i == region:
                segments += [m0 - cuts[i], m1 - m0, cuts[i + 1] - m1]
            else:
                segments.append(cuts[i + 1] - cuts[i])
        rows.append(segments)
        names.append(f"{ARCHETYPE_TITLE[b.archetype]}, {b.level.value}: offer {money(offer, cur)}")
    labels = ["", "P10–P25", "Middle half, P25–P75", "P75–P90"]
    colours = [None, WHISKER, BOX, WHISKER]
    series: list[tuple[str, RGBColor | None, bool]] = []  # name, colour, in the legend
    for i in range(4):
        if i == region + 1:
            series += [(labels[i], colours[i], True), (f"Planned offer (P{pct})", OFFER, True),
                       (labels[i] + " ", colours[i], False)]  # fmt: skip
        else:
            series.append((labels[i], colours[i], i > 0))
    data = CategoryChartData()
    data.categories = names
    for k, (name, _, _) in enumerate(series):
        data.add_series(name, [round(r[k]) for r in rows])
    chart = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_STACKED, Inches(0.5), Inches(1.7), Inches(12.3), Inches(4.65), data
    ).chart
    chart.font.size = Pt(12)
    chart.plots[0].gap_width = 60
    chart.plots[0].overlap = 100
    for s, (_, colour, _) in zip(chart.series, series, strict=True):
        if colour is None:
            s.format.fill.background()  # the invisible base the range floats on
        else:
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = colour
    chart.category_axis.reverse_order = True  # first hire on top, as listed
    chart.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.HIGH  # below the bars
    lowest = min((b.p10 for b in plan.bands), default=0.0)
    chart.value_axis.minimum_scale = _round_down(lowest * 0.9)
    _money_axis(chart.value_axis, cur)
    # A key of our own: a chart legend would list the invisible base and the split segment,
    # and LibreOffice does not honour c:legendEntry/c:delete.
    chart.has_legend = False
    key = slide.shapes.add_textbox(Inches(0.5), Inches(6.4), Inches(12.3), Inches(0.4))
    para = key.text_frame.paragraphs[0]
    for colour, text in ((WHISKER, "P10–P25 and P75–P90"), (BOX, "Middle half, P25–P75"),
                         (OFFER, f"Planned offer (P{pct})")):  # fmt: skip
        for part, rgb in (("■ ", colour), (text + "      ", INK)):
            run = para.add_run()
            run.text = part
            run.font.size = Pt(13)
            run.font.color.rgb = rgb


def _round_down(value: float) -> float:
    """A value axis starts at a round number below the data: 10,000s."""
    return float(int(value // 10_000) * 10_000)


def _cash_slide(slide: Any, plan: Plan) -> None:
    cur, q = plan.cost.currency, plan.quarters
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
        slide,
        f"Cash in the first 12 months: {money(plan.cost.first_year_total, cur)}",
        f"From {day_text(q.start)}, hires land in the recommended order{fits}{over}"
        if q
        else f"Hires land in the recommended order{fits}{over}",
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
        slide, XL_CHART_TYPE.LINE_MARKERS, cash, Inches(0.5), Inches(1.7), Inches(12.3), Inches(5)
    )
    _money_axis(chart.value_axis, cur)
    if q and q.budget is not None:  # the budget as on the page: a dashed warning line
        line = chart.plots[0].series[1]
        line.format.line.color.rgb = WARN
        line.format.line.dash_style = MSO_LINE.DASH
        line.format.line.width = Pt(2.25)


def comparison_pptx(plans: Mapping[str, Plan], budget: float | None = None) -> bytes:
    """One slide comparing 2–4 named scenarios — 12-month cash per scenario as bars, the budget
    as a line, a table of hires, first failure and cash — then a slide with every source.
    ValueError when there are fewer than 2 or more than 4, or their currencies differ."""
    if not 2 <= len(plans) <= MAX_SCENARIOS:
        raise ValueError(f"compare 2 to {MAX_SCENARIOS} scenarios, got {len(plans)}")
    currencies = {p.cost.currency for p in plans.values()}
    if len(currencies) > 1:
        raise ValueError(
            f"the scenarios are priced in different currencies ({', '.join(sorted(currencies))})"
            ": show them in one currency to compare them"
        )
    cur = currencies.pop()
    names = [one_line(name, NAME_CHARS) for name in plans]
    prs = _deck()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    cheapest = min(plans.values(), key=lambda p: p.cost.first_year_total).cost.first_year_total
    if budget is None:
        sub = f"Cash in the first 12 months, {cur}; no budget given"
    else:
        fit = sum(p.cost.first_year_total <= budget for p in plans.values())
        sub = f"Cash in the first 12 months, {cur}; budget {money(budget, cur)}: "
        sub += f"{fit} of {len(plans)} scenarios fit"
    _title(slide, f"{count(len(plans), 'scenario')} compared: from {money(cheapest, cur)}", sub)
    data = CategoryChartData()
    data.categories = [one_line(name, AXIS_NAME_CHARS) for name in names]
    data.add_series(
        "Cash in the first 12 months", [round(p.cost.first_year_total) for p in plans.values()]
    )
    chart = _chart(
        slide, XL_CHART_TYPE.COLUMN_CLUSTERED, data, Inches(0.5), Inches(1.7), Inches(6.2),
        Inches(5.0),
    )  # fmt: skip
    chart.plots[0].gap_width = 80
    _money_axis(chart.value_axis, cur)
    chart.value_axis.minimum_scale = 0
    if budget is not None:
        _add_line(chart, "Budget, first 12 months", [round(budget)] * len(plans), WARN)
        top = max(budget, *(p.cost.first_year_total for p in plans.values()))
        chart.value_axis.maximum_scale = float(_round_up(top * 1.1))
    _comparison_table(slide, plans, names, budget)
    sources = [s for p in plans.values() for s in p.cost.sources]
    short, every = _source_lines(sources)
    why = "\n".join(
        f"{name}: {FAILURE_TITLE[p.diagnosis.next_failure]}. " + " ".join(p.diagnosis.reasons)
        for name, p in zip(names, plans.values(), strict=True)
    )
    _footer(slide, short, why + "\n\n" + every)
    _sources_slide(prs, sources)
    return _saved(prs)


def _round_up(value: float) -> int:
    step = 100_000 if value > 1_000_000 else 10_000
    return int(-(-value // step) * step)


def _comparison_table(
    slide: Any, plans: Mapping[str, Plan], names: Sequence[str], budget: float | None
) -> None:
    cur = next(iter(plans.values())).cost.currency
    header = ["Scenario", "Hires", "First failure", "Cash, 12 months"]
    if budget is not None:
        header.append("Fits budget")
    rows = [header]
    for name, p in zip(names, plans.values(), strict=True):
        row = [name, str(len(p.hires)), FAILURE_TITLE[p.diagnosis.next_failure],
               money(p.cost.first_year_total, cur)]  # fmt: skip
        if budget is not None:
            row.append("yes" if p.cost.first_year_total <= budget else "no")
        rows.append(row)
    shares = [0.34, 0.14, 0.28, 0.24] if budget is None else [0.28, 0.13, 0.25, 0.2, 0.14]
    _table(slide, rows, Inches(6.95), Inches(1.8), Inches(5.85), shares)


def _add_line(chart: Any, name: str, values: Sequence[float], colour: RGBColor) -> None:
    """A line over the bars on the same axes (a native combo chart: python-pptx writes only one
    chart type, so the c:lineChart is added to the plot area with literal values)."""
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    bar = plot_area.find(qn("c:barChart"))
    n = len(values)
    hex_colour = str(colour)
    xml = (
        f'<c:lineChart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<c:grouping val="standard"/><c:varyColors val="0"/>'
        f'<c:ser><c:idx val="{len(chart.series)}"/><c:order val="{len(chart.series)}"/>'
        f"<c:tx><c:v>{_xml_text(name)}</c:v></c:tx>"
        f'<c:spPr><a:ln w="38100"><a:solidFill><a:srgbClr val="{hex_colour}"/></a:solidFill>'
        f'<a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
        f'<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>'
        + "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
        + '</c:numLit></c:val><c:smooth val="0"/></c:ser><c:marker val="1"/>'
        + "".join(f'<c:axId val="{ax.get("val")}"/>' for ax in bar.findall(qn("c:axId")))
        + "</c:lineChart>"
    )
    bar.addnext(parse_xml(xml))


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MAX_REQ_ROWS = 10  # rows of the reqs table that fit beside the chart


def roadmap_pptx(roadmap: Roadmap, sources: Sequence[Source] = ()) -> bytes:
    """One slide — the reqs in hiring order as a table, cash per quarter as columns — and a
    slide with every source (`sources`: the pricing's; attrition's is added)."""
    cur, budget = roadmap.currency.value, roadmap.budget
    prs = _deck()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    total = roadmap.quarters[-1].cumulative_spend if roadmap.quarters else 0.0
    n = len(roadmap.quarters)
    if budget.amount is None:
        fit = "no budget given"
    elif budget.fits:
        fit = f"fits the budget of {money(budget.amount, cur)} per 12 months"
    else:
        fit = f"over the budget of {money(budget.amount, cur)} per 12 months: "
        fit += f"{count(len(budget.slips), 'req')} moved or dropped"
    _title(
        slide,
        f"Roadmap: {count(len(roadmap.reqs), 'req')}, {short_money(total, cur)} cash in "
        f"{count(n, 'quarter')}",
        f"From {day_text(roadmap.start)}, in {cur}; {fit}",
    )
    rows = [["#", "Role", "Market", "Opens", "In place P50 / P90"]]
    reqs = roadmap.reqs
    shown = reqs if len(reqs) <= MAX_REQ_ROWS else reqs[: MAX_REQ_ROWS - 1]
    for i, r in enumerate(shown, 1):
        role = f"{r.level.value.capitalize()} {ARCHETYPE_TITLE[r.archetype].lower()}"
        role += " (backfill)" if r.backfill else ""
        rows.append([str(i), role, LOCATION_TITLE[r.location], f"Q{r.open_quarter}",
                     f"Q{r.in_place_quarter_p50} / Q{r.in_place_quarter_p90}"])  # fmt: skip
    if len(shown) < len(reqs):
        rows.append(["", f"… and {count(len(reqs) - len(shown), 'more req')}", "", "", ""])
    if not reqs:
        rows.append(["", "None: the team you have covers every quarter", "", "", ""])
    _table(slide, rows, Inches(0.5), Inches(1.8), Inches(6.4), [0.07, 0.38, 0.25, 0.12, 0.18])
    data = CategoryChartData()
    data.categories = [f"Q{q.quarter}" for q in roadmap.quarters]
    data.add_series("Cash in the quarter", [round(q.spend) for q in roadmap.quarters])
    chart = _chart(
        slide, XL_CHART_TYPE.COLUMN_CLUSTERED, data, Inches(7.1), Inches(1.7), Inches(5.7),
        Inches(5.0),
    )  # fmt: skip
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = f"Cash per quarter ({cur})"
    _money_axis(chart.value_axis, cur)
    chart.value_axis.minimum_scale = 0  # bars start at zero, or small steps look large
    every = [roadmap.attrition_source, *sources]
    short, full = _source_lines(every)
    _footer(slide, short, "\n".join(r.reason for r in reqs) + "\n\n" + full)
    _sources_slide(prs, every)
    return _saved(prs)


def _table(
    slide: Any, rows: Sequence[Sequence[str]], x: int, y: int, width: int, shares: Sequence[float]
) -> None:
    """A plain table, header bold; row heights grow with their text, so keep cells short."""
    shape = slide.shapes.add_table(len(rows), len(rows[0]), x, y, width, Inches(0.4) * len(rows))
    table = shape.table
    for j, share in enumerate(shares):
        table.columns[j].width = Emu(int(width * share))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.text = text
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(12 if i else 11)
                    run.font.bold = i == 0

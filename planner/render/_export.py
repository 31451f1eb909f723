"""Exports of a whole plan as text: Markdown, JSON, and tidy CSVs of the hires and quarters
(the slides are in _deck.py, the workbook in _workbook.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from planner.costing import YEAR_QUARTERS, day_text
from planner.models import LOCATION_TITLE, Plan
from planner.render._report import plan_to_dict
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import (
    CASH_LABEL,
    SEARCH_LABEL,
    cite,
    cite_md,
    excludes_note,
    markdown_table,
    money,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False)


COST_COLUMNS = (
    "order", "archetype", "level", "location", "base", "benefits", "bonus", "equity",
    "recruiting", "run_rate", "paid_share", "fee_12m", "cash_12m", "interviewing", "ramp",
    "empty_seat", "start_day", "notice_days", "currency", "band_source",
)  # fmt: skip
QUARTER_COLUMNS = (
    "quarter", "label", "starts", "spend", "cumulative", "budget_12m", "within_budget",
    "currency",
)  # fmt: skip


def cost_csv(plan: Plan) -> str:
    """The cost table: one header, one row per hire, every row as wide as the header (totals
    and the full list of sources are in the workbook, JSON and Markdown; each row names its
    band's source). Every text cell neutralised."""
    band = {(b.archetype, b.level): b for b in plan.bands}
    where, cur = plan.answers.location.value, plan.cost.currency
    rows = []
    for ln in plan.cost.lines:
        source = cite(band[(ln.archetype, ln.level)].source)
        row = (ln.order, ln.archetype.value, ln.level.value, where, ln.base, ln.benefits,
               ln.bonus, ln.equity, ln.recruiting, ln.run_rate, f"{ln.paid_share:.4f}", ln.fee_12m,
               ln.cash_12m, ln.interviewing, ln.ramp, ln.empty_seat, ln.start_day,
               ln.notice_days, cur, source)  # fmt: skip
        rows.append(row)
    return _csv(COST_COLUMNS, rows)


def quarters_csv(plan: Plan) -> str:
    """The quarter plan: one row per quarter (hires starting, as "#1 #2"; spend; cumulative;
    the 12-month budget and whether the cumulative spend is within it, for the first four)."""
    q = plan.quarters
    rows = []
    for x in q.quarters if q else ():
        budget = q.budget if q and q.budget is not None and x.index <= YEAR_QUARTERS else None
        within = "" if budget is None else str(x.cumulative <= budget + 1e-6).lower()
        row = (x.index, x.label, " ".join(f"#{n}" for n in x.starts), x.spend, x.cumulative,
               "" if budget is None else budget, within, plan.cost.currency)  # fmt: skip
        rows.append(row)
    return _csv(QUARTER_COLUMNS, rows)


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(_round(c)) for c in row])
    return buffer.getvalue()


def _round(value: object) -> object:
    return round(value, 2) if isinstance(value, float) else value


def _from(plan: Plan) -> str:
    return f" from {day_text(plan.quarters.start)}" if plan.quarters else ""


def plan_markdown(plan: Plan) -> str:
    """The whole plan as a readable Markdown document. User text (an upload's sources) is
    escaped (cite_md), so it reads as typed and never becomes a link, an image or HTML."""
    d, cur, o = plan.diagnosis, plan.cost.currency, plan.outlook
    out = [
        "# ML hiring plan",
        f"Market: {LOCATION_TITLE[plan.answers.location]} · currency {cur} · plan{_from(plan)}",
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
            f"## Quarter plan{_from(plan)}\n"
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

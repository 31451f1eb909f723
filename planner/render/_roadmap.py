"""A headcount roadmap as people read it: a short text summary and a tidy CSV, one row per
quarter (the JSON is planner.roadmap.roadmap_to_dict)."""

from __future__ import annotations

import csv
import io

from planner.costing import day_text
from planner.models import LOCATION_TITLE, Archetype, count
from planner.render._export import neutralise
from planner.roadmap import Roadmap
from planner.stage import ARCHETYPE_TITLE, FAILURE_TITLE
from planner.text import money, short_cite


def roadmap_csv(roadmap: Roadmap) -> str:
    """One row per quarter, every row as wide as the header; text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["quarter", "label", "next_failure", *(f"team_{a.value}" for a in Archetype),
         "spend", "cumulative", "currency"]
    )  # fmt: skip
    for q in roadmap.quarters:
        row: list[object] = [
            q.quarter, q.label, q.next_failure.value, *(q.team.get(a, 0) for a in Archetype),
            round(q.spend, 2), round(q.cumulative_spend, 2), roadmap.currency.value,
        ]  # fmt: skip
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def roadmap_to_text(roadmap: Roadmap) -> str:
    """A short summary: the stage per quarter and what moves it, the reqs, cash, the budget."""
    cur, quarters, budget = roadmap.currency.value, roadmap.quarters, roadmap.budget
    out = [
        f"Headcount roadmap: {count(len(quarters), 'quarter')} from {day_text(roadmap.start)} "
        f"({quarters[0].label}), "
        f"amounts in {cur}",
        f"Attrition {roadmap.attrition:.0%} a year ({short_cite(roadmap.attrition_source)})",
        "",
        "Stage by quarter (the next likely failure):",
    ]
    for q in quarters:
        if q.quarter == 1 or q.failure_changed or q.milestones:
            moved = f"milestone {', '.join(q.milestones)}" if q.milestones else "today's answers"
            if q.quarter > 1 and not q.failure_changed:
                moved += ", stage unchanged"
            out.append(f"  {q.label}  {FAILURE_TITLE[q.next_failure].lower()} ({moved})")
    out += ["", "Reqs, in hiring order (in place = productive):"]
    if not roadmap.reqs:
        out.append("  None: the team you have covers every quarter.")
    for i, r in enumerate(roadmap.reqs, 1):
        what = f"{r.level.value} {ARCHETYPE_TITLE[r.archetype].lower()}"
        what += " backfill" if r.backfill else ""
        out.append(
            f"  {i}. {what} in {LOCATION_TITLE[r.location]}: opens Q{r.open_quarter}, in place "
            f"Q{r.in_place_quarter_p50} (P50), Q{r.in_place_quarter_p90} (P90). {r.reason}"
        )
    out += ["", "Team in place (P50) and cash per quarter:"]
    for q in quarters:
        team = ", ".join(count(q.team.get(a, 0), a.value) for a in Archetype)
        out.append(
            f"  {q.label}  {team}; spend {money(q.spend, cur)}, "
            f"to date {money(q.cumulative_spend, cur)}"
        )
    out += ["", "Budget:"]
    if budget.amount is None:
        out.append("  No budget given (--budget): nothing slips.")
    else:
        slips = len(budget.slips)
        fit = f"does not fit: {count(slips, 'req')} {'slips' if slips == 1 else 'slip'}"
        fit = "fits" if budget.fits else fit
        out.append(f"  {money(budget.amount, cur)} per 12 months of the roadmap: {fit}.")
        out += [
            f"  Q{y.first_quarter}-Q{y.last_quarter}: needs {money(y.needed_spend, cur)}, "
            f"spends {money(y.spend, cur)}" + ("" if y.within else " (over budget)")
            for y in budget.years
        ]
        out += [f"  - {slip.text}" for slip in budget.slips]
    if roadmap.notes:
        out += ["", "Notes:", *(f"  - {note}" for note in roadmap.notes)]
    return "\n".join(out) + "\n"

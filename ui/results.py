"""Render a plan: the diagnosis, the mix, and the cost against the market."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import pandas as pd
import streamlit as st

from planner import Plan
from planner.costing import day_text
from planner.questions import QUESTION_TITLE
from planner.render import (
    cost_breakdown_chart,
    cost_csv,
    market_band_figure,
    plan_json,
    plan_markdown,
    plan_pptx,
    plan_workbook,
    quarters_csv,
    team_gap,
)
from planner.stage import (
    ARCHETYPE_OWNS,
    ARCHETYPE_TITLE,
    FAILURE_SUMMARY,
    FAILURE_TITLE,
    similar_cases,
)
from planner.text import (
    CASH_LABEL,
    cite_md,
    clean,
    escape_markdown,
    excludes_note,
    markdown_table,
    md,
    money,
    one_line,
)
from ui.charts import show_chart, show_echart
from ui.data import case_book
from ui.lazy import lazy_expander, lazy_popover


def show_diagnosis(plan: Plan) -> None:
    d = plan.diagnosis
    with st.container(border=True, key="plan-diagnosis"):
        # One Markdown element for the card: every element is a message on each rerun.
        st.markdown(
            f":small[:gray[Next likely failure]]\n\n### {FAILURE_TITLE[d.next_failure]}\n\n"
            f"{FAILURE_SUMMARY[d.next_failure]}\n\n"
            f":small[:gray[Runner-up: {FAILURE_TITLE[d.runner_up]}]]",
            anchors=False,
        )
    why = lazy_expander("Why this diagnosis", "plan.open.why")
    if why is None:
        return
    failures = list(FAILURE_TITLE)
    why.markdown(
        "\n".join(f"- {reason}" for reason in d.reasons)
        + "\n\n"
        + markdown_table(
            ["Question", "Your answer", *(FAILURE_TITLE[f] for f in failures)],
            (
                [
                    QUESTION_TITLE[drv.question],
                    drv.answer.replace("_", " "),
                    *(drv.points.get(f, 0) for f in failures),
                ]
                for drv in d.drivers
            ),
            right=range(2, 2 + len(failures)),
        )
        + "\n\n:small[:gray[Each answer adds points to the failures it makes likely; the "
        "highest total wins, and on a tie the earlier rung wins. Products and regions weigh only "
        "as much as there are live models to spread. The weights are in planner/stage/_rules.py.]]"
        + _similar(plan)
    )


def _similar(plan: Plan) -> str:
    """Companies from the case book (our own text) whose answers are closest to these."""
    rows = similar_cases(plan.answers, case_book())
    return "\n\n**Situations like yours** (from the case book on About the data)\n" + "".join(
        f"\n- *{c.company}.* {c.head_of_ml} {c.why}" for c in rows
    )


def show_mix(plan: Plan) -> None:
    """The hires in order with their 12-month cash, the total and the run rate: one
    Markdown element (every element is redrawn on each answer, bench/results.md)."""
    cur = plan.cost.currency
    gap = "; ".join(team_gap(m) for m in plan.mix)
    # A Markdown table: a few rows need no grid, it prints cleanly, and the page needs no
    # table or Arrow code to show it (a faster first render).
    if plan.hires:
        rows: list[tuple[object, ...]] = [
            (
                line.order,
                f"{ARCHETYPE_TITLE[line.archetype]} ({line.level.value})",
                money(line.run_rate, cur),
                money(line.cash_12m, cur),
            )
            for line in plan.cost.lines
        ]
        total = money(plan.cost.first_year_total, cur)
        rows.append(("", "**Total**", money(plan.cost.run_rate, cur), f"**{total}**"))
        # What each one owns goes under the table, not in a column: four columns fit a phone.
        archetypes = dict.fromkeys(line.archetype for line in plan.cost.lines)
        owns = "; ".join(
            f"a {ARCHETYPE_TITLE[a].lower()} owns {ARCHETYPE_OWNS[a]}" for a in archetypes
        )
        search = escape_markdown(money(plan.cost.search_cost, cur))
        body = (
            markdown_table(
                ("#", "Hire", "Cash a year once hired", CASH_LABEL),
                rows,
                right=(2, 3),
            )
            + f"\n\n{owns[0].upper()}{owns[1:]}."
            + f"\n\n{CASH_LABEL}{escape_markdown(excludes_note(plan.cost))}: base salary, "
            f"employer on-costs{'' if 'bonus' in plan.cost.excludes else ' and bonus'} from "
            "each first day, and the recruiting fee, within the plan's first 12 months (from "
            f"{day_text(plan.quarters.start) if plan.quarters else 'today'}). Apart, and not "
            "cash: the cost of the search (interviewer time, output lost while ramping up, the "
            f"empty seat), **{search}**."
        )
    else:
        body = "No new hires: your team already covers what this stage needs."
    # The notes are our own sentences (no user text), so they join the same Markdown element.
    notes = "".join(f"\n- {note}" for note in plan.notes)
    if notes:
        notes = f"\n\n**Before and while you hire**{notes}"
    st.markdown(
        f"### Who to hire, in this order\n\n{body}{notes}\n\n"
        f":small[:gray[What this stage needs and who is on the team now — {gap}.]]",
        anchors=False,
        width="stretch",
    )
    for warning in plan.warnings:
        st.warning(warning)


def show_cost(plan: Plan, notice: str | None) -> None:
    if notice:
        st.warning(md(notice))  # quotes a validation message: shown as plain text
    if not plan.hires:
        st.info("Nothing to price: the plan has no new hires.")
        return
    show_echart(cost_breakdown_chart(plan), key="plan.chart.cost")
    sources = lazy_expander("Where these numbers come from", "plan.open.sources")
    if sources is not None:
        # A band's source may be an uploaded cell: every citation is escaped (cite_md).
        lines = dict.fromkeys(f"- {cite_md(source)}" for source in plan.cost.sources)
        sources.caption(
            "\n".join(lines)
            + "\n\nPay bands: the Market pay view. All series, rules and rates: About the data."
        )


def show_market(plan: Plan) -> None:
    """Offers against the market bands, and every band's source one click away."""
    st.subheader("Your offers against the market", anchor=False)
    if not plan.hires:
        st.info("Nothing to compare: the plan has no new hires.")
        return
    show_chart(market_band_figure, plan, key="plan.chart.market", filename="ml-hires-vs-market")
    for advice in plan.advice:
        if advice.code == "shared_band":  # identical prices for different jobs: say why
            st.caption(md(advice.text))  # names a series id, which an upload may have set
    cur = plan.cost.currency
    bands = lazy_expander("Where these bands come from", "plan.open.bands")
    if bands is not None:
        rows = [
            {
                "Band": f"{ARCHETYPE_TITLE[b.archetype]}, {b.level.value}",
                "P10–P90": f"{money(b.p10, cur)} – {money(b.p90, cur)}",
                "Median": money(b.p50, cur),
                # Dataframe cells are drawn as text, never markup; an upload's cells and
                # file name lose only their invisible and bidi characters.
                "Source": clean(b.source.source),
                "Year": b.source.year,
                "Status": b.source.status.value,
                "Data": "shipped" if b.origin == "shipped" else f"your data ({one_line(b.origin)})",
                "AI/ML premium": f"{b.ml_premium:.1%}"
                if b.ml_premium
                else "none (ML-specific)"
                if b.ml_specific
                else "0%",
                "Derivation": clean(b.derivation),
                "Currency": b.fx_note or f"as published ({b.currency.value})",
            }
            for b in plan.bands
        ]
        bands.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        bands.caption("All series, rules and rates: the About the data page.")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS = (
    # label, build(plan, changed assumptions), file name, MIME type
    (
        "Slides (.pptx)",
        lambda plan, _: plan_pptx(plan),
        "ml-hiring-plan.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("Excel workbook (.xlsx)", plan_workbook, "ml-hiring-plan.xlsx", XLSX),
    ("Markdown", lambda plan, _: plan_markdown(plan), "ml-hiring-plan.md", "text/markdown"),
    ("JSON", lambda plan, _: plan_json(plan), "ml-hiring-plan.json", "application/json"),
    ("Hires (CSV)", lambda plan, _: cost_csv(plan), "ml-hiring-hires.csv", "text/csv"),
    ("Quarters (CSV)", lambda plan, _: quarters_csv(plan), "ml-hiring-quarters.csv", "text/csv"),
)


def show_exports(plan: Plan, changed: Sequence[str] = ()) -> None:
    """Download the plan as slides, a workbook, Markdown, JSON or two tidy CSVs (the buttons
    are drawn only while the menu is open). `changed`: the assumptions the user edited, for the
    workbook's Summary."""
    menu = lazy_popover(
        "Take it to the meeting: slides, workbook, Markdown, JSON, CSV",
        key="plan.open.export",
        icon=":material/download:",
    )
    if menu is None:
        return
    for label, build, name, mime in EXPORTS:
        menu.download_button(
            label,
            partial(build, plan, tuple(changed)),  # built only when clicked (slides: ~30 ms)
            file_name=name,
            mime=mime,
            key=f"plan.export.{name.removeprefix('ml-hiring-')}",
            on_click="ignore",
            width="stretch",
        )

"""Render a plan: the diagnosis, the mix, and the cost against the market."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Plan
from planner.charts import cost_breakdown_figure, market_band_figure
from planner.export import cost_csv, plan_json, plan_markdown, plan_pptx
from planner.report import cite, markdown_table, money
from planner.rules import (
    ARCHETYPE_OWNS,
    ARCHETYPE_TITLE,
    FAILURE_SUMMARY,
    FAILURE_TITLE,
    QUESTION_TITLE,
)
from ui.charts import show_chart


def show_diagnosis(plan: Plan) -> None:
    d = plan.diagnosis
    with st.container(border=True, key="plan-diagnosis"):
        st.caption("Next likely failure")
        st.subheader(FAILURE_TITLE[d.next_failure], anchor=False)
        st.write(FAILURE_SUMMARY[d.next_failure])
        st.caption(f"Runner-up: {FAILURE_TITLE[d.runner_up]}")
    with st.expander("Why this diagnosis", expanded=False):
        st.markdown("\n".join(f"- {reason}" for reason in d.reasons))
        failures = list(FAILURE_TITLE)
        st.markdown(
            markdown_table(
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
        )
        st.caption(
            "Each answer adds points to the failures it makes likely; the highest total wins, "
            "and on a tie the earlier rung wins. The weights are in planner/rules.py."
        )


def show_mix(plan: Plan) -> None:
    st.subheader("Who to hire, in this order", anchor=False)
    cur = plan.cost.currency
    if plan.hires:
        # A Markdown table: a few rows need no grid, it prints cleanly, and the page needs no
        # table or Arrow code to show it (a faster first render).
        st.markdown(
            markdown_table(
                ("#", "Hire", "Level", "Owns", "First-year cost"),
                (
                    (
                        line.order,
                        ARCHETYPE_TITLE[line.archetype],
                        line.level.value,
                        ARCHETYPE_OWNS[line.archetype],
                        money(line.total, cur),
                    )
                    for line in plan.cost.lines
                ),
                right=(4,),
            ),
            width="stretch",
        )
    else:
        st.success("No new hires: your team already covers what this stage needs.")
    st.caption(
        "Team this stage needs vs the team you have: "
        + "; ".join(
            f"{ARCHETYPE_TITLE[m.archetype].lower()}s {m.target} needed, {m.have} on the team"
            for m in plan.mix
        )
        + "."
    )
    for warning in plan.warnings:
        st.warning(warning)


def show_cost(plan: Plan, notice: str | None) -> None:
    st.subheader("What the hires really cost", anchor=False)
    if notice:
        st.warning(notice)
    if not plan.hires:
        st.info("Nothing to price: the plan has no new hires.")
        return
    cur = plan.cost.currency
    c1, c2 = st.columns(2)
    c1.metric(
        "Fully loaded first-year cost",
        money(plan.cost.first_year_total, cur),
        help="First 12 months of each hire: pay, benefits, equity, recruiting, interviews, "
        "ramp-up and the empty seat while the search runs.",
    )
    c2.metric(
        "Run rate per year",
        money(plan.cost.run_rate, cur),
        help="What the new team costs each year once hired: salary, benefits, equity.",
    )
    show_chart(
        cost_breakdown_figure, plan, key="plan.chart.cost", filename="ml-hiring-first-year-cost"
    )
    with st.expander("Where these numbers come from", expanded=False):
        # One element, not one per line: every element is a message on each rerun.
        lines = dict.fromkeys(f"- {cite(source)}" for source in plan.cost.sources)
        st.caption("\n".join(lines))
        st.caption("Pay bands: the Market pay view. All series, rules and rates: About the data.")


def show_market(plan: Plan) -> None:
    """Offers against the market bands, and every band's source one click away."""
    st.subheader("Your offers against the market", anchor=False)
    if not plan.hires:
        st.info("Nothing to compare: the plan has no new hires.")
        return
    show_chart(market_band_figure, plan, key="plan.chart.market", filename="ml-hires-vs-market")
    cur = plan.cost.currency
    with st.expander("Where these bands come from", expanded=False):
        rows = [
            {
                "Band": f"{ARCHETYPE_TITLE[b.archetype]}, {b.level.value}",
                "P10–P90": f"{money(b.p10, cur)} – {money(b.p90, cur)}",
                "Median": money(b.p50, cur),
                "Source": b.source.source,
                "Year": b.source.year,
                "Status": b.source.status.value,
                "Data": "shipped" if b.origin == "shipped" else f"your data ({b.origin})",
                "AI/ML premium": f"{b.ml_premium:.1%}"
                if b.ml_premium
                else "none (ML-specific)"
                if b.ml_specific
                else "0%",
                "Derivation": b.derivation,
                "Currency": b.fx_note or f"as published ({b.currency.value})",
            }
            for b in plan.bands
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        st.caption("All series, rules and rates: the About the data page.")


EXPORTS = (
    # label, build, file name, MIME type
    (
        "Slides (.pptx)",
        plan_pptx,
        "ml-hiring-plan.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("Markdown", plan_markdown, "ml-hiring-plan.md", "text/markdown"),
    ("JSON", plan_json, "ml-hiring-plan.json", "application/json"),
    ("Cost table (CSV)", cost_csv, "ml-hiring-cost.csv", "text/csv"),
)


def show_exports(plan: Plan) -> None:
    """Download the plan as slides, Markdown, JSON or the cost table as CSV."""
    st.subheader("Take it to the meeting", anchor=False)
    row = st.container(horizontal=True)
    for label, build, name, mime in EXPORTS:
        row.download_button(
            label,
            lambda build=build: build(plan),  # built only when clicked (slides take ~30 ms)
            file_name=name,
            mime=mime,
            key=f"plan.export.{name.rsplit('.', 1)[1]}",
        )

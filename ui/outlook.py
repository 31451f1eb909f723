"""Render the plan over time: uncertainty, the all-in-one req, the quarter plan, the drivers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from planner import Plan
from planner.render import cost_outlook_figure, quarter_figure, team_date_figure, tornado_figure
from planner.text import MAX_SHORT_CITE, md_line, money, short_cite
from ui.charts import show_chart


def show_outlook(plan: Plan, start: date) -> None:
    if plan.outlook is None or not plan.hires:
        return
    o, cur = plan.outlook, plan.cost.currency
    st.subheader("How sure is this?", anchor=False)
    c1, c2 = st.columns(2)
    c1.metric(
        "Cash in the first 12 months, P50",
        money(o.cost_p50, cur),
        help="Half of the simulated futures pay less than this in the plan's first 12 months.",
    )
    c1.metric(
        "Cash in the first 12 months, P90",
        money(o.cost_p90, cur),
        help="Nine in ten simulated futures pay less than this in the plan's first 12 months.",
    )
    c2.metric("Whole mix in place by (P50)", f"{o.date_p50:%d %b %Y}")
    c2.metric("Whole mix in place by (P90)", f"{o.date_p90:%d %b %Y}")
    planned = plan.cost.first_year_total
    if abs(o.cost_p50 - planned) >= 0.005 * planned:
        side = "below" if o.cost_p50 < planned else "above"
        why = (
            "searches that run long start pay later, so less of it falls in the first 12 months"
            if side == "below"
            else "offers above the planned percentile, the AI/ML premium's range and "
            "searches run again after a mis-hire add cash"
        )
        st.caption(
            f"The simulated median ({money(o.cost_p50, cur)}) sits {side} the plan's "
            f"{money(planned, cur)}, which prices every hire at its typical time and offer: "
            f"{why}. The dates here are simulated too; the workbook gives each hire's planned "
            "first day."
        )
    show_chart(
        cost_outlook_figure, plan, key="plan.chart.outlook", filename="ml-hiring-cost-outlook"
    )
    day0 = plan.quarters.start if plan.quarters else start  # the plan's day 0, not today
    show_chart(team_date_figure, plan, day0, key="plan.chart.dates", filename="ml-team-in-place-by")
    st.caption("What each simulated future draws, and what it holds fixed:")
    st.table(
        pd.DataFrame(
            [
                {
                    "Input": x.name,
                    "How": x.how,
                    # st.table reads cells as Markdown; a band's source may be an upload's.
                    "Source": "; ".join(
                        dict.fromkeys(md_line(short_cite(src), MAX_SHORT_CITE) for src in x.sources)
                    )
                    or "see About the data",
                }
                for x in plan.spread
            ]
        ),
        hide_index=True,
        border="horizontal",
    )


def show_comparison(plan: Plan) -> None:
    c = plan.comparison
    if c is None:
        return
    cur = plan.cost.currency
    st.subheader("One all-in-one req, or focused reqs?", anchor=False)
    st.info(c.sentence)
    table = pd.DataFrame(
        [
            {
                "Req": opt.label,
                "Pay a year once hired": money(opt.yearly_pay, cur),
                "Cash in 12 months (P50)": money(opt.cost_p50, cur),
                "Needed work has an owner by (P50)": f"{opt.work_starts_date:%d %b %Y}",
            }
            for opt in (c.focused, c.generalist)
        ]
    )
    st.table(table, hide_index=True, border="horizontal")
    a = plan.answers
    st.caption(
        "The all-in-one search is modelled as longer, pricier to close and likelier to land "
        "someone strong in the wrong slice; each penalty is an editable assumption "
        f"(pay percentile {a.pay_percentile} + uplift, capped at 90)."
    )


def show_quarters(plan: Plan) -> None:
    q = plan.quarters
    if q is None or not plan.hires:
        return
    cur = plan.cost.currency
    st.subheader("Quarter by quarter", anchor=False)
    show_chart(quarter_figure, plan, key="plan.chart.quarters", filename="ml-hiring-quarter-plan")
    st.table(
        pd.DataFrame(
            [
                {
                    "Quarter": x.label,
                    "Hires starting": ", ".join(f"#{n}" for n in x.starts) or "—",
                    "Spend": money(x.spend, cur),
                    "Cumulative": money(x.cumulative, cur),
                }
                for x in q.quarters
            ]
        ),
        hide_index=True,
        border="horizontal",
    )


def show_drivers(plan: Plan) -> None:
    if not plan.sensitivity:
        return
    st.subheader("What moves the cost most", anchor=False)
    show_chart(tornado_figure, plan, key="plan.chart.tornado", filename="ml-hiring-cost-drivers")

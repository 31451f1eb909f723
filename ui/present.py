"""Presentation view: one 16:9 screen for a board slide — diagnosis, mix, market, quarter plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Plan
from planner.models import LOCATION_TITLE
from planner.render import market_band_figure, quarter_figure
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import MAX_SHORT_CITE, md_line, short_cite, short_money
from ui.charts import show_chart


def show_presentation(plan: Plan) -> None:
    d, cur = plan.diagnosis, plan.cost.currency
    st.markdown(f"### Next likely failure: {FAILURE_TITLE[d.next_failure]}")
    st.caption(
        f"{FAILURE_SUMMARY[d.next_failure]} Market: {LOCATION_TITLE[plan.answers.location]}."
    )
    left, middle, right = st.columns([0.95, 1.15, 1.15], gap="medium")
    with left:
        if plan.hires:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "#": ln.order,
                            "Hire": ARCHETYPE_TITLE[ln.archetype],
                            "Level": ln.level.value,
                            "Cash, 12 months": short_money(ln.cash_12m, cur),
                        }
                        for ln in plan.cost.lines
                    ]
                ),
                hide_index=True,
                width="stretch",
                column_config={"Cash, 12 months": st.column_config.TextColumn(alignment="right")},
            )
        else:
            st.success("No new hires: the team already covers this stage.")
        # The slide's short form ($724k, as in the chart titles), in the table above too: to
        # the dollar the figures overflow this column on a laptop screen, and a slide reads
        # one form. The Plan page and the exports give them to the dollar.
        c1, c2 = st.columns(2)
        c1.metric("Cash, first 12 months", short_money(plan.cost.first_year_total, cur))
        c2.metric("Cash a year once hired", short_money(plan.cost.run_rate, cur))
        if plan.outlook and plan.hires:
            o = plan.outlook
            c1.metric("Cash, 12 months, P90", short_money(o.cost_p90, cur))
            c2.metric("In place by (P50)", f"{o.date_p50:%b %Y}")
        if plan.warnings:
            st.warning(plan.warnings[0])
    if plan.hires:
        show_chart(
            market_band_figure,
            plan,
            key="present.market",
            filename="ml-hires-vs-market",
            where=middle,
        )
        show_chart(
            quarter_figure,
            plan,
            key="present.quarters",
            filename="ml-hiring-quarter-plan",
            where=right,
        )
    # A band's source may be an upload's cell: escaped (md_line) and cut.
    sources = dict.fromkeys(md_line(short_cite(s), MAX_SHORT_CITE) for s in plan.cost.sources)
    st.caption(f"Sources: {'; '.join(sources)}. Full list: About the data.")

"""About the data: every figure the planner uses, its source, year and status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.benchmarks import apply_premium
from planner.rules import ARCHETYPE_TITLE, FAILURE_TITLE, QUESTION_TITLE, SCORES
from ui.data import shipped_data

bands, assumptions = shipped_data()

st.title("About the data", anchor=False)
st.write(
    "Every number the planner shows comes from this page: a public source with its year, "
    "or our own assumption, labelled as such and editable on the Plan page."
)

st.subheader("Market salary bands", anchor=False)
st.write(
    "No public salary series exists for the three ML archetypes, so each archetype is mapped to "
    "the closest occupation in the US Bureau of Labor Statistics wage survey: researchers to "
    "Data Scientists, developers and operators to Software Developers (MLOps work is software "
    "engineering; BLS has no MLOps series). The survey reports base wages across all experience "
    "levels and is not ML-specific, so the planner lifts it by the AI/ML wage premium below."
)
lifted = apply_premium(bands, assumptions.ai_premium)
rows = []
for raw, band in zip(bands, lifted, strict=True):
    rows.append(
        {
            "Archetype": ARCHETYPE_TITLE[band.archetype],
            "Occupation": band.occupation,
            "Location": band.location,
            **{f"P{p} (source)": getattr(raw, f"p{p}") for p in (10, 25, 50, 75, 90)},
            "Premium": f"{band.ml_premium:.1%}",
            "P50 used": round(band.p50),
            "Source": band.source.source,
            "Year": band.source.year,
            "Status": band.source.status.value,
        }
    )
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(
    "Status 'secondary' means we read a report of the figure, not the primary table; the "
    "primary address is given so it can be checked. Shipped file: data/benchmarks.csv."
)

st.subheader("Cost assumptions", anchor=False)
table = [
    {
        "Assumption": a.label,
        "Value": a.value,
        "Source": a.source,
        "Year": a.year,
        "Status": a.status.value,
    }
    for a in (getattr(assumptions, key) for key in type(assumptions).model_fields)
]
st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
st.caption(
    f"The benefits load on base salary is share / (1 − share) = "
    f"{assumptions.benefits_load:.2%}. Shipped file: data/assumptions.toml."
)

st.subheader("How the diagnosis is scored", anchor=False)
st.write(
    "Each answer adds points to the failures it makes more likely. The highest total is the "
    "next likely failure; on a tie the earlier rung of the ladder wins, because a model that "
    "does not work yet cannot cause operational trouble."
)
score_rows = [
    {
        "Question": QUESTION_TITLE[q],
        "Answer": answer.replace("_", " "),
        **{FAILURE_TITLE[f]: p for f, p in points.items()},
    }
    for q, answers in SCORES.items()
    for answer, points in answers.items()
]
st.dataframe(pd.DataFrame(score_rows), hide_index=True, width="stretch")

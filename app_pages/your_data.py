"""Your data: upload your own salary bands (Pave, Carta, an HRIS export) for this session."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import validate_benchmarks
from planner.bounds import BENCHMARKS_UPLOAD
from planner.market import column_docs, template_csv
from planner.models import count
from planner.text import md_line
from ui.data import forget_upload, shipped_data, uploaded, use_upload

shipped = shipped_data()[0]

st.title("Use your own salary data", anchor=False)
st.write(
    "If you have better figures than public surveys — a Pave or Carta export, your HRIS, a "
    "recruiter's report — upload them as a CSV. Every cell is checked before any of it is used. "
    "Your bands replace ours for the same archetype, level and location, for this browser "
    "session only; nothing is stored on the server."
)

current = uploaded()
if current:
    name = md_line(current[0])  # the file name is the user's: shown as typed, never Markdown
    rows = current[1]
    st.success(
        f"In use: your data ({name}), {count(rows, 'band')}. Charts say “your data ({name})”."
    )
    if st.button("Stop using my file", key="data.forget"):
        forget_upload()
        st.session_state.pop("data.file_id", None)
        st.rerun()

st.download_button(
    "Download the template (CSV)",
    data=template_csv(),
    file_name="salary-bands-template.csv",
    mime="text/csv",
    key="data.template",
)
st.download_button(
    "Download the planner's own bands (CSV)",
    data=shipped.frame.drop(columns="origin").to_csv(index=False),
    file_name="ml-planner-benchmarks.csv",
    mime="text/csv",
    key="data.shipped",
    help="The shipped data is in exactly the upload format: edit it and upload it back.",
)

file = st.file_uploader(
    f"Upload a CSV (UTF-8, comma-separated, up to {BENCHMARKS_UPLOAD.text})",
    type=["csv"],
    max_upload_size=BENCHMARKS_UPLOAD.widget_mb,
    key="data.file",
)
if file is not None:
    report = validate_benchmarks(file.getvalue(), name=file.name)
    if report.table is None:
        st.error(
            f"{md_line(file.name)}: {count(report.problem_count, 'problem')} found, so nothing "
            "was loaded. "
            + (
                "Your previous data is still in use."
                if current
                else "The planner's data is still in use."
            )
        )
        shown = pd.DataFrame(
            [
                {
                    "Row": p.row or "",
                    "Column": p.column or "",
                    "Problem": p.message,
                    "How to fix": p.fix,
                }
                for p in report.problems
            ]
        )
        st.dataframe(shown, hide_index=True, width="stretch", key="data.problems")
        if report.problem_count > len(report.problems):
            st.caption(f"Showing the first {len(report.problems)} of {report.problem_count}.")
    elif st.session_state.get("data.file_id") != file.file_id:
        use_upload(file.name, report.table, shipped)
        st.session_state["data.file_id"] = file.file_id
        st.rerun()

st.subheader("Columns", anchor=False)
st.dataframe(
    pd.DataFrame(
        [
            {"Column": c, "What goes in it": d, "Required": "yes" if r else "no"}
            for c, d, r in column_docs()
        ]
    ),
    hide_index=True,
    width="stretch",
)
st.caption(
    "Salaries are yearly base pay in the row's currency. Rows with ml_specific = false are lifted "
    "by the AI/ML premium (editable on the Plan page). One row per archetype, level and location."
)

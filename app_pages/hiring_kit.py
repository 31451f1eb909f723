"""Hiring kit: job descriptions, assessment plans, a job-description linter, a filter audit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Archetype, Level
from planner.assess import assessment_plan
from planner.audit import CHECKLIST, FIGURES, audit_markdown
from planner.charts_plan import jd_share_figure
from planner.jd import job_description
from planner.lint import MAX_JD_BYTES, decode_upload, lint_text
from planner.report import cite
from planner.rules import ARCHETYPE_TITLE, FAILURE_TITLE, diagnose, recommend_mix
from planner.service import market_band
from ui.charts import plot
from ui.data import active_table, lexicon, shipped_data
from ui.state import current_fx, saved_answers

shipped, assumptions, fx = shipped_data()
answers = saved_answers(assumptions)
diagnosis = diagnose(answers)
_, hires = recommend_mix(diagnosis, answers)
planned = list(dict.fromkeys(h.archetype for h in hires)) or [Archetype.RESEARCHER]

st.title("Hiring kit", anchor=False)
st.caption(
    f"Built from your answers on the Plan page — next likely failure: "
    f"{FAILURE_TITLE[diagnosis.next_failure].lower()}. Change them there."
)
jd_tab, assess_tab, lint_tab, audit_tab = st.tabs(
    ["Job descriptions", "Assessment plans", "Check a job description", "Filter audit"]
)


def _pick(key: str) -> Archetype:
    options = planned + [a for a in Archetype if a not in planned]
    return Archetype(
        st.selectbox(
            "Archetype",
            [a.value for a in options],
            format_func=lambda v: (
                ARCHETYPE_TITLE[Archetype(v)]
                + ("" if Archetype(v) in planned else " (not in your plan)")
            ),
            key=key,
        )
    )


with jd_tab:
    archetype = _pick("kit.jd_archetype")
    level = answers.level or next(
        (h.level for h in hires if h.archetype is archetype), Level.SENIOR
    )
    band = market_band(
        active_table(shipped), archetype, level, answers, assumptions, current_fx(fx)
    )
    jd = job_description(archetype, level, answers, band)
    markdown = jd.to_markdown()
    st.download_button(
        "Download as Markdown",
        markdown,
        file_name=f"{archetype.value}-{level.value}-job-description.md",
        mime="text/markdown",
        key="kit.jd_download",
    )
    with st.container(border=True):
        st.markdown(markdown)
    with st.expander("Copy the Markdown"):
        st.code(markdown, language="markdown")

with assess_tab:
    archetype = _pick("kit.assess_archetype")
    plan = assessment_plan(archetype, diagnosis.next_failure)
    st.download_button(
        "Download as Markdown",
        plan.to_markdown(),
        file_name=f"{archetype.value}-assessment-plan.md",
        mime="text/markdown",
        key="kit.assess_download",
    )
    st.markdown(plan.to_markdown())

with lint_tab:
    st.write(
        "Paste a job description, or upload a .txt or .md file. Each line is checked against "
        "a readable rulebook (data/jd_lexicon.toml) and classified by the kind of work it asks "
        "for: research, development, operations or data engineering."
    )
    text = st.text_area("Job description", height=260, max_chars=MAX_JD_BYTES, key="kit.jd_text")
    upload = st.file_uploader(
        f"…or upload it (.txt or .md, up to {MAX_JD_BYTES // 1000} kB)",
        type=["txt", "md"],
        key="kit.jd_file",
    )
    if upload is not None:
        try:
            text = decode_upload(upload.getvalue())
        except ValueError as exc:
            st.error(f"{upload.name}: {exc}.")
            text = ""
    if text.strip():
        rules = lexicon()
        report = lint_text(text, rules)
        plot(
            jd_share_figure(
                {k.value: s for k, s in report.archetype_share.items()},
                report.jobs,
                [k.value for k in report.asked],
            ),
            key="kit.share_chart",
            filename="ml-job-posting-mix",
        )

        def _ours(s: str) -> str:
            # Rule text is ours, but a "$" would start Markdown maths.
            return s.replace("$", "\\$")

        if report.findings:
            icon = {"high": ":material/error:", "medium": ":material/warning:",
                    "low": ":material/info:"}  # fmt: skip
            for f in report.findings:
                with st.container(border=True):
                    where = "Whole posting" if f.line == 0 else f"Line {f.line}"
                    st.markdown(
                        f"{icon[f.severity]} **{where} · {f.severity} · "
                        f"{f.rule.replace('_', ' ')}**"
                    )
                    if f.quote:
                        st.text(f.quote)  # the user's own words: shown as plain text
                    st.caption(_ours(f.message))
                    st.markdown(f"**Try instead:** {_ours(f.suggestion)}")
                    if f.source:
                        st.caption(f"Source: {_ours(f.source)}")
            with st.expander("All findings as a table"):
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "Line": str(f.line) if f.line else "posting",
                                "Severity": f.severity,
                                "Rule": f.rule.replace("_", " "),
                                "Quote": f.quote,
                                "Why it hurts": f.message,
                                "Try instead": f.suggestion,
                                "Source": f.source,
                            }
                            for f in report.findings
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                    key="kit.findings",
                )
        else:
            st.success(
                "No findings: the posting names one job, its ownership, its outcomes and its "
                "pay range."
            )
        with st.expander("Which lines ask for which kind of work"):
            st.caption(
                "Terms are the rulebook's words found on each line; shared words (rollback, "
                "tests, deploy …) count only for the kind the line or posting already favours."
            )
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "Line": x.line,
                            "Kind of work": rules.kinds[x.kind].label if x.kind else "",
                            "Terms": "; ".join(
                                f"{rules.kinds[k].label}: {', '.join(t)}"
                                for k, t in x.terms.items()
                            ),
                            "Text": x.text,  # the user's words: a dataframe cell, never Markdown
                        }
                        for x in report.lines
                        if x.kind is not None
                    ],
                    columns=["Line", "Kind of work", "Terms", "Text"],
                ),
                hide_index=True,
                width="stretch",
                key="kit.lines",
            )

with audit_tab:
    st.write("Check each screen before the next req opens. Tick what you have fixed.")
    for i, item in enumerate(CHECKLIST):
        st.checkbox(f"**{item.area}.** {item.check}", key=f"kit.audit.{i}")
        st.caption(f"Risk: {item.risk}  \nFix: {item.fix}")
    st.subheader("The figures behind it", anchor=False)
    for source in FIGURES:
        st.caption(f"• {cite(source)}")
    st.download_button(
        "Download the checklist (Markdown)",
        audit_markdown(),
        file_name="screening-filter-audit.md",
        mime="text/markdown",
        key="kit.audit_download",
    )

"""Hiring kit: job descriptions, assessment plans, a job-description linter, a filter audit."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from planner import Archetype
from planner.bounds import JD_UPLOAD
from planner.kit import (
    CHECKLIST,
    FIGURES,
    SEVERITY_ORDER,
    Finding,
    assessment_plan,
    audit_markdown,
    decode_upload,
    lint_text,
)
from planner.models import count
from planner.render import jd_share_figure
from planner.service import plan_job_description
from planner.stage import ARCHETYPE_TITLE, FAILURE_TITLE, diagnose, recommend_mix
from planner.text import cite, clean, md_line
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


ICON = {"high": ":material/error:", "medium": ":material/warning:", "low": ":material/info:"}
FIRST_SHOWN = 50  # lines quoted under their rules; every finding is in the table on request
PER_RULE = 5  # lines quoted under one rule
_TERM = re.compile(r"^“[^”]*”: ")  # a message's quoted rulebook term: “PhD”: …


def _ours(text: str) -> str:
    # Rule text is ours (data/jd_lexicon.toml), but a "$" would start Markdown maths.
    return text.replace("$", "\\$")


def _explanation(group: list[Finding]) -> str:
    """What the rule's findings say: the one message, or the part after the term that every
    message shares, or the first message."""
    messages = {f.message for f in group}
    if len(messages) == 1:
        return group[0].message
    shared = {_TERM.sub("", m) for m in messages}
    return shared.pop() if len(shared) == 1 else group[0].message


def by_rule(findings: Iterable[Finding]) -> list[list[Finding]]:
    """Findings grouped by rule: the most severe rule first, then the one found first."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.rule, []).append(f)
    return sorted(
        groups.values(), key=lambda g: (min(SEVERITY_ORDER[f.severity] for f in g), g[0].line)
    )


def show_findings(findings: tuple[Finding, ...]) -> None:
    """One card per rule with its count, why it hurts and a rewrite; the first lines it found
    quoted under it (FIRST_SHOWN in all), and every finding in a table on request. A long
    posting draws a few dozen elements, not several per finding."""
    groups = by_rule(findings)
    st.caption(
        f"{count(len(findings), 'finding')} under {count(len(groups), 'rule')}, the most "
        "severe first."
    )
    budget = FIRST_SHOWN
    for group in groups:
        first = group[0]
        worst = min((f.severity for f in group), key=SEVERITY_ORDER.__getitem__)
        lines = {f.line for f in group if f.line}
        where = count(len(lines), "line") if lines else "the whole posting"
        text = (
            f"{ICON[worst]} **{first.rule.replace('_', ' ').capitalize()}** · {worst} · "
            f"{where}\n\n{_ours(_explanation(group))}\n\n"
            f"**Try instead:** {_ours(first.suggestion)}"
        )
        if first.source:
            text += f"\n\nSource: {_ours(first.source)}"
        quoted = [f for f in group if f.quote]
        shown = quoted[: min(PER_RULE, budget)]
        budget -= len(shown)
        with st.container(border=True):
            st.markdown(text)
            if quoted:
                more = len(quoted) - len(shown)
                rest = f"… and {count(more, 'more line')}: all in the table below" if more else ""
                # The user's own words: plain text, never Markdown.
                quotes = [f"Line {f.line}: {clean(f.quote)}" for f in shown]
                st.text("\n".join([*quotes, rest] if rest else quotes))
    with st.expander(f"All {count(len(findings), 'finding')} as a table"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Line": str(f.line) if f.line else "posting",
                        "Severity": f.severity,
                        "Rule": f.rule.replace("_", " "),
                        "Quote": clean(f.quote),  # a dataframe cell: text, never markup
                        "Why it hurts": f.message,
                        "Try instead": f.suggestion,
                        "Source": f.source,
                    }
                    for f in findings
                ]
            ),
            hide_index=True,
            width="stretch",
            key="kit.findings",
        )


with jd_tab:
    archetype = _pick("kit.jd_archetype")
    jd = plan_job_description(
        archetype, answers, active_table(shipped), assumptions, current_fx(fx)
    )
    level = jd.level
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
    text = st.text_area(
        "Job description", height=260, max_chars=JD_UPLOAD.max_bytes, key="kit.jd_text"
    )
    upload = st.file_uploader(
        f"…or upload it (.txt or .md, up to {JD_UPLOAD.text})",
        type=["txt", "md"],
        max_upload_size=JD_UPLOAD.widget_mb,
        key="kit.jd_file",
    )
    if upload is not None:
        try:
            text = decode_upload(upload.getvalue())
        except ValueError as exc:
            st.error(f"{md_line(upload.name)}: {exc}.")  # the file name is the user's
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

        if report.findings:
            show_findings(report.findings)
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
                            "Text": clean(x.text),  # the user's words: a cell, never Markdown
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

"""The hiring kit: job descriptions, the job-description checker, assessment plans, the audit.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.kit._assess import assessment_plan
from planner.kit._audit import CHECKLIST, FIGURES, audit_markdown
from planner.kit._jd import JobDescription, job_description
from planner.kit._lint import (
    SEVERITY_ORDER,
    Finding,
    Lexicon,
    LintReport,
    decode_upload,
    lint_text,
    load_lexicon,
)

__all__ = [
    "CHECKLIST",
    "FIGURES",
    "SEVERITY_ORDER",
    "Finding",
    "JobDescription",
    "Lexicon",
    "LintReport",
    "assessment_plan",
    "audit_markdown",
    "decode_upload",
    "job_description",
    "lint_text",
    "load_lexicon",
]

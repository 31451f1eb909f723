"""A checklist to audit screening filters for bias, with the figures behind it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from planner.models import Source, SourceStatus


class AuditItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    area: str
    check: str
    risk: str
    fix: str


def _cited(label: str, source: str) -> Source:
    # These figures reach us through the reference article (2026), which names who reported them.
    return Source(
        label=label, source=f"{source}, as cited in 2026", year=2026, status=SourceStatus.SECONDARY
    )


FIGURES: tuple[Source, ...] = (
    _cited(
        "62% of US hiring managers report a skills mismatch", "LinkedIn research via Tier4 Group"
    ),
    _cited("64% of employers use skills-based hiring", "Tier4 Group"),
    _cited(
        "Skills-based hiring could widen talent pools 6.1x", "LinkedIn research via Tier4 Group"
    ),
    _cited("~300,000 AI specialists against more than 1 million open roles", "Amplework"),
    _cited("Specialised AI agencies cut time-to-hire by up to 30%", "Signify Technology"),
    _cited("AI screening can inherit old hiring biases", "MIT Sloan"),
)

CHECKLIST: tuple[AuditItem, ...] = (
    AuditItem(
        area="Title filters",
        check="Does sourcing or the ATS search only for the exact title 'Machine Learning Engineer'?",
        risk="It misses data scientists who have shipped production systems and software "
        "engineers with strong maths, who often do the job well.",
        fix="Search by the work (deployed a model, ran monitoring, built a pipeline), not the title.",
    ),
    AuditItem(
        area="Pedigree gates",
        check="Is any screen a hard filter on degree, university, employer brand or publications?",
        risk="Pedigree stands in for skill and narrows the pool; it also repeats who got those "
        "chances in the past.",
        fix="Replace it with a work sample scored against the archetype's scorecard.",
    ),
    AuditItem(
        area="Keyword filters",
        check="Are CVs rejected for missing a specific framework name?",
        risk="Tools change faster than skills; keyword screens reward CVs written for screens.",
        fix="Screen for the outcomes of the job; treat named tools as nice-to-have.",
    ),
    AuditItem(
        area="Years of experience",
        check="Is there a hard cut-off on years of experience?",
        risk="It drops strong people with short, dense careers and says little about the work.",
        fix="Ask for evidence of the specific experience that matters (e.g. ran a model through "
        "an incident).",
    ),
    AuditItem(
        area="Automated screening",
        check="Does an AI or scoring tool rank or reject applicants before a person looks?",
        risk="Such tools learn from past decisions and can carry their bias while looking neutral.",
        fix="Audit its pass rates by group on a sample each quarter; keep a human review of "
        "rejections; never let it be the only gate.",
    ),
    AuditItem(
        area="Interview loop",
        check="Do all archetypes go through the same loop (e.g. the same coding puzzle)?",
        risk="Each archetype fails in different places; one loop tests none of them well.",
        fix="Use the assessment plan for the archetype you are hiring.",
    ),
    AuditItem(
        area="Posting wording",
        check="Does the posting pass the job-description checker without high-severity findings?",
        risk="Prestige wording, credential and pedigree gates, age-coded or native-speaker "
        "wording and a missing pay range change who applies before anyone screens; some of "
        "them also break advertising or pay-transparency rules.",
        fix="Run the job-description checker (Hiring kit, or `python -m planner lint-jd`) and "
        "apply its rewrites.",
    ),
)


def audit_markdown() -> str:
    """The checklist and the figures, for download."""
    lines = ["# Screening filter audit", ""]
    for item in CHECKLIST:
        lines += [
            f"- [ ] **{item.area}.** {item.check}",
            f"  - Risk: {item.risk}",
            f"  - Fix: {item.fix}",
        ]
    lines += ["", "## Figures", *(f"- {s.label} ({s.source}; {s.status.value})" for s in FIGURES)]
    return "\n".join(lines) + "\n"

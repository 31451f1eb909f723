"""A job-description linter: deterministic rules from data/jd_lexicon.toml, no external model.

It flags prestige wording, credential gates that do not fit the role, framework laundry lists,
postings that ask for several archetypes' jobs, and missing ownership or outcomes. Every
finding quotes the line, says why it hurts the search and proposes a rewrite.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import DataFileError
from planner.models import Archetype

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "jd_lexicon.toml"
MAX_JD_BYTES = 200_000  # a job description is a page or two; this is fifty pages
MAX_QUOTE = 160
JOB_SHARE = 0.2  # an archetype with at least this share of classified lines is a job asked for
Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z_]+$")
    severity: Severity
    terms: list[str] = Field(min_length=1)
    why: str = Field(min_length=10)
    suggestion: str = Field(min_length=10)


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    archetypes: dict[Archetype, list[str]]
    frameworks: list[str]
    laundry_list_min: int = Field(ge=2)
    posting_laundry_list_min: int = Field(ge=2)
    rules: list[Rule]
    ownership_terms: list[str] = Field(min_length=1)
    outcome_markers: list[str] = Field(min_length=1)


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int  # 1-based line of the text; 0 for the posting as a whole
    rule: str
    severity: Severity
    message: str
    suggestion: str
    quote: str = ""


class LineLabel(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int
    text: str
    archetype: Archetype | None  # None: the line asks for none of the three jobs
    weights: dict[Archetype, float] = {}  # the line's matches, as shares summing to 1


class LintReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    findings: tuple[Finding, ...]
    archetype_share: dict[Archetype, float]
    lines: tuple[LineLabel, ...]
    jobs: int  # how many archetypes' jobs the posting asks for

    @property
    def worst(self) -> Severity | None:
        return min(
            (f.severity for f in self.findings), key=SEVERITY_ORDER.__getitem__, default=None
        )


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """Read and validate the rulebook, or raise DataFileError naming the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return Lexicon.model_validate(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the linter rules ({exc}).") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise DataFileError(f"{path}, key {key}: {err['msg']}.") from exc


def _pattern(terms: list[str]) -> re.Pattern[str]:
    """Whole words or phrases, case-insensitive; longest first so phrases win."""
    alternatives = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _clean(line: str) -> str:
    return line.strip().lstrip("-*•#>").strip()


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def lint_text(text: str, lexicon: Lexicon) -> LintReport:
    """Lint a job description. Never raises on any text."""
    archetype_patterns = {a: _pattern(terms) for a, terms in lexicon.archetypes.items()}
    frameworks = _pattern(lexicon.frameworks)
    rules = [(rule, _pattern(rule.terms)) for rule in lexicon.rules]
    ownership = _pattern(lexicon.ownership_terms)
    outcome = re.compile("|".join(re.escape(m.lower()) for m in lexicon.outcome_markers))

    labels: list[LineLabel] = []
    findings: list[Finding] = []
    credential_lines: list[tuple[int, str, Rule, str]] = []
    all_frameworks: set[str] = set()
    owns = has_outcome = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        low = line.lower()
        hits = {a: len(p.findall(low)) for a, p in archetype_patterns.items()}
        best = max(hits.values())
        label = next(a for a in Archetype if hits.get(a) == best) if best else None
        total = sum(hits.values())
        weights = {a: n / total for a, n in hits.items() if n} if total else {}
        labels.append(LineLabel(line=number, text=_quote(line), archetype=label, weights=weights))
        asked = [a for a in Archetype if hits.get(a)]
        if len(asked) >= 2:
            findings.append(
                Finding(
                    line=number,
                    rule="mixed_line",
                    severity="low",
                    quote=_quote(line),
                    message=f"This line asks for {' and '.join(a.value for a in asked)} work "
                    "at once.",
                    suggestion="Keep each line to one job; move the rest to a separate posting.",
                )
            )
        named = {m for m in frameworks.findall(low)}
        all_frameworks |= named
        if len(named) >= lexicon.laundry_list_min:
            findings.append(
                Finding(
                    line=number,
                    rule="framework_laundry_list",
                    severity="medium",
                    quote=_quote(line),
                    message=f"{len(named)} frameworks on one line read as a wish list and "
                    "screen out "
                    "people who know the ideas but used other tools.",
                    suggestion="Name the one or two tools the person will use daily and add "
                    "'or similar'.",
                )
            )
        for rule, pattern in rules:
            match = pattern.search(low)
            if match is None:
                continue
            if rule.id == "credential_gate":
                credential_lines.append((number, line, rule, match.group(0)))
                continue
            findings.append(
                Finding(
                    line=number,
                    rule=rule.id,
                    severity=rule.severity,
                    quote=_quote(line),
                    message=f"“{match.group(0)}”: {rule.why}",
                    suggestion=rule.suggestion,
                )
            )
        owns = owns or bool(ownership.search(low))
        has_outcome = has_outcome or (bool(outcome.search(low)) and any(c.isdigit() for c in low))

    share = _share(labels)
    for number, line, rule, term in credential_lines:
        fits = share[Archetype.RESEARCHER] > 0.5  # mainly a research role: a gate is common there
        findings.append(
            Finding(
                line=number,
                rule=rule.id,
                severity="low" if fits else rule.severity,
                quote=_quote(line),
                message=f"“{term}”: {rule.why}"
                + ("" if fits else " This posting is not mainly for a research role."),
                suggestion=rule.suggestion,
            )
        )
    classified = sum(1 for x in labels if x.archetype is not None)
    jobs = (
        sum(1 for s in share.values() if s >= JOB_SHARE) if classified >= 2 else min(1, classified)
    )
    findings += _posting_findings(labels, share, jobs, owns, has_outcome, all_frameworks, lexicon)
    findings.sort(key=lambda f: (f.line, SEVERITY_ORDER[f.severity], f.rule))
    return LintReport(
        findings=tuple(findings), archetype_share=share, lines=tuple(labels), jobs=jobs
    )


def _share(labels: list[LineLabel]) -> dict[Archetype, float]:
    """Share of the classified lines per archetype; a line matching two splits its weight."""
    classified = [x for x in labels if x.archetype is not None]
    if not classified:
        return dict.fromkeys(Archetype, 0.0)
    return {a: sum(x.weights.get(a, 0.0) for x in classified) / len(classified) for a in Archetype}


def _posting_findings(
    labels: list[LineLabel],
    share: dict[Archetype, float],
    jobs: int,
    owns: bool,
    has_outcome: bool,
    frameworks: set[str],
    lexicon: Lexicon,
) -> list[Finding]:
    out = []
    if jobs >= 2:
        split = ", ".join(f"{a.value} {s:.0%}" for a, s in share.items() if s)
        out.append(
            Finding(
                line=0,
                rule="several_jobs",
                severity="high",
                message=f"This posting asks for {jobs} jobs ({split}). "
                "Strong candidates for one of "
                "them read the rest as a job they do not want.",
                suggestion="Write one posting per archetype; open the one your stage needs first.",
            )
        )
    if labels and not owns:
        out.append(
            Finding(
                line=0,
                rule="missing_ownership",
                severity="high",
                message="No line says what the person will own, so candidates cannot tell the job "
                "from a wish list.",
                suggestion="Add a line such as 'You will own deployment, monitoring and "
                "rollback of "
                "our fraud model.'",
            )
        )
    if labels and not has_outcome:
        out.append(
            Finding(
                line=0,
                rule="missing_outcomes",
                severity="high",
                message="No measurable outcome: nothing says what success looks like or by when.",
                suggestion="Add 3 to 5 outcomes for the first 12 months, with numbers, e.g. "
                "'Cut the time from trained model to production to under two days "
                "within six months.'",
            )
        )
    if len(frameworks) >= lexicon.posting_laundry_list_min:
        out.append(
            Finding(
                line=0,
                rule="framework_laundry_list",
                severity="medium",
                message=f"The posting names {len(frameworks)} frameworks; nobody uses all of them "
                "daily, so the list screens for keyword-stuffed CVs.",
                suggestion="Keep the tools of the daily work; move the rest to nice-to-have "
                "or drop them.",
            )
        )
    return out


def decode_upload(data: bytes) -> str:
    """Text of an uploaded .txt/.md job description; ValueError with the reason if unusable."""
    if len(data) > MAX_JD_BYTES:
        raise ValueError(
            f"the file is {len(data) / 1000:.0f} kB; job descriptions up to "
            f"{MAX_JD_BYTES // 1000} kB are accepted"
        )
    if b"\x00" in data:
        raise ValueError("the file is not plain text; paste the text or save it as .txt or .md")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8 .txt or .md"
        ) from exc

"""A job-description checker: deterministic rules from data/jd_lexicon.toml, no external model.

Every non-empty line is classified by the kind of work it asks for (research, development,
operations, data engineering), with the terms that gave it away. The posting is then checked for
asking for several jobs at once, for credential, pedigree, age-coded and native-speaker filters,
competition titles as requirements, prestige wording, framework laundry lists, and for missing
ownership, outcomes or pay range. Every finding says why it hurts the search and proposes a
rewrite; line findings quote their line.

Messages and suggestions are our own text: where a message names a word, it names the lexicon's
term, never the user's text (the quote carries that, and callers show it as plain text).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from planner.bounds import JD_UPLOAD
from planner.errors import DataFileError
from planner.files import DATA_DIR

LEXICON_FILE = DATA_DIR / "jd_lexicon.toml"
MAX_JD_BYTES = JD_UPLOAD.max_bytes
MAX_QUOTE = 160
MAX_EVIDENCE_LINES = 6  # line numbers named per kind in a message
MAX_EVIDENCE_TERMS = 6  # terms named per kind in a message
HEADING_MAX_WORDS = 6
Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# Rule ids the checker itself emits; the lexicon's [[rules]] may not reuse them.
BUILT_IN_RULES = frozenset(
    {
        "several_jobs",
        "mixed_line",
        "missing_ownership",
        "missing_outcomes",
        "missing_pay_range",
        "framework_laundry_list",
    }
)


class Kind(StrEnum):
    """The four kinds of work a posting can ask for (the first three are the archetypes)."""

    RESEARCHER = "researcher"
    DEVELOPER = "developer"
    OPERATOR = "operator"
    DATA_ENGINEERING = "data_engineering"


KIND_ORDER = {k: i for i, k in enumerate(Kind)}


def _norm(term: str) -> str:
    """Lower case; runs of spaces and hyphens become one space (how terms are compared)."""
    return re.sub(r"[\s\-]+", " ", term.strip().lower())


class KindTerms(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str = Field(min_length=2)
    terms: list[str] = Field(min_length=1)
    tools: list[str] = []


class SharedTerms(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: list[Kind] = Field(min_length=2)
    terms: list[str] = Field(min_length=1)


class JobThresholds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    shared_weight: float = Field(gt=0, le=1)
    tool_weight: float = Field(gt=0, le=1)
    min_share: float = Field(gt=0, lt=1)
    min_evidence: float = Field(gt=0)
    max_line_weight: float = Field(ge=1)
    mainly_research_share: float = Field(gt=0, le=1)


class Requirements(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    markers: list[str] = Field(min_length=1)
    optional_markers: list[str] = Field(min_length=1)
    headings: list[str] = Field(min_length=1)
    optional_headings: list[str] = Field(min_length=1)


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z_]+$")
    severity: Severity
    terms: list[str] = Field(min_length=1)
    why: str = Field(min_length=10)
    suggestion: str = Field(min_length=10)
    source: str = ""
    exclude: list[str] = []  # phrases masked before matching
    unless: list[str] = []  # a line containing one of these is skipped by this rule
    requirement_only: bool = False


class PayLaw(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    place: str = Field(min_length=2)
    effective: str = Field(min_length=4)
    source: str = Field(min_length=2)
    terms: list[str] = []  # names of the place; none: cited, but never raises the severity
    note: str = ""  # how the law is cited when it has no place terms


class PayRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    severity: Severity
    severity_where_required: Severity
    currencies: list[str] = Field(min_length=1)
    vague_terms: list[str] = []
    why: str = Field(min_length=10)
    suggestion: str = Field(min_length=10)
    laws: list[PayLaw] = Field(min_length=1)


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    frameworks: list[str]
    laundry_list_min: int = Field(ge=2)
    posting_laundry_list_min: int = Field(ge=2)
    ownership_terms: list[str] = Field(min_length=1)
    ownership_exclude: list[str] = []
    outcome_markers: list[str] = Field(min_length=1)
    outcome_exclude: list[str] = []
    jobs: JobThresholds
    kinds: dict[Kind, KindTerms]
    shared: list[SharedTerms] = []
    requirements: Requirements
    rules: list[Rule]
    pay: PayRule
    _compiled: _Compiled = PrivateAttr()

    @model_validator(mode="after")
    def _consistent(self) -> Lexicon:
        missing = [k.value for k in Kind if k not in self.kinds]
        if missing:
            raise ValueError(f"kinds must define {', '.join(missing)}")
        seen: dict[str, str] = {}
        lists: list[tuple[str, list[str]]] = [
            (f"kinds.{k.value}", [*v.terms, *v.tools]) for k, v in self.kinds.items()
        ]
        lists += [(f"shared.{i}", s.terms) for i, s in enumerate(self.shared)]
        for where, terms in lists:
            for term in {_norm(t) for t in terms}:
                if term in seen:
                    raise ValueError(f"the term '{term}' is in both {seen[term]} and {where}")
                seen[term] = where
        ids = [r.id for r in self.rules]
        clash = sorted((set(ids) & BUILT_IN_RULES) | {i for i in ids if ids.count(i) > 1})
        if clash:
            raise ValueError(f"rule ids must be unique and not built in: {', '.join(clash)}")
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._compiled = _Compiled(self)  # every pattern compiled once per rulebook


# ---- Compiled patterns --------------------------------------------------------------------


_GAP = "\x00"  # inside a term: a run of spaces and hyphens


def _trie(terms: Iterable[str]) -> str:
    """One regex for many terms, as a prefix tree: far faster than a flat alternation."""
    root: dict[str, Any] = {}
    for term in terms:
        node = root
        for ch in term.replace(" ", _GAP):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(root, "")


def _branch(node: dict[str, Any], last: str) -> str:
    alts = [
        (r"[\s\-]+" if ch == _GAP else re.escape(ch)) + _branch(child, ch)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:  # a term ends here; longer terms are tried first
        alts.append(r"(?!\w)" if re.match(r"\w", last) else "")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """Whole words or phrases on lower-cased text; the longest term at a place wins."""
    unique = {_norm(t) for t in terms if t.strip()}
    if not unique:
        return None
    words = sorted(t for t in unique if re.match(r"\w", t))
    others = sorted(unique - set(words))
    parts = ([rf"(?<!\w){_trie(words)}"] if words else []) + ([_trie(others)] if others else [])
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class _TermInfo:
    kind: Kind | None  # None for shared terms
    shared: tuple[Kind, ...] = ()
    tool: bool = False


@dataclass(frozen=True)
class _RuleMatcher:
    rule: Rule
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None
    unless: re.Pattern[str] | None


# Pay amounts have at most 7 digits before the decimals; bounded repeats keep matching linear.
_NUMBER = r"\d{1,3}(?:[,.'’\u00a0\u202f ]\d{3}){1,2}(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?"
_RANGE_SEP = r"\s*(?:-|–|—|to|bis|and|und)\s*"
_NOT_FUNDING = r"(?!\s?(?:m|mm|mn|bn|b|million|billion|mio|mrd)(?!\w))"


_MD_ESCAPE = re.compile(r"\\([^\w\s])")  # a Markdown backslash escape: "\\$" is "$"


def _pay_range_pattern(currencies: list[str]) -> re.Pattern[str]:
    """An amount range in a currency; amounts in millions (funding) do not count."""
    symbols = _pattern(currencies)
    cur = f"(?:{symbols.pattern})" if symbols else "(?!)"
    amount = rf"(?<![\d.,'])(?:{_NUMBER})(?![\d.,']\d|\d)(?:\s?k(?!\w))?"
    return re.compile(
        rf"{cur}\s?{amount}{_RANGE_SEP}(?:{cur}\s?)?{amount}{_NOT_FUNDING}"
        rf"|{amount}{_RANGE_SEP}{amount}\s?{cur}"
        rf"|between\s+{cur}\s?{amount}\s+and\s+(?:{cur}\s?)?{amount}{_NOT_FUNDING}"
    )


class _Compiled:
    """The lexicon's patterns, compiled once."""

    def __init__(self, lx: Lexicon) -> None:
        info: dict[str, _TermInfo] = {}
        for kind, kt in lx.kinds.items():
            info |= {_norm(t): _TermInfo(kind) for t in kt.terms}
            info |= {_norm(t): _TermInfo(kind, tool=True) for t in kt.tools}
        for group in lx.shared:
            info |= {_norm(t): _TermInfo(None, shared=tuple(group.kinds)) for t in group.terms}
        self.term_info = info
        # how each term is written in the rulebook, for messages ("fast-paced", not "fast paced")
        shown: list[str] = [*lx.pay.vague_terms]
        for r in lx.rules:
            shown += r.terms
        for kt in lx.kinds.values():
            shown += [*kt.terms, *kt.tools]
        for group in lx.shared:
            shown += group.terms
        self.display: dict[str, str] = {}
        for t in shown:
            self.display.setdefault(_norm(t), t.strip())
        self.kinds = _pattern(info)
        self.frameworks = _pattern(lx.frameworks)
        self.ownership = _pattern(lx.ownership_terms)
        self.ownership_exclude = _pattern(lx.ownership_exclude)
        self.outcome = _pattern(lx.outcome_markers)
        self.outcome_exclude = _pattern(lx.outcome_exclude)
        req = lx.requirements
        self.req_markers = _pattern(req.markers)
        self.optional_markers = _pattern(req.optional_markers)
        self.req_headings = _pattern(req.headings)
        self.optional_headings = _pattern(req.optional_headings)
        self.rules = [
            _RuleMatcher(r, p, _pattern(r.exclude), _pattern(r.unless))
            for r in lx.rules
            if (p := _pattern(r.terms)) is not None
        ]
        self.pay_range = _pay_range_pattern(lx.pay.currencies)
        self.vague_pay = _pattern(lx.pay.vague_terms)
        self.laws = [(law, _pattern(law.terms)) for law in lx.pay.laws]


def _terms(pattern: re.Pattern[str] | None, text: str) -> list[str]:
    return [] if pattern is None else [_norm(m.group(0)) for m in pattern.finditer(text)]


def _search(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _mask(pattern: re.Pattern[str] | None, text: str) -> str:
    return text if pattern is None else pattern.sub(" ", text)


# ---- The report ---------------------------------------------------------------------------


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int  # 1-based line of the text; 0 for the posting as a whole
    rule: str
    severity: Severity
    message: str
    suggestion: str
    quote: str = ""
    source: str = ""  # where the reason comes from, when the rulebook names it


class LineLabel(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int
    text: str
    kind: Kind | None  # None: the line asks for none of the four kinds of work
    weights: dict[Kind, float] = {}  # the line's scores, as shares summing to 1
    terms: dict[Kind, tuple[str, ...]] = {}  # the lexicon terms that gave each kind

    @property
    def archetype(self) -> Kind | None:
        """The old name of `kind`."""
        return self.kind


class KindEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    lines: tuple[int, ...]  # lines whose kind this is
    terms: tuple[str, ...]  # distinct terms on those lines, in order of appearance
    score: float  # the summed score of this kind on those lines


class LintReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    findings: tuple[Finding, ...]
    archetype_share: dict[Kind, float]  # share of the classified lines per kind of work
    lines: tuple[LineLabel, ...]
    jobs: int  # how many kinds of work the posting asks for as jobs
    asked: tuple[Kind, ...] = ()  # those kinds, largest share first
    evidence: dict[Kind, KindEvidence] = {}

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
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise DataFileError(f"{path}, key {key}: {err['msg']}.") from exc


def _clean(line: str) -> str:
    return line.strip().lstrip("-*•#>").strip()


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _is_heading(raw: str, line: str) -> bool:
    stripped = raw.lstrip()
    if stripped.startswith("#"):
        return True
    if stripped[:1] in "-*•" or re.match(r"\d+[.)]\s", stripped):
        return False
    return line.endswith(":") or (
        len(line.split()) <= HEADING_MAX_WORDS and not line.endswith((".", "!", "?"))
    )


@dataclass
class _Line:
    number: int
    text: str
    specific: dict[Kind, float]
    terms: dict[Kind, list[str]]
    shared: list[tuple[str, tuple[Kind, ...]]]
    score: dict[Kind, float] = field(default_factory=dict)
    kind: Kind | None = None


@dataclass
class _Posting:
    lines: list[_Line] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    credential: list[tuple[int, str, Rule, str]] = field(default_factory=list)
    frameworks: set[str] = field(default_factory=set)
    owns: bool = False
    outcome: bool = False
    pay_range: bool = False
    vague_pay: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    non_empty: int = 0


def lint_text(text: str, lexicon: Lexicon) -> LintReport:
    """Check a job description. Never raises on any text."""
    c = lexicon._compiled
    post = _Posting()
    section: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        post.non_empty += 1
        low = line.lower()
        if _is_heading(raw, line):
            section = (
                "optional"
                if _search(c.optional_headings, low)
                else "required"
                if _search(c.req_headings, low)
                else None
            )
        requirement = _search(c.req_markers, low) or (
            section == "required" and not _search(c.optional_markers, low)
        )
        post.lines.append(_classify(number, line, low, lexicon))
        _line_rules(number, line, low, requirement, lexicon, post)
    return _report(post, lexicon)


def _classify(number: int, line: str, low: str, lexicon: Lexicon) -> _Line:
    c = lexicon._compiled
    specific: dict[Kind, float] = {}
    tools: dict[Kind, float] = {}
    terms: dict[Kind, list[str]] = {}
    shared: list[tuple[str, tuple[Kind, ...]]] = []
    for term in _terms(c.kinds, low):
        info = c.term_info[term]
        term = c.display.get(term, term)
        if info.kind is None:
            shared.append((term, info.shared))
            continue
        bucket = tools if info.tool else specific
        bucket[info.kind] = bucket.get(info.kind, 0.0) + (
            lexicon.jobs.tool_weight if info.tool else 1.0
        )
        if term not in terms.setdefault(info.kind, []):
            terms[info.kind].append(term)
    tool_total = sum(tools.values())
    scale = 1.0 / tool_total if tool_total > 1.0 else 1.0  # all tools on a line: at most 1
    for kind, weight in tools.items():
        specific[kind] = specific.get(kind, 0.0) + weight * scale
    return _Line(number, _quote(line), specific, terms, shared)


def _line_rules(
    number: int, line: str, low: str, requirement: bool, lexicon: Lexicon, post: _Posting
) -> None:
    c = lexicon._compiled
    named = set(_terms(c.frameworks, low))
    post.frameworks |= named
    if len(named) >= lexicon.laundry_list_min:
        post.findings.append(
            Finding(
                line=number,
                rule="framework_laundry_list",
                severity="medium",
                quote=_quote(line),
                message=f"{len(named)} frameworks on one line read as a wish list and screen "
                "out people who know the ideas but used other tools.",
                suggestion="Name the one or two tools the person will use daily and add "
                "'or similar'.",
            )
        )
    for m in c.rules:
        rule = m.rule
        if (rule.requirement_only and not requirement) or _search(m.unless, low):
            continue
        match = m.pattern.search(_mask(m.exclude, low))
        if match is None:
            continue
        term = c.display.get(_norm(match.group(0)), _norm(match.group(0)))
        if rule.id == "credential_gate":  # its severity depends on the whole posting
            post.credential.append((number, line, rule, term))
            continue
        post.findings.append(
            Finding(
                line=number,
                rule=rule.id,
                severity=rule.severity,
                quote=_quote(line),
                message=f"“{term}”: {rule.why}",
                suggestion=rule.suggestion,
                source=rule.source,
            )
        )
    post.owns = post.owns or _search(c.ownership, _mask(c.ownership_exclude, low))
    # A posting written in Markdown escapes its "$" ("\\$160,000"): read the amount through it.
    pay_line = c.pay_range.search(_MD_ESCAPE.sub(r"\1", low)) is not None
    post.pay_range = post.pay_range or pay_line
    post.outcome = post.outcome or (
        _search(c.outcome, low)
        and any(ch.isdigit() for ch in low)
        and not pay_line
        and not _search(c.outcome_exclude, low)
    )
    post.vague_pay += [t for t in _terms(c.vague_pay, low) if t not in post.vague_pay]
    post.places += [
        law.place for law, p in c.laws if law.place not in post.places and _search(p, low)
    ]


def _resolve(lines: list[_Line], shared_weight: float) -> dict[Kind, float]:
    """Give each line's shared terms to one kind; score and label every line."""
    totals = {k: sum(x.specific.get(k, 0.0) for x in lines) for k in Kind}
    for x in lines:
        score = dict(x.specific)
        for term, kinds in x.shared:
            on_line = [k for k in kinds if x.specific.get(k, 0.0) > 0]
            in_posting = [k for k in kinds if totals[k] > 0]
            pool = on_line or in_posting
            if pool:
                kind = max(pool, key=lambda k: (x.specific.get(k, 0.0), totals[k], -KIND_ORDER[k]))
                score[kind] = score.get(kind, 0.0) + shared_weight
                if term not in x.terms.setdefault(kind, []):
                    x.terms[kind].append(term)
            else:  # nothing anywhere says which kind: split it
                for kind in kinds:
                    score[kind] = score.get(kind, 0.0) + shared_weight / len(kinds)
        x.score = {k: v for k, v in score.items() if v > 0}
        if x.score:
            x.kind = max(
                x.score,
                key=lambda k: (x.score[k], x.specific.get(k, 0.0), totals[k], -KIND_ORDER[k]),
            )
    return totals


def _report(post: _Posting, lexicon: Lexicon) -> LintReport:
    th = lexicon.jobs
    _resolve(post.lines, th.shared_weight)
    classified = [x for x in post.lines if x.kind is not None]
    share = dict.fromkeys(Kind, 0.0)
    line_weight = {x.number: min(sum(x.score.values()), th.max_line_weight) for x in classified}
    weight_sum = sum(line_weight.values())
    for x in classified:
        total = sum(x.score.values())
        for k, v in x.score.items():
            share[k] += v / total * line_weight[x.number] / weight_sum
    evidence: dict[Kind, KindEvidence] = {}
    for k in Kind:
        mine = [x for x in classified if x.kind is k]
        if mine:
            seen: dict[str, None] = {}
            for x in mine:
                seen |= dict.fromkeys(x.terms.get(k, []))
            evidence[k] = KindEvidence(
                lines=tuple(x.number for x in mine),
                terms=tuple(seen),
                score=round(sum(x.score[k] for x in mine), 4),
            )
    asked = [
        k for k, e in evidence.items() if share[k] >= th.min_share and e.score >= th.min_evidence
    ]
    if not asked and classified:  # weakly described, but one job
        asked = [max(Kind, key=lambda k: (share[k], -KIND_ORDER[k]))]
    asked.sort(key=lambda k: (-share[k], KIND_ORDER[k]))
    findings = post.findings
    for x in post.lines:
        mixed = [k for k in Kind if x.specific.get(k, 0.0) >= 1.0]
        if len(mixed) >= 2:
            findings.append(
                Finding(
                    line=x.number,
                    rule="mixed_line",
                    severity="low",
                    quote=x.text,
                    message="This line asks for "
                    + " and ".join(_kind_terms(lexicon, k, x.terms[k]) for k in mixed)
                    + " at once.",
                    suggestion="Keep each line to one job; move the rest to a separate posting.",
                )
            )
    mainly_research = set(asked) <= {Kind.RESEARCHER} and (
        share[Kind.RESEARCHER] >= th.mainly_research_share
    )
    for number, line, rule, term in post.credential:
        note = (
            ""
            if mainly_research
            else " This posting asks for several jobs; the gate also screens out the people "
            "for the others."
            if len(asked) >= 2
            else " This posting is not mainly for a research role."
        )
        findings.append(
            Finding(
                line=number,
                rule=rule.id,
                severity="low" if mainly_research else rule.severity,
                quote=_quote(line),
                message=f"“{term}”: {rule.why}{note}",
                suggestion=rule.suggestion,
                source=rule.source,
            )
        )
    findings += _posting_findings(post, share, asked, evidence, lexicon)
    findings.sort(key=lambda f: (f.line, SEVERITY_ORDER[f.severity], f.rule))
    return LintReport(
        findings=tuple(findings),
        archetype_share=share,
        lines=tuple(
            LineLabel(
                line=x.number,
                text=x.text,
                kind=x.kind,
                weights={k: v / sum(x.score.values()) for k, v in x.score.items()},
                terms={k: tuple(v) for k, v in x.terms.items() if v},
            )
            for x in post.lines
        ),
        jobs=len(asked),
        asked=tuple(asked),
        evidence=evidence,
    )


def kind_label(lexicon: Lexicon, kind: Kind) -> str:
    """'research', 'data engineering' ...: the lexicon's name for a kind of work."""
    return lexicon.kinds[kind].label


def _kind_terms(lexicon: Lexicon, kind: Kind, terms: Iterable[str]) -> str:
    listed = list(terms)
    more = "…" if len(listed) > MAX_EVIDENCE_TERMS else ""
    return f"{kind_label(lexicon, kind)} ({', '.join(listed[:MAX_EVIDENCE_TERMS])}{more})"


def _evidence_text(lexicon: Lexicon, kind: Kind, share: float, e: KindEvidence) -> str:
    lines = ", ".join(str(n) for n in e.lines[:MAX_EVIDENCE_LINES])
    more_lines = " …" if len(e.lines) > MAX_EVIDENCE_LINES else ""
    terms = ", ".join(e.terms[:MAX_EVIDENCE_TERMS]) + (
        "…" if len(e.terms) > MAX_EVIDENCE_TERMS else ""
    )
    where = "line" if len(e.lines) == 1 else "lines"
    return f"{kind_label(lexicon, kind)} {share:.0%} ({where} {lines}{more_lines}: {terms})"


def _several_jobs(
    asked: list[Kind],
    share: dict[Kind, float],
    evidence: dict[Kind, KindEvidence],
    lexicon: Lexicon,
) -> Finding:
    split = "; ".join(_evidence_text(lexicon, k, share[k], evidence[k]) for k in asked)
    kinds = set(asked)
    all_in_one = {Kind.RESEARCHER, Kind.OPERATOR} <= kinds
    if len(asked) >= 3 or all_in_one:
        severity: Severity = "high"
        why = (
            " Research and operations in one req is the all-in-one mistake: nobody is strong "
            "at both, and the search drags on."
            if all_in_one
            else " Three or more jobs in one req is the all-in-one mistake."
        )
    else:
        severity = "medium"
        why = (
            " One senior person covering research and development is acceptable as the very "
            "first ML hire; a req that also asks for operations is the mistake."
            if kinds == {Kind.RESEARCHER, Kind.DEVELOPER}
            else " These are usually two hires; open the one your stage needs first."
        )
    return Finding(
        line=0,
        rule="several_jobs",
        severity=severity,
        message=f"This posting asks for {len(asked)} jobs: {split}. Strong candidates for one "
        "of them read the rest as a job they do not want." + why,
        suggestion="Write one posting per kind of work; open the one your stage needs first.",
    )


def _missing_pay(post: _Posting, lexicon: Lexicon) -> Finding:
    pay = lexicon.pay
    c = lexicon._compiled
    named = [law for law in pay.laws if law.place in post.places]
    vague = f" “{c.display[post.vague_pay[0]]}” is not a range." if post.vague_pay else ""
    if named:
        where = "; ".join(f"{law.place}, since {law.effective}" for law in named)
        law_text = f" The posting names a place whose law requires a range in job ads ({where})."
        cited = named
    else:
        by_date: dict[str, list[str]] = {}
        for law in pay.laws:
            if law.terms:
                by_date.setdefault(law.effective, []).append(law.place)
        listed = "; ".join(f"{' and '.join(places)} ({d})" for d, places in by_date.items())
        law_text = f" Posting laws require a range in {listed}."
        law_text += "".join(f" {law.note}" for law in pay.laws if not law.terms and law.note)
        cited = pay.laws
    return Finding(
        line=0,
        rule="missing_pay_range",
        severity=pay.severity_where_required if named else pay.severity,
        message=f"No pay range.{vague} {pay.why}{law_text}",
        suggestion=pay.suggestion,
        source="; ".join(dict.fromkeys(f"{law.place}: {law.source}" for law in cited)),
    )


def _posting_findings(
    post: _Posting,
    share: dict[Kind, float],
    asked: list[Kind],
    evidence: dict[Kind, KindEvidence],
    lexicon: Lexicon,
) -> list[Finding]:
    out = []
    if len(asked) >= 2:
        out.append(_several_jobs(asked, share, evidence, lexicon))
    if post.non_empty and not post.owns:
        out.append(
            Finding(
                line=0,
                rule="missing_ownership",
                severity="high",
                message="No line says what the person will own, so candidates cannot tell the job "
                "from a wish list.",
                suggestion="Add a line such as 'You will own deployment, monitoring and "
                "rollback of our fraud model.'",
            )
        )
    if post.non_empty and not post.outcome:
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
    if post.non_empty and not post.pay_range:
        out.append(_missing_pay(post, lexicon))
    if len(post.frameworks) >= lexicon.posting_laundry_list_min:
        out.append(
            Finding(
                line=0,
                rule="framework_laundry_list",
                severity="medium",
                message=f"The posting names {len(post.frameworks)} frameworks; nobody uses all "
                "of them daily, so the list screens for keyword-stuffed CVs.",
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
            f"{JD_UPLOAD.text} are accepted"
        )
    if b"\x00" in data:
        raise ValueError("the file is not plain text; paste the text or save it as .txt or .md")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8 .txt or .md"
        ) from exc

"""The job-description checker against a labelled corpus of postings.

tests/fixtures/jds/corpus/labels.toml gives, per posting, the kinds of work it asks for, the rules
that must fire (every other labelled rule must stay quiet) and some expected severities. Every row
must agree. `precision_recall` scores any checker against the labels, rule by rule; print the
table with

    .venv/bin/python -m tests.planner.test_lint_corpus [--split tune|holdout]
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pytest

from planner.kit._lint import Kind, LintReport, lint_text, load_lexicon
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "jds" / "corpus"
LABELS = CORPUS / "labels.toml"
# Every rule the labels speak for. mixed_line is a low hint on single lines and is not labelled.
LABELLED_RULES = (
    "several_jobs",
    "missing_ownership",
    "missing_outcomes",
    "missing_pay_range",
    "framework_laundry_list",
    "prestige_wording",
    "credential_gate",
    "pedigree_filter",
    "native_speaker",
    "age_coded",
    "competition_title",
    "vague_filler",
    "years_gate",
)


@dataclass(frozen=True)
class Label:
    file: str
    kinds: frozenset[str]
    fire: frozenset[str]
    quiet: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    split: str = "tune"
    note: str = ""


def load_labels() -> list[Label]:
    rows = tomllib.loads(LABELS.read_text(encoding="utf-8"))["posting"]
    return [
        Label(
            file=r["file"],
            kinds=frozenset(r["kinds"]),
            fire=frozenset(r["fire"]),
            quiet=frozenset(r.get("quiet", [])),
            severity=dict(r.get("severity", {})),
            split=r.get("split", "tune"),
            note=r.get("note", ""),
        )
        for r in rows
    ]


def posting(label: Label) -> str:
    return (CORPUS / label.file).read_text(encoding="utf-8")


def fired(report: LintReport) -> set[str]:
    """The labelled rules that fired anywhere in the posting."""
    return {f.rule for f in report.findings} & set(LABELLED_RULES)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_files: list[str] = field(default_factory=list)
    fn_files: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def precision_recall(
    rules_of: Callable[[str], Iterable[str]], labels: Iterable[Label]
) -> dict[str, Score]:
    """Per labelled rule: true/false positives and misses of a checker over the postings.

    `rules_of` maps a posting's text to the rule ids that fired on it (any severity, any line).
    """
    scores = {rule: Score() for rule in LABELLED_RULES}
    for label in labels:
        got = set(rules_of(posting(label)))
        for rule, s in scores.items():
            if rule in got and rule in label.fire:
                s.tp += 1
            elif rule in got:
                s.fp += 1
                s.fp_files.append(label.file)
            elif rule in label.fire:
                s.fn += 1
                s.fn_files.append(label.file)
    return scores


def format_table(scores: dict[str, Score]) -> str:
    def pct(x: float | None) -> str:
        return "   n/a" if x is None else f"{x:6.2f}"

    out = ["| rule | labelled | fired | TP | FP | FN | precision | recall |", "|---" * 8 + "|"]
    for rule, s in scores.items():
        out.append(
            f"| {rule} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.fp} | {s.fn} | "
            f"{pct(s.precision)} | {pct(s.recall)} |"
        )
    return "\n".join(out)


ALL = load_labels()


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_labels_cover_the_corpus():
    """Every posting has exactly one row, at least 40 of them, and the columns make sense."""
    files = sorted(p.name for p in CORPUS.glob("*.md"))
    assert sorted(label.file for label in ALL) == files
    assert len(files) >= 40
    kinds = {k.value for k in Kind}
    for label in ALL:
        assert label.kinds <= kinds, label.file
        assert label.fire <= set(LABELLED_RULES), label.file
        assert not label.quiet & label.fire, label.file
        assert label.quiet <= set(LABELLED_RULES), label.file
        assert set(label.severity) <= label.fire, label.file
        assert label.split in {"tune", "holdout"}, label.file
    # each labelled rule is expected to fire somewhere and to stay quiet somewhere
    for rule in LABELLED_RULES:
        assert any(rule in x.fire for x in ALL), rule
        assert any(rule not in x.fire for x in ALL), rule


@pytest.mark.parametrize("label", ALL, ids=[x.file for x in ALL])
def test_corpus_posting_agrees_with_its_label(lexicon, label):
    """The kinds asked for, the rules that fire (and only those) and the labelled severities."""
    report = lint_text(posting(label), lexicon)
    assert {k.value for k in report.asked} == label.kinds
    assert report.jobs == len(label.kinds)
    assert fired(report) == label.fire, [(f.line, f.rule) for f in report.findings]
    for rule, severity in label.severity.items():
        got = {f.severity for f in report.findings if f.rule == rule}
        assert got == {severity}, (rule, got)


def test_precision_recall_counts_misses_and_false_alarms():
    """The scorer itself: a checker that fires nothing has no recall; one that fires all has
    the share of labelled postings as its precision."""
    labels = ALL[:6]
    silent = precision_recall(lambda _text: (), labels)
    loud = precision_recall(lambda _text: LABELLED_RULES, labels)
    for rule in LABELLED_RULES:
        positives = sum(rule in x.fire for x in labels)
        assert silent[rule].tp == silent[rule].fp == 0
        assert silent[rule].fn == positives
        assert loud[rule].tp == positives and loud[rule].fp == len(labels) - positives
    assert silent["several_jobs"].recall == 0.0
    assert loud["several_jobs"].precision == pytest.approx(
        sum("several_jobs" in x.fire for x in labels) / len(labels)
    )


def test_checker_scores_perfectly_on_the_corpus(lexicon):
    """Precision and recall of every labelled rule over the whole corpus are 1."""
    scores = precision_recall(lambda text: fired(lint_text(text, lexicon)), ALL)
    misses = {r: (s.fp_files, s.fn_files) for r, s in scores.items() if s.fp or s.fn}
    assert not misses


def main(argv: list[str]) -> int:
    """Print the precision/recall table (optionally for one split)."""
    split = argv[argv.index("--split") + 1] if "--split" in argv else None
    labels = [x for x in ALL if split is None or x.split == split]
    lexicon = load_lexicon()
    scores = precision_recall(lambda text: fired(lint_text(text, lexicon)), labels)
    print(f"{len(labels)} postings" + (f" ({split})" if split else ""))
    print(format_table(scores))
    wrong: list[Any] = [
        (x.file, sorted(x.kinds), sorted(k.value for k in lint_text(posting(x), lexicon).asked))
        for x in labels
        if {k.value for k in lint_text(posting(x), lexicon).asked} != x.kinds
    ]
    print(f"kinds agree on {len(labels) - len(wrong)} of {len(labels)} postings")
    for row in wrong:
        print("  kinds differ:", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

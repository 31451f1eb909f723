"""The hiring kit: linter findings on fixture postings, generated JDs that pass it, plans."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Answers, Archetype, Failure, Level
from planner.assess import assessment_plan
from planner.audit import CHECKLIST, FIGURES, audit_markdown
from planner.errors import DataFileError
from planner.jd import job_description
from planner.lint import MAX_JD_BYTES, decode_upload, lint_text, load_lexicon
from tests.conftest import FIXTURES

JDS = FIXTURES / "jds"

# posting -> (jobs asked for, {(line, rule, severity), ...})
EXPECTED = {
    "all_in_one.md": (3, {
        (0, "missing_outcomes", "high"), (0, "several_jobs", "high"),
        (1, "prestige_wording", "medium"), (3, "prestige_wording", "medium"),
        (3, "vague_filler", "low"), (8, "framework_laundry_list", "medium"),
        (9, "credential_gate", "high"), (10, "years_gate", "low"),
    }),
    "focused_developer.md": (1, set()),
    "laundry_list.md": (1, {
        (0, "framework_laundry_list", "medium"), (5, "framework_laundry_list", "medium"),
        (6, "framework_laundry_list", "medium"),
    }),
    "no_ownership.md": (0, {(0, "missing_outcomes", "high"), (0, "missing_ownership", "high")}),
    "operator_with_phd.md": (1, {(6, "mixed_line", "low"), (8, "credential_gate", "high")}),
    "researcher_with_phd.md": (1, {(6, "credential_gate", "low")}),
}  # fmt: skip

STAGES = [
    Answers(),
    Answers(data_maturity="repeatable", problem_validation="validated"),
    Answers(data_maturity="repeatable", problem_validation="proven", live_models=1),
    Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=7,
        products=4,
        regions=3,
        location="london",
    ),
]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_linter_findings_on_fixture_postings(lexicon, name, expected):
    """Each fixture posting gets exactly the findings and job count in the table."""
    jobs, findings = expected
    report = lint_text((JDS / name).read_text(encoding="utf-8"), lexicon)
    assert report.jobs == jobs
    assert {(f.line, f.rule, f.severity) for f in report.findings} == findings


def test_findings_quote_the_line_and_propose_a_rewrite(lexicon):
    """Line findings quote their line; every finding says why and suggests a rewrite."""
    report = lint_text((JDS / "all_in_one.md").read_text(encoding="utf-8"), lexicon)
    for f in report.findings:
        assert f.message and f.suggestion
        if f.line:
            assert f.quote
    phd = next(f for f in report.findings if f.rule == "credential_gate")
    assert phd.quote == "PhD in Computer Science from a top-tier university required"


def test_share_sums_to_one_over_classified_lines(lexicon):
    """archetype_share adds up to 1 when any line is classified, and is all zero otherwise."""
    shares = lint_text((JDS / "all_in_one.md").read_text(encoding="utf-8"), lexicon).archetype_share
    assert sum(shares.values()) == pytest.approx(1)
    empty = lint_text("Hello.\nWe are hiring.", lexicon).archetype_share
    assert set(empty.values()) == {0.0}


@pytest.mark.parametrize("answers", STAGES)
@pytest.mark.parametrize("archetype", list(Archetype))
@pytest.mark.parametrize("level", list(Level))
def test_generated_jd_passes_our_linter(lexicon, answers, archetype, level):
    """No high-severity finding, and the linter sees the archetype we wrote it for."""
    markdown = job_description(archetype, level, answers, None).to_markdown()
    report = lint_text(markdown, lexicon)
    assert report.worst != "high", [f for f in report.findings if f.severity == "high"]
    assert max(report.archetype_share, key=report.archetype_share.get) is archetype
    assert report.jobs == 1


def test_jd_adapts_to_the_answers():
    """Scale, location and the planner's stage note show up in the text."""
    scale = job_description(Archetype.OPERATOR, Level.STAFF, STAGES[3], None).to_markdown()
    assert "all 7 live models" in scale and "4 products and 3 regions" in scale
    assert "**Location:** London" in scale
    early = job_description(Archetype.OPERATOR, Level.SENIOR, STAGES[0], None).to_markdown()
    assert "premature" in early


@pytest.mark.parametrize("archetype", list(Archetype))
@pytest.mark.parametrize("failure", list(Failure))
def test_assessment_plan_for_every_archetype_and_stage(archetype, failure):
    """Each plan has a work sample, prompts, a check, signals, red flags and a 4-line scorecard."""
    plan = assessment_plan(archetype, failure)
    assert plan.work_sample and len(plan.prompts) == 3 and plan.operational_check
    assert len(plan.strong_signals) == 3 and len(plan.red_flags) == 3
    assert len(plan.scorecard) == 4
    assert "| Criterion | 1 looks like | 4 looks like | Score | Evidence |" in plan.to_markdown()


def test_audit_checklist_cites_its_figures():
    """The audit covers title, pedigree and automated screening, with sourced figures."""
    areas = {item.area for item in CHECKLIST}
    assert {"Title filters", "Pedigree gates", "Automated screening"} <= areas
    assert all(s.source and s.year and s.status for s in FIGURES)
    assert "6.1x" in audit_markdown()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"x" * (MAX_JD_BYTES + 1), "job descriptions up to 200 kB are accepted"),
        (b"\x00\x01binary", "not plain text"),
        ("Köln".encode("latin-1"), "not UTF-8 text (byte 1)"),
    ],
)
def test_upload_problems_are_named(data, message):
    """Too big, binary or non-UTF-8 uploads are refused with the reason."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode_upload(data)


def test_bom_upload_is_fine():
    """A UTF-8 byte-order mark is accepted and removed."""
    assert decode_upload("\ufeff# Title".encode()) == "# Title"


def test_broken_lexicon_names_the_key(tmp_path):
    """A rulebook entry with an unknown severity stops the linter with the key named."""
    path = tmp_path / "lexicon.toml"
    text = (JDS.parent.parent.parent / "data" / "jd_lexicon.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('severity = "medium"', 'severity = "urgent"', 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"key rules\.0\.severity"):
        load_lexicon(path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_lints_without_raising(text):
    """Arbitrary text gives a report whose shares are valid."""
    report = lint_text(text, load_lexicon())
    total = sum(report.archetype_share.values())
    assert total == pytest.approx(1) or total == 0


def test_cli_lint_jd_json_contract():
    """lint-jd --format json: findings with line/rule/severity/message/suggestion; exit 1 on high."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "lint-jd", str(JDS / "all_in_one.md"), "--format", "json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert {"line", "rule", "severity", "message", "suggestion"} <= set(out["findings"][0])
    assert sum(out["archetype_share"].values()) == pytest.approx(1, abs=1e-3)
    clean = subprocess.run(
        [sys.executable, "-m", "planner", "lint-jd", str(JDS / "focused_developer.md")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert clean.returncode == 0 and "0 findings" in clean.stdout


def test_cli_jd_prints_markdown_with_pay():
    """jd --archetype developer at the second rung: Markdown with a sourced pay range."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "jd", "--archetype", "developer", "--data-maturity",
         "repeatable", "--problem", "proven", "--live-models", "1", "--products", "1",
         "--regions", "1"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0
    assert proc.stdout.startswith("# Senior Model Developer")
    assert "$176,525–$226,061 base (market P25–P75" in proc.stdout
    assert "plus a 18.7% AI/ML premium" in proc.stdout


@pytest.mark.parametrize("argv", [["lint-jd", "/nonexistent.md"], ["jd", "--archetype", "wizard"]])
def test_cli_kit_bad_input(argv):
    """A missing file or an unknown archetype: exit 2, one line."""
    proc = subprocess.run([sys.executable, "-m", "planner", *argv], capture_output=True, text=True)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1

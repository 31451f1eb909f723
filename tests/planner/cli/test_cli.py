"""The command line contract: flags, JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from planner.cli._main import run
from tests.conftest import FIXTURES

UPLOADS = FIXTURES / "uploads"

STAGE_1 = ["--data-maturity", "ad_hoc", "--problem", "exploring", "--live-models", "0",
           "--products", "1", "--regions", "1"]  # fmt: skip
STAGE_2 = ["--data-maturity", "repeatable", "--problem", "proven", "--live-models", "1",
           "--products", "1", "--regions", "1"]  # fmt: skip
STAGE_3 = ["--data-maturity", "platform", "--problem", "proven", "--live-models", "3",
           "--products", "3", "--regions", "2"]  # fmt: skip


def _json(capsys, argv):
    assert run(["plan", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("argv", "failure", "mix"),
    [
        (STAGE_1, "weak_problem_validation", {"researcher": 1, "developer": 1, "operator": 0}),
        (STAGE_2, "brittle_deployment", {"researcher": 0, "developer": 1, "operator": 1}),
        (STAGE_3, "operational_complexity", {"researcher": 1, "developer": 2, "operator": 2}),
    ],
)
def test_json_contract(capsys, argv, failure, mix):
    """JSON carries next_failure, mix, reasons, warnings and cost.first_year_total, the sum of
    each hire's cash in the plan's first 12 months."""
    out = _json(capsys, argv)
    assert out["next_failure"] == failure
    assert out["mix"] == mix
    assert out["reasons"] and all(isinstance(r, str) for r in out["reasons"])
    assert isinstance(out["warnings"], list)
    per_hire = sum(h["cash_12m"] for h in out["cost"]["per_hire"])
    assert out["cost"]["first_year_total"] == pytest.approx(per_hire, abs=0.05)
    assert out["cost"]["first_year_total"] > 0


def test_existing_team_and_planned_req(capsys):
    """--have-* nets the mix; --planned-req operator at the first rung is called premature."""
    out = _json(capsys, [*STAGE_1, "--have-researchers", "1", "--planned-req", "operator"])
    assert out["mix"] == {"researcher": 0, "developer": 1, "operator": 0}
    assert any(w.startswith("Premature") for w in out["warnings"])


def test_text_format_is_a_readable_summary(capsys):
    """The default output names the failure, the hires in order and the cost with sources."""
    assert run(["plan", *STAGE_2]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Next likely failure: Brittle deployment")
    assert "1. Model developer (senior)" in text
    assert "2. Model operator (senior)" in text
    assert "model developers: 1 needed, 0 on the team, 1 to hire" in text
    assert "BLS OEWS May 2024" in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--data-maturity", "chaotic"], "invalid choice: 'chaotic'"),
        (["--live-models", "-1"], "live-models must be between 0 and 1000, got -1"),
        (["--live-models", "many"], "live-models must be a whole number, got 'many'"),
        (["--products", "0"], "products must be between 1 and 500, got 0"),
        (["--regions", "0"], "regions must be between 1 and 200, got 0"),
        (["--regions", "1e9"], "regions must be a whole number"),
        (["--have-operators", "99999"], "have-operators must be between 0 and 1000"),
        (["--budget", "lots"], "budget must be a number, got 'lots'"),
        (["--budget", "nan"], "budget must be between 0 and"),
        (["--percentile", "99"], "percentile must be between 10 and 90"),
        (["--planned-req", "wizard"], "invalid choice: 'wizard'"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_exits_2_with_one_line(change, message):
    """Bad input gives exit code 2 and one clear line on stderr, never a traceback."""
    argv = [*STAGE_1]
    if change[0] in argv:
        i = argv.index(change[0])
        argv[i : i + 2] = change
    else:
        argv += change
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "plan", *argv], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert message in lines[0]
    assert "Traceback" not in proc.stderr


def test_missing_required_flag_is_named():
    """Leaving out a stage question names the flag."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "plan", "--data-maturity", "ad_hoc"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "--problem" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_help_documents_every_flag():
    """`plan --help` lists every flag of the contract."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "plan", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    for flag in ["--data-maturity", "--problem", "--live-models", "--products", "--regions",
                 "--have-researchers", "--have-developers", "--have-operators",
                 "--planned-req", "--format"]:  # fmt: skip
        assert flag in proc.stdout


def test_location_and_currency_flags(capsys):
    """--location london prices in GBP; --currency USD converts it."""
    gbp = _json(capsys, [*STAGE_2, "--location", "london"])
    usd = _json(capsys, [*STAGE_2, "--location", "london", "--currency", "USD"])
    assert gbp["currency"] == "GBP" and usd["currency"] == "USD"
    assert usd["cost"]["first_year_total"] == pytest.approx(
        gbp["cost"]["first_year_total"] * 1.37, rel=1e-6
    )
    assert gbp["bands"][0]["source"].startswith("ITJobsWatch")


def test_check_benchmarks_good_file():
    """A usable file: exit 0 and a one-paragraph summary."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "check-benchmarks", str(UPLOADS / "good.csv")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == (
        "good.csv: OK. 2 bands covering archetypes developer, operator; levels mid, senior; "
        "locations london, us_remote; currencies GBP, USD."
    )


def test_check_benchmarks_bad_file_lists_the_same_problems_as_the_app(capsys):
    """A broken file: exit 1 and the numbered problem list (JSON has the same problems)."""
    assert run(["check-benchmarks", str(UPLOADS / "many_problems.csv")]) == 1
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "many_problems.csv: 64 problems; nothing was loaded. The first 50 are listed."
    assert text[1].startswith("1. row 2, p50: 'oops' is not a number")
    assert len(text) == 51
    assert run(["check-benchmarks", str(UPLOADS / "many_problems.csv"), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["problem_count"] == 64 and len(out["problems"]) == 50
    assert out["problems"][0] == {
        "row": 2,
        "column": "p50",
        "message": "'oops' is not a number",
        "fix": "write a plain yearly amount such as 120000 (no currency signs or separators)",
    }


@pytest.mark.parametrize("path", ["/nonexistent/file.csv", "/"])
def test_check_benchmarks_unreadable_path(path):
    """A missing file or a directory: exit 2 and one line, no traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "check-benchmarks", path], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("python -m planner: error: cannot read")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_build_benchmarks_reproduces_the_shipped_file(tmp_path, capsys):
    """build-benchmarks writes exactly data/benchmarks.csv."""
    from planner.market._benchmarks import BENCHMARKS_FILE

    out = tmp_path / "b.csv"
    assert run(["build-benchmarks", "--out", str(out)]) == 0
    assert out.read_text() == BENCHMARKS_FILE.read_text()


def test_cost_model_json_keys(capsys):
    """JSON carries run rate, P50/P90, time to team, quarters, budget fit and the comparison."""
    out = _json(capsys, [*STAGE_3, "--budget", "900000", "--horizon-quarters", "3", "--seed", "5",
                         "--level", "mid", "--percentile", "60", "--channel", "in_house"])  # fmt: skip
    cost = out["cost"]
    assert cost["p90"] >= cost["p50"] > 0 and cost["run_rate"] > 0
    assert {h["level"] for h in out["hires"]} == {"mid"}
    assert all(h["recruiting"] == pytest.approx(4700) for h in cost["per_hire"])
    team = out["time_to_team_days"]
    assert team["p90"] >= team["p50"] > 0 and team["seed"] == 5 and team["trials"] == 10_000
    assert [q["quarter"] for q in out["quarters"]] == [1, 2, 3]
    assert out["quarters"][-1]["cumulative_spend"] == pytest.approx(
        sum(q["spend"] for q in out["quarters"]), abs=0.05
    )
    assert sum(len(q["hires"]) for q in out["quarters"]) <= len(out["hires"])
    assert out["budget"]["funded_hires"] <= len(out["hires"])
    assert out["all_in_one_vs_focused"]["sentence"].startswith("One all-in-one")
    drivers = {r["assumption"] for r in out["sensitivity"]}
    assert {"Pay percentile", "AI/ML premium", "In-house cost per hire"} <= drivers
    # The tornado moves 12-month cash: what is not cash (interviews, ramp-up) never drives it.
    assert not drivers & {"Interviewer hours", "Ramp-up months", "Ramp-up productivity"}
    # The budget is for the first 12 months: it is checked against first_year_total.
    assert cost["within_budget"] is (cost["first_year_total"] <= 900_000)


def test_same_seed_same_json(capsys):
    """The same flags and seed print the same P50 and P90."""
    first = _json(capsys, [*STAGE_2, "--seed", "9"])
    again = _json(capsys, [*STAGE_2, "--seed", "9"])
    assert first["cost"]["p50"] == again["cost"]["p50"]
    assert first["time_to_team_days"] == again["time_to_team_days"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--horizon-quarters", "0"], "horizon-quarters must be between 1 and 12, got 0"),
        (["--seed", "-1"], "seed must be between 0 and 4294967295, got -1"),
        (["--level", "principal"], "invalid choice: 'principal'"),
        (["--location", "paris"], "invalid choice: 'paris'"),
        (["--currency", "JPY"], "invalid choice: 'JPY'"),
        (["--channel", "referral"], "invalid choice: 'referral'"),
    ],
)
def test_new_flags_reject_bad_values(change, message):
    """The cost-model flags fail like the others: exit 2, one line."""
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "plan", *STAGE_1, *change], capture_output=True, text=True
    )
    assert proc.returncode == 2 and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1

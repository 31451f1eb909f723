"""`python -m planner roadmap`: its flags, JSON keys, CSV table, exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest

from planner.cli._main import main, run
from planner.costing import day_text, plan_start, quarter_label

SEED_STAGE = ["--data-maturity", "ad_hoc", "--problem", "exploring", "--live-models", "0",
              "--products", "1", "--regions", "1"]  # fmt: skip
FIRST_MODEL = "Q3:live_models=1,data_maturity=repeatable,problem=proven"


def _roadmap(capsys, *argv):
    assert run(["roadmap", *SEED_STAGE, *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_holds_the_contract_keys(capsys):
    """quarters, reqs and budget carry the keys issue 25's CLI contract promises."""
    out = _roadmap(capsys, "--milestone", FIRST_MODEL, "--budget", "500000", "--quarters", "6")
    assert len(out["quarters"]) == 6
    for i, q in enumerate(out["quarters"], 1):
        assert {"quarter", "label", "next_failure", "team", "spend"} <= q.keys()
        assert q["quarter"] == i
        assert q["next_failure"] in {
            "weak_problem_validation", "brittle_deployment", "operational_complexity"
        }  # fmt: skip
        assert set(q["team"]) == {"researcher", "developer", "operator"}
    assert out["reqs"]
    for r in out["reqs"]:
        assert {"archetype", "level", "location", "open_quarter", "in_place_quarter_p50",
                "in_place_quarter_p90", "backfill", "reason"} <= r.keys()  # fmt: skip
        assert r["open_quarter"] <= r["in_place_quarter_p50"] <= r["in_place_quarter_p90"]
    assert {"amount", "fits", "slips"} <= out["budget"].keys()
    assert out["budget"]["amount"] == 500000
    assert out["budget"]["fits"] is False and out["budget"]["slips"]
    assert out["milestones"] == ["Q3:data_maturity=repeatable,problem=proven,live_models=1"]


@pytest.mark.parametrize(
    "stage",
    [
        SEED_STAGE,
        ["--data-maturity", "platform", "--problem", "proven", "--live-models", "3",
         "--products", "3", "--regions", "2", "--have-developers", "1"],
    ],
)  # fmt: skip
def test_without_milestones_the_first_quarter_opens_the_plans_hires(capsys, stage):
    """No milestones, no attrition: Q1's reqs are `plan`'s hires, archetype and level in order."""
    assert run(["plan", *stage, "--format", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert run(["roadmap", *stage, "--attrition", "0", "--format", "json"]) == 0
    roadmap = json.loads(capsys.readouterr().out)
    first = [(r["archetype"], r["level"]) for r in roadmap["reqs"] if r["open_quarter"] == 1]
    assert first == [(h["archetype"], h["level"]) for h in plan["hires"]]
    assert first and roadmap["quarters"][0]["next_failure"] == plan["next_failure"]


@pytest.mark.parametrize(
    ("milestone", "says"),
    [
        ("Q0:products=2", "from 1 to 4 (the horizon), got 0"),
        ("Q5:products=2", "from 1 to 4 (the horizon), got 5"),
        ("Q2:headcount=3", "unknown field 'headcount'"),
        ("Q2:problem=maybe", "problem must be one of exploring, validated, proven"),
        ("Q2:products=0", "products must be a whole number"),
        ("Q2:live_models=-1", "live_models must be a whole number"),
        ("2:products=2", "expected Q<k>:<field>=<value>"),
        ("Q2 products=2", "expected Q<k>:<field>=<value>"),
        ("Q2:products", "'products' is not <field>=<value>"),
        ("Q2:", "is not <field>=<value>"),
        ("Q2:products=2,products=3", "products is given twice"),
    ],
)
def test_a_malformed_milestone_exits_2_with_one_line(capsys, milestone, says):
    """Each malformed milestone: exit 2, nothing on stdout, one line on stderr naming it."""
    with pytest.raises(SystemExit) as exit_:
        main(["roadmap", *SEED_STAGE, "--quarters", "4", "--milestone", milestone])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and says in err, err
    assert err.startswith("python -m planner: error: ")


def test_a_malformed_milestone_gives_no_traceback_from_the_shell():
    """Run as a program, a bad milestone is one line on stderr and exit 2, never a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", "roadmap", *SEED_STAGE, "--milestone", "Q99:x=y"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "Q99:x=y" in done.stderr


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--milestone", "Q2:products=2", "--milestone", "Q2:products=3"], "two milestones"),
        (["--hire-in", "operator=mars"], "the location must be one of"),
        (["--hire-in", "boss=london"], "expected ARCHETYPE=LOCATION"),
        (["--hire-in", "operator=london", "--hire-in", "operator=berlin"], "given twice"),
        (["--attrition", "0.6"], "attrition must be a yearly share from 0 to 0.5"),
        (["--quarters", "13"], "quarters must be between 1 and 12"),
        (["--horizon-quarters", "4"], "unrecognized arguments"),
    ],
)
def test_other_bad_roadmap_flags_exit_2_with_one_line(capsys, argv, says):
    """Clashing milestones, bad markets, attrition and horizon: exit 2 and one line."""
    with pytest.raises(SystemExit) as exit_:
        main(["roadmap", *SEED_STAGE, *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err, err


def test_hire_in_prices_that_req_in_its_market(capsys):
    """--hire-in operator=london: the operator's req is in London and priced with London's bands
    (in the plan's currency), the other reqs stay in --location."""
    argv = ["--milestone", FIRST_MODEL, "--attrition", "0"]
    home = _roadmap(capsys, *argv)
    away = _roadmap(capsys, *argv, "--hire-in", "operator=london")
    assert away["hire_in"]["operator"] == "london"
    assert away["currency"] == home["currency"] == "USD"
    by_archetype = {r["archetype"]: r for r in away["reqs"]}
    assert by_archetype["operator"]["location"] == "london"
    assert {r["location"] for r in away["reqs"] if r["archetype"] != "operator"} == {"us_national"}
    home_operator = next(r for r in home["reqs"] if r["archetype"] == "operator")
    assert home_operator["location"] == "us_national"
    assert by_archetype["operator"]["run_rate"] != pytest.approx(home_operator["run_rate"])


def test_csv_is_one_tidy_table(capsys):
    """One header and one row per quarter, every row as wide as the header; no formula cells."""
    argv = ["roadmap", *SEED_STAGE, "--milestone", FIRST_MODEL, "--quarters", "5"]
    assert run([*argv, "--format", "csv", "--budget", "400000"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["quarter", "label", "next_failure", "team_researcher", "team_developer",
                       "team_operator", "spend", "cumulative", "currency"]  # fmt: skip
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert {len(r) for r in rows} == {len(rows[0])}
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_text_names_the_stage_reqs_and_budget(capsys):
    """The summary shows the milestone that moves the stage, each req with open quarter and
    P50/P90 in place, and what slips when the budget is short."""
    assert run(["roadmap", *SEED_STAGE, "--milestone", FIRST_MODEL, "--budget", "500000"]) == 0
    text = capsys.readouterr().out
    q3 = quarter_label(plan_start(date.today()), 3)  # "Q3 2027 · Jul–Sep": calendar quarters
    assert f"{q3}  brittle deployment (milestone Q3:data_maturity=repeatable" in text
    assert f"from {day_text(plan_start(date.today()))} (" in text.splitlines()[0]
    assert "opens Q1, in place Q" in text and "(P90)" in text
    assert "does not fit" in text and "instead of" in text


def test_out_writes_the_file_and_an_unwritable_path_exits_2(capsys, tmp_path):
    """--out writes the whole output as `plan` does; a missing folder is exit 2 and one line."""
    target = tmp_path / "roadmap.json"
    assert run(["roadmap", *SEED_STAGE, "--format", "json", "--out", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["horizon_quarters"] == 8
    assert run(["roadmap", *SEED_STAGE, "--out", str(tmp_path / "no" / "r.txt")]) == 2
    assert capsys.readouterr().err.splitlines()[-1].count("does not exist") == 1

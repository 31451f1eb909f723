"""Command line: `python -m planner plan ...` does what the app does, for scripts and CI.

The flags (planner/cli_args.py) and the JSON keys are a contract other tools script against:
add, never rename. Exit codes: 0 ok, 2 bad input (one line on stderr), 1 unusable data (a data
file the planner ships, or the file given to check-benchmarks).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from planner.bandtable import BandTable
from planner.benchmarks import BENCHMARKS_FILE, Assumptions, load_assumptions, load_benchmarks
from planner.cli_args import EXIT_BAD_DATA, EXIT_BAD_INPUT, build_parser
from planner.derive import build_csv
from planner.errors import DataFileError
from planner.export import cost_csv, plan_json, plan_markdown, plan_pptx
from planner.fx import FxTable, load_fx
from planner.jd import job_description
from planner.lint import decode_upload, lint_text, load_lexicon
from planner.models import Answers, Archetype, Level, Plan
from planner.report import (
    lint_to_dict,
    lint_to_text,
    plan_to_text,
    report_to_dict,
    report_to_text,
)
from planner.rules import diagnose, recommend_mix
from planner.service import make_plan, market_band
from planner.validation import MAX_UPLOAD_BYTES, validate_benchmarks

PROG = "python -m planner"


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    """One line on stderr, and the exit code to return."""
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check-benchmarks":
        return _check_benchmarks(args.file, args.format)
    if args.command == "lint-jd":
        return _lint_jd(args.file, args.format)
    if args.command == "build-benchmarks":
        out = Path(args.out) if args.out else BENCHMARKS_FILE
        out.write_text(build_csv(), encoding="utf-8")
        print(f"wrote {out}")
        return 0
    return _plan(args)


def _answers(args: argparse.Namespace, default_percentile: int) -> Answers:
    return Answers(
        data_maturity=args.data_maturity,
        problem_validation=args.problem,
        live_models=args.live_models,
        products=args.products,
        regions=args.regions,
        have_researchers=args.have_researchers,
        have_developers=args.have_developers,
        have_operators=args.have_operators,
        planned_req=args.planned_req,
        pay_percentile=args.percentile or default_percentile,
        location=args.location,
        currency=args.currency,
        channel=args.channel,
        budget=args.budget,
        level=args.level,
        horizon_quarters=args.horizon_quarters,
        seed=args.seed,
    )


def _plan(args: argparse.Namespace) -> int:
    try:
        table, assumptions, fx = load_benchmarks(), load_assumptions(), load_fx()
    except DataFileError as exc:
        return _fail(f"data error: {exc}", EXIT_BAD_DATA)
    try:
        answers = _answers(args, int(assumptions.default_pay_percentile.value))
    except ValidationError as exc:  # argparse checked ranges already; this is a safety net
        err = exc.errors()[0]
        return _fail(f"error: {err['loc'][0]}: {err['msg']}")
    if args.command == "jd":
        print(_jd_markdown(Archetype(args.archetype), answers, table, assumptions, fx), end="")
        return 0
    if args.format == "pptx" and not args.out:
        return _fail("error: --format pptx writes a binary file: add --out FILE")
    plan = make_plan(answers, table, assumptions, fx)
    output = _render(plan, args.format)
    if args.out is None:
        print(output, end="")
        return 0
    try:
        path = Path(args.out)
        if isinstance(output, bytes):
            path.write_bytes(output)
        else:
            path.write_text(output, encoding="utf-8")
    except OSError as exc:
        return _fail(f"error: cannot write {args.out}: {exc.strerror}")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _render(plan: Plan, fmt: str) -> str | bytes:
    if fmt == "pptx":
        return plan_pptx(plan)
    if fmt == "json":
        return plan_json(plan) + "\n"
    if fmt == "md":
        return plan_markdown(plan)
    if fmt == "csv":
        return cost_csv(plan)
    return plan_to_text(plan) + "\n"


def _check_benchmarks(file: str, fmt: str) -> int:
    path = Path(file)
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            data = b"\0" * (MAX_UPLOAD_BYTES + 1)  # let the validator word the size problem
        else:
            data = path.read_bytes()
    except OSError as exc:
        return _fail(f"error: cannot read {file}: {exc.strerror}")
    report = validate_benchmarks(data, name=path.name)
    if fmt == "json":
        print(json.dumps(report_to_dict(report), indent=2))
    else:
        print(report_to_text(report))
    return 0 if report.ok else EXIT_BAD_DATA


def main(argv: Sequence[str] | None = None) -> NoReturn:
    sys.exit(run(argv))


def _jd_markdown(
    archetype: Archetype, answers: Answers, table: BandTable, a: Assumptions, fx: FxTable
) -> str:
    """The job description for `archetype`, at the level the plan gives it (or senior)."""
    _, hires = recommend_mix(diagnose(answers), answers)
    level = answers.level or next(
        (h.level for h in hires if h.archetype is archetype), Level.SENIOR
    )
    band = market_band(table, archetype, level, answers, a, fx)
    return job_description(archetype, level, answers, band).to_markdown()


def _lint_jd(file: str, fmt: str) -> int:
    try:
        data = Path(file).read_bytes()
        text = decode_upload(data)
        lexicon = load_lexicon()
    except OSError as exc:
        return _fail(f"error: cannot read {file}: {exc.strerror}")
    except ValueError as exc:  # decode_upload's reasons; DataFileError for a broken rulebook
        return _fail(
            f"error: {file}: {exc}",
            EXIT_BAD_DATA if isinstance(exc, DataFileError) else EXIT_BAD_INPUT,
        )
    report = lint_text(text, lexicon)
    if fmt == "json":
        print(json.dumps(lint_to_dict(report), indent=2))
    else:
        print(lint_to_text(report, Path(file).name))
    return 1 if report.worst == "high" else 0

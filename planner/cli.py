"""Command line: `python -m planner plan ...` does what the app does, for scripts and CI.

The flags and the JSON keys are a contract other tools script against: add, never rename.
Exit codes: 0 ok, 2 bad input (one line on stderr), 1 unusable data (a data file the planner
ships, or the file given to check-benchmarks).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from planner.bandtable import BandTable
from planner.benchmarks import BENCHMARKS_FILE, Assumptions, load_assumptions, load_benchmarks
from planner.derive import build_csv
from planner.errors import DataFileError
from planner.export import cost_csv, plan_json, plan_markdown, plan_pptx
from planner.fx import FxTable, load_fx
from planner.jd import job_description
from planner.lint import decode_upload, lint_text, load_lexicon
from planner.models import (
    MAX_BUDGET,
    MAX_LIVE_MODELS,
    MAX_PRODUCTS,
    MAX_REGIONS,
    MAX_TEAM,
    Answers,
    Archetype,
    Channel,
    Currency,
    DataMaturity,
    Level,
    Location,
    Plan,
    PlannedReq,
    ProblemValidation,
)
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

EXIT_BAD_INPUT = 2
EXIT_BAD_DATA = 1


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _count(name: str, lo: int, hi: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{name} must be a whole number, got {text!r}"
            ) from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{name} must be between {lo} and {hi}, got {value}")
        return value

    parse.__name__ = name  # argparse names the type in its messages
    return parse


def _money(text: str) -> float:
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"budget must be a number, got {text!r}") from None
    if not 0 <= value <= MAX_BUDGET:  # also rejects nan
        raise argparse.ArgumentTypeError(f"budget must be between 0 and {MAX_BUDGET:,}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m planner",
        description="ML Team-Mix Planner: which ML people to hire next, in what order, "
        "and what it will cost.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    plan = sub.add_parser(
        "plan",
        help="diagnose the stage, recommend the hiring mix and price it",
        description="Diagnose the next likely failure, recommend hires net of the team you "
        "have, and price the first year against market salary bands.",
    )
    add_stage_args(plan)
    plan.add_argument(
        "--format",
        choices=["text", "json", "md", "csv", "pptx"],
        default="text",
        help="text: a readable summary (default); json: the whole plan; md: a Markdown "
        "document; csv: the cost table; pptx: three slides with editable charts (needs --out)",
    )
    plan.add_argument(
        "--out", default=None, metavar="FILE", help="write to this file instead of standard output"
    )
    jd = sub.add_parser(
        "jd",
        help="print a job description for one archetype, adapted to the stage, as Markdown",
        description="Write a job description for one archetype, adapted to the stage flags "
        "(the same as for plan), with the market pay range for its level and location.",
    )
    jd.add_argument(
        "--archetype",
        required=True,
        choices=[a.value for a in Archetype],
        help="which of the three jobs the description is for",
    )
    add_stage_args(jd)
    lint = sub.add_parser(
        "lint-jd",
        help="lint a job description (.txt or .md)",
        description="Check a job description for prestige wording, credential gates, "
        "framework laundry lists, several jobs in one posting and missing ownership or "
        "outcomes. Exit 0 if nothing is high-severity, 1 if something is, 2 on bad input.",
    )
    lint.add_argument("file", help="path to the job description (.txt or .md, UTF-8)")
    lint.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text: findings per line (default); json: machine-readable",
    )
    check = sub.add_parser(
        "check-benchmarks",
        help="validate a salary-band CSV in the upload format",
        description="Validate a salary-band CSV completely. Exit 0 with a summary if it can be "
        "used, exit 1 with every problem (first 50) if not.",
    )
    check.add_argument("file", help="path to the CSV file")
    check.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text: summary or problem list (default); json: machine-readable",
    )
    build = sub.add_parser(
        "build-benchmarks",
        help="rebuild data/benchmarks.csv from data/source_series.csv and data/derivation.toml",
    )
    build.add_argument("--out", default=None, help="write here instead of data/benchmarks.csv")
    return parser


def add_stage_args(plan: argparse.ArgumentParser) -> None:
    """The stage, team and cost flags shared by `plan` and `jd`."""
    plan.add_argument(
        "--data-maturity",
        required=True,
        choices=[m.value for m in DataMaturity],
        help="ad_hoc: messy events, hand-checked labels; repeatable: trusted pipelines; "
        "platform: shared features, lineage, many consumers",
    )
    plan.add_argument(
        "--problem",
        required=True,
        choices=[p.value for p in ProblemValidation],
        help="exploring: not yet sure ML belongs; validated: signal shown offline; "
        "proven: a model already moves a business metric",
    )
    plan.add_argument(
        "--live-models",
        required=True,
        type=_count("live-models", 0, MAX_LIVE_MODELS),
        metavar="N",
        help="live models tied to revenue (0 or more)",
    )
    plan.add_argument(
        "--products",
        required=True,
        type=_count("products", 1, MAX_PRODUCTS),
        metavar="N",
        help="products served by ML (1 or more)",
    )
    plan.add_argument(
        "--regions",
        required=True,
        type=_count("regions", 1, MAX_REGIONS),
        metavar="N",
        help="regions served by ML (1 or more)",
    )
    for archetype in ("researchers", "developers", "operators"):
        plan.add_argument(
            f"--have-{archetype}",
            type=_count(f"have-{archetype}", 0, MAX_TEAM),
            default=0,
            metavar="N",
            help=f"model {archetype} already on the team (default 0)",
        )
    plan.add_argument(
        "--planned-req",
        choices=[r.value for r in PlannedReq],
        default=None,
        help="the req you were about to open; we say whether it fits the stage",
    )
    plan.add_argument(
        "--percentile",
        type=_count("percentile", 10, 90),
        default=None,
        metavar="P",
        help="pay percentile of the market band for offers, 10-90 (default: the median)",
    )
    plan.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.AGENCY.value,
        help="recruiting channel: agency fee or in-house cost per hire (default agency)",
    )
    plan.add_argument(
        "--budget",
        type=_money,
        default=None,
        metavar="AMOUNT",
        help="budget for the horizon, in the plan's currency; the plan says which hires fit",
    )
    plan.add_argument(
        "--location",
        choices=[loc.value for loc in Location],
        default=Location.US_NATIONAL.value,
        help="hiring market whose salary bands price the plan (default us_national)",
    )
    plan.add_argument(
        "--currency",
        choices=[c.value for c in Currency],
        default=None,
        help="currency for every amount (default: the location's own currency)",
    )
    plan.add_argument(
        "--level",
        choices=[lv.value for lv in Level],
        default=None,
        help="hire every role at this level (default: the level the stage calls for)",
    )
    plan.add_argument(
        "--horizon-quarters",
        type=_count("horizon-quarters", 1, 12),
        default=4,
        metavar="N",
        help="quarters the plan and the budget cover, 1-12 (default 4)",
    )
    plan.add_argument(
        "--seed",
        type=_count("seed", 0, 2**32 - 1),
        default=2026,
        metavar="N",
        help="random seed of the simulation; the same seed gives the same numbers",
    )


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
        print(f"python -m planner: data error: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    try:
        answers = _answers(args, int(assumptions.default_pay_percentile.value))
    except ValidationError as exc:  # argparse checked ranges already; this is a safety net
        err = exc.errors()[0]
        print(f"python -m planner: error: {err['loc'][0]}: {err['msg']}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command == "jd":
        print(_jd_markdown(Archetype(args.archetype), answers, table, assumptions, fx), end="")
        return 0
    if args.format == "pptx" and not args.out:
        print(
            "python -m planner: error: --format pptx writes a binary file: add --out FILE",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
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
        print(f"python -m planner: error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
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
        print(f"python -m planner: error: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
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
        print(f"python -m planner: error: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ValueError as exc:  # decode_upload's reasons; DataFileError for a broken rulebook
        print(f"python -m planner: error: {file}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT if not isinstance(exc, DataFileError) else EXIT_BAD_DATA
    report = lint_text(text, lexicon)
    if fmt == "json":
        print(json.dumps(lint_to_dict(report), indent=2))
    else:
        print(lint_to_text(report, Path(file).name))
    return 1 if report.worst == "high" else 0

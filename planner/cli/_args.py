"""Command-line flags: the parser for `python -m planner` and its subcommands.

The flags are a contract other tools script against: add, never rename. Usage errors print one
line on stderr and exit with EXIT_BAD_INPUT.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import NoReturn

from planner.bounds import BENCHMARKS_UPLOAD, JD_UPLOAD
from planner.models import Answers, Archetype
from planner.questions import ANSWER_BOUNDS, QUESTION, QUESTIONS, Question
from planner.roadmap import (
    DEFAULT_QUARTERS,
    MAX_ATTRITION,
    MILESTONE_FIELDS,
)
from planner.text import one_line

EXIT_BAD_INPUT = 2
EXIT_BAD_DATA = 1
MAX_MESSAGE = 400  # characters of a usage error
SHOWN = 40  # characters of one value in a message
_LONG_WORD = re.compile(rf"\S{{{SHOWN + 1},}}")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2. Messages echo what was
    typed (invalid choices, unknown arguments, bad numbers): each word is cut to its first 40
    characters and "…", and the line to 400."""

    def error(self, message: str) -> NoReturn:
        short = _LONG_WORD.sub(lambda m: m.group()[:SHOWN] + "…", message)
        self.exit(
            EXIT_BAD_INPUT, f"{self.prog}: error: {one_line(short, MAX_MESSAGE)} (see --help)\n"
        )


def _count(name: str, field: str) -> Callable[[str], int]:
    """A whole-number flag in the range of the matching answer's input (planner/bounds.py)."""
    lo, hi = int(ANSWER_BOUNDS[field].low), int(ANSWER_BOUNDS[field].high)

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
    high = ANSWER_BOUNDS["budget"].high
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"budget must be a number, got {text!r}") from None
    if not 0 <= value <= high:  # also rejects nan
        raise argparse.ArgumentTypeError(f"budget must be between 0 and {high:,.0f}")
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
        "have, and price the first 12 months against market salary bands.",
    )
    add_stage_args(plan)
    add_horizon_arg(plan)
    plan.add_argument(
        "--format",
        choices=["text", "json", "md", "csv", "pptx", "xlsx"],
        default="text",
        help="text: a readable summary (default); json: the whole plan; md: a Markdown "
        "document; csv: one table, see --table; pptx: three slides with editable charts and "
        "a sources slide (needs --out); xlsx: a workbook for finance, sheets Summary, Hires, "
        "Quarters, Sources (needs --out)",
    )
    plan.add_argument(
        "--table",
        choices=["hires", "quarters"],
        default=None,
        help="with --format csv: hires, one row per hire with every cost component (default); "
        "quarters, one row per quarter with cash, cumulative cash and the budget",
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
    add_horizon_arg(jd)
    roadmap = sub.add_parser(
        "roadmap",
        help="the headcount roadmap: the stage quarter by quarter, reqs timed to it, cash",
        description="Unfold the stage quarter by quarter as milestones arrive, open each req "
        "early enough that its hire is in place (P50, with P90) when the failure it guards "
        "arrives, add backfills for attrition, and price cash per quarter against the budget "
        "(per 12 months: Q1-Q4, Q5-Q8, Q9-Q12), saying which reqs slip when it does not fit.",
    )
    add_stage_args(roadmap)
    add_roadmap_args(roadmap)
    lint = sub.add_parser(
        "lint-jd",
        help="lint a job description (.txt or .md)",
        description="Check a job description for prestige wording, credential gates, "
        "framework laundry lists, several jobs in one posting and missing ownership or "
        "outcomes. Exit 0 if nothing is high-severity, 1 if something is, 2 on bad input.",
    )
    lint.add_argument(
        "file", help=f"path to the job description (.txt or .md, UTF-8, up to {JD_UPLOAD.text})"
    )
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
    check.add_argument("file", help=f"path to the CSV file (up to {BENCHMARKS_UPLOAD.text})")
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


def _flag_help(q: Question) -> str:
    """The question's help as the page gives it, then its values and default for a shell."""
    parts = [q.help.rstrip(".")]
    if any(c.meaning for c in q.choices):
        parts.append("; ".join(f"{c.value}: {c.meaning}" for c in q.choices))
    if q.bound is not None and q.field != "seed":
        low, high = _readable(q.bound.low), _readable(q.bound.high)
        parts.append(f"{low} to {high}")
    if not q.cli_required:
        default = Answers.model_fields[q.field].default
        if q.field == "pay_percentile":
            parts.append("default: the median, as the shipped data sets it")
        elif q.unset is not None:
            parts.append(f"default: {q.unset.name.lower()}")
        elif default is None:
            parts.append("default: none")
        else:
            parts.append(f"default {getattr(default, 'value', default)}")
    return "; ".join(parts)


def _flag_type(q: Question, whole: bool) -> Callable[[str], int | float]:
    return _count(q.flag[2:], q.field) if whole else _money


def add_question(parser: argparse.ArgumentParser, q: Question) -> None:
    """One question as a flag: its values, range, help and default from planner/questions.py.
    An unanswered optional flag is None: the answer's own default applies (cli._answers)."""
    if q.bound is not None:
        parser.add_argument(
            q.flag,
            dest=q.dest,
            required=q.cli_required,
            default=None,
            type=_flag_type(q, q.bound.whole),
            metavar=q.metavar,
            help=_flag_help(q),
        )
    else:
        parser.add_argument(
            q.flag,
            dest=q.dest,
            required=q.cli_required,
            default=None,
            choices=q.values,
            help=_flag_help(q),
        )


def add_stage_args(plan: argparse.ArgumentParser) -> None:
    """The stage, team, market and money flags shared by `plan`, `jd` and `roadmap`: every
    question but the horizon, which `roadmap` asks as --quarters."""
    for q in QUESTIONS:
        if q.field != "horizon_quarters":
            add_question(plan, q)


def add_horizon_arg(parser: argparse.ArgumentParser) -> None:
    """The quarter plan's horizon, for `plan` and `jd` (`roadmap` has its own --quarters)."""
    add_question(parser, QUESTION["horizon_quarters"])


def _readable(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"attrition must be a number, got {text!r}") from None
    if not 0 <= value <= MAX_ATTRITION:  # also rejects nan
        raise argparse.ArgumentTypeError(
            f"attrition must be a yearly share from 0 to {MAX_ATTRITION:g}, got {text!r}"
        )
    return value


def add_roadmap_args(roadmap: argparse.ArgumentParser) -> None:
    """`roadmap`'s own flags: the horizon, milestones, attrition and markets. --milestone and
    --hire-in are checked after parsing (a milestone needs the horizon)."""
    bound = ANSWER_BOUNDS["horizon_quarters"]
    lo, hi = int(bound.low), int(bound.high)
    roadmap.add_argument(
        "--quarters",
        type=_count("quarters", "horizon_quarters"),
        default=DEFAULT_QUARTERS,
        metavar="N",
        help=f"quarters the roadmap covers, {lo}-{hi} (default {DEFAULT_QUARTERS})",
    )
    roadmap.add_argument(
        "--milestone",
        action="append",
        default=[],
        metavar="Q<k>:FIELD=VALUE[,FIELD=VALUE...]",
        help="from quarter k (1 to --quarters) on, these answers change; fields "
        f"{', '.join(MILESTONE_FIELDS)}; repeatable, e.g. "
        "Q3:live_models=1,data_maturity=repeatable",
    )
    roadmap.add_argument(
        "--attrition",
        type=_rate,
        default=None,
        metavar="RATE",
        help=f"yearly share of the team that leaves, 0-{MAX_ATTRITION:g} (default: "
        "attrition_rate in data/assumptions.toml, a labelled assumption)",
    )
    roadmap.add_argument(
        "--hire-in",
        action="append",
        default=[],
        metavar="ARCHETYPE=LOCATION",
        help="hire this archetype in this market, e.g. operator=london; repeatable "
        "(default: --location)",
    )
    roadmap.add_argument(
        "--format",
        choices=["text", "json", "csv", "xlsx", "pptx"],
        default="text",
        help="text: a readable summary (default); json: the whole roadmap; csv: one row per "
        "quarter (stage, team in place, spend); xlsx: a workbook, sheets Summary, Quarters, "
        "Reqs, Sources (needs --out); pptx: a slide of the reqs and cash per quarter, and a "
        "sources slide (needs --out)",
    )
    roadmap.add_argument(
        "--out", default=None, metavar="FILE", help="write to this file instead of standard output"
    )

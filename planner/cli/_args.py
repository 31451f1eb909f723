"""Command-line flags: the parser for `python -m planner` and its subcommands.

The flags are a contract other tools script against: add, never rename. Usage errors print one
line on stderr and exit with EXIT_BAD_INPUT.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import NoReturn

from planner.bounds import ANSWER_BOUNDS, BENCHMARKS_UPLOAD, JD_UPLOAD
from planner.models import (
    Archetype,
    Channel,
    Currency,
    DataMaturity,
    Level,
    Location,
    PlannedReq,
    ProblemValidation,
)
from planner.roadmap import (
    DEFAULT_ATTRITION,
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


def add_stage_args(plan: argparse.ArgumentParser) -> None:
    """The stage, team, market and money flags shared by `plan`, `jd` and `roadmap`."""
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
        type=_count("live-models", "live_models"),
        metavar="N",
        help="live models tied to revenue (0 or more)",
    )
    plan.add_argument(
        "--products",
        required=True,
        type=_count("products", "products"),
        metavar="N",
        help="products served by ML (1 or more)",
    )
    plan.add_argument(
        "--regions",
        required=True,
        type=_count("regions", "regions"),
        metavar="N",
        help="regions served by ML (1 or more)",
    )
    for archetype in ("researchers", "developers", "operators"):
        plan.add_argument(
            f"--have-{archetype}",
            type=_count(f"have-{archetype}", f"have_{archetype}"),
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
        type=_count("percentile", "pay_percentile"),
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
        help="cash budget for the plan's first 12 months, in the plan's currency; the plan "
        "says which hires fit",
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
        "--seed",
        type=_count("seed", "seed"),
        default=2026,
        metavar="N",
        help="random seed of the simulation; the same seed gives the same numbers",
    )


def add_horizon_arg(parser: argparse.ArgumentParser) -> None:
    """The quarter plan's horizon, for `plan` and `jd` (`roadmap` has its own --quarters)."""
    parser.add_argument(
        "--horizon-quarters",
        type=_count("horizon-quarters", "horizon_quarters"),
        default=4,
        metavar="N",
        help="quarters the quarter plan covers, 1-12 (default 4)",
    )


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
        help=f"yearly share of the team that leaves, 0-{MAX_ATTRITION:g} (default "
        f"{DEFAULT_ATTRITION.value:g}, a labelled assumption)",
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
        choices=["text", "json", "csv"],
        default="text",
        help="text: a readable summary (default); json: the whole roadmap; csv: one row per "
        "quarter (stage, team in place, spend)",
    )
    roadmap.add_argument(
        "--out", default=None, metavar="FILE", help="write to this file instead of standard output"
    )

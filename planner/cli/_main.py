"""Command line: `python -m planner plan ...` does what the app does, for scripts and CI;
`python -m planner roadmap ...` gives the headcount roadmap (planner/roadmap.py).

The flags (planner/cli/_args.py) and the JSON keys are a contract other tools script against:
add, never rename. Exit codes: 0 ok; 2 bad input, one line on stderr (a flag, a file that cannot
be read, a file over its size limit, an --out that cannot be written); 1 unusable data (a data
file the planner ships, or the file given to check-benchmarks); 141 when the reader of standard
output went away (`| head`), as for a program stopped by SIGPIPE, and quietly.

Files are read up to their limit (planner/bounds.py) and no further, and written whole or not at
all; every value a user gave is cut to its first 40 characters in a message.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from planner.bounds import BENCHMARKS_UPLOAD, JD_UPLOAD, UploadLimit
from planner.cli._args import EXIT_BAD_DATA, EXIT_BAD_INPUT, build_parser
from planner.errors import DataFileError
from planner.kit import decode_upload, lint_text, load_lexicon
from planner.market import (
    BENCHMARKS_FILE,
    Assumptions,
    BandTable,
    FxTable,
    build_csv,
    load_assumptions,
    load_benchmarks,
    load_fx,
    validate_benchmarks,
)
from planner.models import Answers, Archetype, Location, Plan
from planner.questions import QUESTIONS
from planner.render import (
    cost_csv,
    lint_to_dict,
    lint_to_text,
    plan_json,
    plan_markdown,
    plan_pptx,
    plan_to_text,
    plan_workbook,
    quarters_csv,
    report_to_dict,
    report_to_text,
    roadmap_csv,
    roadmap_pptx,
    roadmap_to_text,
    roadmap_workbook,
)
from planner.roadmap import (
    RoadmapInput,
    make_roadmap,
    parse_hire_in,
    parse_milestone,
    roadmap_sources,
    roadmap_to_dict,
)
from planner.service import make_plan, plan_job_description
from planner.text import one_line

PROG = "python -m planner"
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE
SHOWN_PATH = 120  # a longer path shows as its first and last 40 characters
FILE_NAME = {"text": "plan.txt", "json": "plan.json", "md": "plan.md", "csv": "plan.csv",
             "pptx": "plan.pptx", "xlsx": "plan.xlsx"}  # fmt: skip
BINARY = ("pptx", "xlsx")  # written only to a file: a terminal would show noise


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    """One line on stderr, and the exit code to return."""
    print(f"{PROG}: {one_line(message, 1000)}", file=sys.stderr)
    return code


def _shown(path: str | Path) -> str:
    """A path a user gave, for a message, on one line: whole up to 120 characters, else its
    first 40 and last 40 (the file's name) around "…"."""
    text = one_line(str(path), len(str(path)) + 1)  # cleaned, not cut: the name is at its end
    return text if len(text) <= SHOWN_PATH else f"{text[:40]}…{text[-40:]}"


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check-benchmarks":
        return _check_benchmarks(args.file, args.format)
    if args.command == "lint-jd":
        return _lint_jd(args.file, args.format)
    if args.command == "build-benchmarks":
        return _build_benchmarks(args.out)
    if args.command == "roadmap":
        return _roadmap(args)
    return _plan(args)


def _build_benchmarks(out: str | None) -> int:
    path = Path(out) if out else BENCHMARKS_FILE
    try:
        text = build_csv()
    except (DataFileError, OSError) as exc:
        return _fail(f"data error: {exc}", EXIT_BAD_DATA)
    try:
        _write_whole(path, text.encode("utf-8"))
    except OSError as exc:
        return _fail(_cannot_write(path, exc, "benchmarks.csv"))
    print(f"wrote {path}")
    return 0


def _write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` completely or not at all: into a temporary file in the same folder,
    renamed over the target once written. A device or pipe (/dev/stdout) is written directly:
    there is nothing to rename over. OSError says why it could not."""
    target = Path(os.path.realpath(path))  # a link to a file: replace the file, not the link
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as device:
            device.write(data)
        return
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(part, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise


def _umask() -> int:
    """The process's umask (os.umask can only set it): a new file gets the mode `open` gives."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_WRITE_ADVICE = {
    errno.ENOTDIR: "part of the path is a file: choose another path",
    errno.EACCES: "choose a folder you can write to",
    errno.EPERM: "choose a folder you can write to",
    errno.EROFS: "choose a folder you can write to",
    errno.ENOSPC: "free some space or write elsewhere",
    errno.EDQUOT: "free some space or write elsewhere",
}


def _cannot_write(path: Path, exc: OSError, name: str) -> str:
    """One line: which path could not be written, why, and what to do."""
    if exc.errno == errno.EISDIR:
        why = f"it is a folder; add a file name, e.g. {_shown(path / name)}"
    elif exc.errno == errno.ENOENT:
        why = (
            f"the folder {_shown(path.parent)} does not exist; create it first or choose "
            "another folder"
        )
    else:
        advice = _WRITE_ADVICE.get(exc.errno or 0, "choose another path")
        why = f"{exc.strerror or type(exc).__name__}; {advice}"
    return f"error: cannot write {_shown(path)}: {why}"


class _TooLarge(Exception):
    """A file over its size limit."""


def _read_at_most(path: Path, limit: UploadLimit) -> bytes:
    """The file's bytes, reading no more than one byte past the limit (a huge file or /dev/zero
    is refused after 20 MB, not read to the end). _TooLarge past the limit; OSError if the file
    cannot be read."""
    with open(path, "rb") as file:
        data = file.read(limit.max_bytes + 1)
    if len(data) > limit.max_bytes:
        raise _TooLarge(f"the file is larger than {limit.text}")
    return data


def _answers(args: argparse.Namespace, default_percentile: int) -> Answers:
    """The answers the flags give (planner/questions.py names each flag); an unanswered one
    keeps the answer's default, the pay percentile the shipped data's."""
    given = {q.field: v for q in QUESTIONS if (v := getattr(args, q.dest, None)) is not None}
    given.setdefault("pay_percentile", default_percentile)
    return Answers.model_validate(given)


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
    if args.format in BINARY and not args.out:
        return _fail(f"error: --format {args.format} writes a binary file: add --out FILE")
    if args.table is not None and args.format != "csv":
        return _fail(f"error: --table {args.table} goes with --format csv, not {args.format}")
    plan = make_plan(answers, table, assumptions, fx)
    if args.table == "quarters":
        return _emit(quarters_csv(plan), args.out, "quarters.csv")
    return _emit(_render(plan, args.format), args.out, FILE_NAME[args.format])


def _emit(output: str | bytes, out: str | None, name: str) -> int:
    """Print the output, or write it whole to --out (`name`: the file name a folder lacks)."""
    if out is None:
        print(output, end="")
        return 0
    path = Path(out)
    try:
        _write_whole(path, output if isinstance(output, bytes) else output.encode("utf-8"))
    except OSError as exc:
        return _fail(_cannot_write(path, exc, name))
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _render(plan: Plan, fmt: str) -> str | bytes:
    if fmt == "pptx":
        return plan_pptx(plan)
    if fmt == "xlsx":
        return plan_workbook(plan)
    if fmt == "json":
        return plan_json(plan) + "\n"
    if fmt == "md":
        return plan_markdown(plan)
    if fmt == "csv":
        return cost_csv(plan)
    return plan_to_text(plan) + "\n"


def _roadmap(args: argparse.Namespace) -> int:
    try:
        table, assumptions, fx = load_benchmarks(), load_assumptions(), load_fx()
    except DataFileError as exc:
        return _fail(f"data error: {exc}", EXIT_BAD_DATA)
    try:
        request = RoadmapInput(
            answers=_answers(args, int(assumptions.default_pay_percentile.value)),
            milestones=tuple(parse_milestone(text, args.quarters) for text in args.milestone),
            quarters=args.quarters,
            attrition=args.attrition,
            hire_in=_hire_in(args.hire_in),
        )
    except ValidationError as exc:  # milestones that clash; argparse checked the rest
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        return _fail(f"error: {where}: {message}" if where else f"error: {message}")
    except ValueError as exc:  # parse_milestone and parse_hire_in name the bad part
        return _fail(f"error: {exc}")
    if args.format in BINARY and not args.out:
        return _fail(f"error: --format {args.format} writes a binary file: add --out FILE")
    roadmap = make_roadmap(request, table, assumptions, fx)
    output: str | bytes
    if args.format in BINARY:
        sources = roadmap_sources(roadmap, table, assumptions, fx)
        render = roadmap_workbook if args.format == "xlsx" else roadmap_pptx
        output = render(roadmap, sources)
    elif args.format == "json":
        output = json.dumps(roadmap_to_dict(roadmap), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        output = roadmap_csv(roadmap)
    else:
        output = roadmap_to_text(roadmap)
    return _emit(output, args.out, f"roadmap.{args.format}")


def _hire_in(texts: Sequence[str]) -> dict[Archetype, Location]:
    """--hire-in values by archetype; ValueError if one is malformed or an archetype repeats."""
    markets: dict[Archetype, Location] = {}
    for text in texts:
        archetype, location = parse_hire_in(text)
        if archetype in markets:
            raise ValueError(f"--hire-in: {archetype.value} is given twice")
        markets[archetype] = location
    return markets


def _check_benchmarks(file: str, fmt: str) -> int:
    path = Path(file)
    try:
        data = _read_at_most(path, BENCHMARKS_UPLOAD)
    except OSError as exc:
        return _fail(f"error: cannot read {_shown(file)}: {exc.strerror}")
    except _TooLarge as exc:
        return _fail(
            f"error: {_shown(file)}: {exc}; salary-band files up to {BENCHMARKS_UPLOAD.text} "
            "are accepted: check only the bands you need, or split the file"
        )
    report = validate_benchmarks(data, name=path.name)
    if fmt == "json":
        print(json.dumps(report_to_dict(report), indent=2))
    else:
        print(report_to_text(report))
    return 0 if report.ok else EXIT_BAD_DATA


def main(argv: Sequence[str] | None = None) -> NoReturn:
    try:
        try:
            code = run(argv)
        finally:
            sys.stdout.flush()  # a closed pipe shows here at the latest, not at interpreter exit
    except BrokenPipeError:
        # The reader went away (`| head`). As Python's docs advise: point standard output at
        # devnull so the interpreter's last flush stays quiet, and stop.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_CLOSED_PIPE)
    sys.exit(code)


def _jd_markdown(
    archetype: Archetype, answers: Answers, table: BandTable, a: Assumptions, fx: FxTable
) -> str:
    """The job description for `archetype`, at the level the plan gives it (or senior)."""
    return plan_job_description(archetype, answers, table, a, fx).to_markdown()


def _lint_jd(file: str, fmt: str) -> int:
    try:
        data = _read_at_most(Path(file), JD_UPLOAD)
        text = decode_upload(data)
        lexicon = load_lexicon()
    except OSError as exc:
        return _fail(f"error: cannot read {_shown(file)}: {exc.strerror}")
    except _TooLarge as exc:
        return _fail(
            f"error: {_shown(file)}: {exc}; job descriptions up to {JD_UPLOAD.text} are accepted"
        )
    except ValueError as exc:  # decode_upload's reasons; DataFileError for a broken rulebook
        return _fail(
            f"error: {_shown(file)}: {exc}",
            EXIT_BAD_DATA if isinstance(exc, DataFileError) else EXIT_BAD_INPUT,
        )
    report = lint_text(text, lexicon)
    if fmt == "json":
        print(json.dumps(lint_to_dict(report), indent=2))
    else:
        print(lint_to_text(report, Path(file).name))
    return 1 if report.worst == "high" else 0

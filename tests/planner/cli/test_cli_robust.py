"""The CLI under abuse: endless files, unwritable outputs, closed pipes, enormous flags."""

from __future__ import annotations

import resource
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from planner.bounds import BENCHMARKS_UPLOAD, JD_UPLOAD
from tests.conftest import ROOT

CLI = [sys.executable, "-m", "planner"]
STAGE = ["--data-maturity", "ad_hoc", "--problem", "exploring", "--live-models", "0",
         "--products", "1", "--regions", "1"]  # fmt: skip
MEMORY_CAP = 1024**3  # the CLI needs about 200 MB; reading /dev/zero to the end needs all of it
LONG = "9" * 5000


def _limited(file_size: int | None = None):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return limit


def _cli(*args: str, file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess with 1 GB of address space, 60 seconds at most."""
    return subprocess.run(
        [*CLI, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        preexec_fn=_limited(file_size),
    )


def _one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr and no traceback; that line."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-500:])
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    assert proc.stdout == ""
    return lines[0]


@pytest.mark.parametrize(
    ("command", "limit", "kind"),
    [("lint-jd", JD_UPLOAD, "job descriptions"),
     ("check-benchmarks", BENCHMARKS_UPLOAD, "salary-band files")],
)  # fmt: skip
def test_dev_zero_is_refused_at_the_limit(command, limit, kind):
    """An endless file is read up to its limit and refused, in bounded memory and time."""
    line = _one_line_error(_cli(command, "/dev/zero"))
    assert line == (
        f"python -m planner: error: /dev/zero: the file is larger than {limit.text}; "
        f"{kind} up to {limit.text} are accepted"
        + (": check only the bands you need, or split the file" if "band" in kind else "")
    )


def test_a_file_one_byte_over_the_limit_is_refused_and_at_the_limit_read(tmp_path):
    """The limit is exact: 200,000 bytes are linted, 200,001 refused."""
    at, over = tmp_path / "at.txt", tmp_path / "over.txt"
    at.write_bytes(b"Own the ranking model.\n".ljust(JD_UPLOAD.max_bytes, b" "))
    over.write_bytes(at.read_bytes() + b" ")
    assert "larger than 200 kB" in _one_line_error(_cli("lint-jd", str(over)))
    read = _cli("lint-jd", str(at))
    assert read.returncode in (0, 1) and read.stderr == "", read.stderr[-500:]


OUT_COMMANDS = {
    "build-benchmarks": ["build-benchmarks"],
    "plan": ["plan", *STAGE],
    "plan-pptx": ["plan", *STAGE, "--format", "pptx"],
}


@pytest.mark.parametrize("command", sorted(OUT_COMMANDS))
def test_out_to_a_folder_says_to_add_a_file_name(tmp_path, command):
    """--out naming a folder: one line naming it, nothing written inside it."""
    line = _one_line_error(_cli(*OUT_COMMANDS[command], "--out", str(tmp_path)))
    assert line.startswith(f"python -m planner: error: cannot write {tmp_path}: it is a folder")
    assert "add a file name, e.g." in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", sorted(OUT_COMMANDS))
def test_out_to_a_missing_folder_says_to_create_it(tmp_path, command):
    """--out inside a folder that does not exist: one line naming it; no folder is created."""
    out = tmp_path / "missing" / "out.csv"
    line = _one_line_error(_cli(*OUT_COMMANDS[command], "--out", str(out)))
    assert line == (
        f"python -m planner: error: cannot write {out}: the folder {out.parent} does not "
        "exist; create it first or choose another folder"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", sorted(OUT_COMMANDS))
def test_out_to_a_full_device_is_one_line(command):
    """--out /dev/full: the write fails with one line, never a traceback."""
    line = _one_line_error(_cli(*OUT_COMMANDS[command], "--out", "/dev/full"))
    assert line == (
        "python -m planner: error: cannot write /dev/full: No space left on device; "
        "free some space or write elsewhere"
    )


@pytest.mark.parametrize("command", sorted(OUT_COMMANDS))
def test_a_failed_write_leaves_the_old_file_whole(tmp_path, command):
    """A write that fails half-way (a 1 kB file-size limit) leaves the file as it was and no
    temporary file behind."""
    out = tmp_path / "existing.out"
    out.write_text("the previous version\n")
    line = _one_line_error(_cli(*OUT_COMMANDS[command], "--out", str(out), file_size=1000))
    assert (
        line == f"python -m planner: error: cannot write {out}: File too large; choose another path"
    )
    assert out.read_text() == "the previous version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.out"]


def test_out_replaces_a_file_whole_and_keeps_its_mode(tmp_path):
    """A successful --out replaces the file's content and keeps its permissions."""
    out = tmp_path / "b.csv"
    out.write_text("old")
    out.chmod(0o640)
    proc = _cli("build-benchmarks", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (ROOT / "data" / "benchmarks.csv").read_bytes()
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["b.csv"]


def _big_posting(tmp_path: Path) -> Path:
    """A posting whose JSON report is megabytes: far more than a pipe holds."""
    line = "We want a rockstar ninja with a PhD required and 10+ years of PyTorch, TensorFlow.\n"
    path = tmp_path / "big.txt"
    path.write_text(line * 1500)
    return path


PIPED = {
    "plan": ["plan", *STAGE],
    "plan-json": ["plan", *STAGE, "--format", "json"],
    "jd": ["jd", "--archetype", "developer", *STAGE],
    "check-benchmarks": ["check-benchmarks", "tests/fixtures/uploads/many_problems.csv"],
    "help": ["plan", "--help"],
}


@pytest.mark.parametrize("command", sorted(PIPED))
def test_a_reader_that_left_gets_no_traceback(command):
    """Standard output closed before the CLI writes (`| head -n 0`): quiet, exit 141 (or 0
    for --help, which argparse prints itself)."""
    # A shell: the pipe into head is what is tested (the command is ours, quoted).
    proc = subprocess.run(  # noqa: S602
        f"{shlex.join([*CLI, *PIPED[command]])} | head -n 0; echo ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.stderr == ""
    expected = ("0", "141") if command == "help" else ("141",)
    assert proc.stdout.strip() in expected


def test_head_dash_1_on_megabytes_of_output_is_quiet(tmp_path):
    """`lint-jd big.txt --format json | head -1` prints the first line, nothing on stderr."""
    posting = _big_posting(tmp_path)
    proc = subprocess.run(  # noqa: S602 - a shell pipe, as above
        f"{shlex.join([*CLI, 'lint-jd', str(posting), '--format', 'json'])} | head -1",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.stdout == "{\n"
    assert proc.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["plan", *STAGE, "--live-models", LONG],
        ["plan", *STAGE, "--seed", LONG],
        ["plan", *STAGE, "--budget", "x" + LONG],
        ["plan", *STAGE, "--location", LONG],
        ["plan", *STAGE, LONG],
        ["lint-jd", "/" + LONG],
        ["check-benchmarks", "/no/such/" + LONG],
        ["plan", *STAGE, "--out", f"/no/such/{LONG}/plan.txt"],
        ["build-benchmarks", "--out", "/no/such/" + LONG],
    ],
    ids=["live-models", "seed", "budget", "location", "argument", "lint-jd", "check-benchmarks",
         "plan-out", "build-out"],
)  # fmt: skip
def test_a_5000_character_value_is_cut_in_the_message(args):
    """Any flag, argument or path of 5,000 characters shows as its first 40 and an ellipsis."""
    line = _one_line_error(_cli(*args))
    assert len(line) < 400, line
    assert "9" * 41 not in line and "…" in line

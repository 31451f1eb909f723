"""docs/cli.md documents every flag and every --format value of `plan` and `roadmap`."""

from __future__ import annotations

import argparse
import re

import pytest

from planner.cli._args import build_parser
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _command(name: str) -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


@pytest.mark.parametrize("command", ["plan", "roadmap"])
def test_every_flag_is_documented(command):
    """Each option string of the command's --help appears in docs/cli.md."""
    flags = [s for a in _command(command)._actions for s in a.option_strings if s != "-h"]
    assert "--format" in flags
    missing = [f for f in flags if not re.search(re.escape(f) + r"\b", DOC)]
    assert not missing, f"docs/cli.md lacks {missing}"


@pytest.mark.parametrize("command", ["plan", "roadmap"])
def test_every_format_is_documented(command):
    """Each --format choice is in the command's usage line in docs/cli.md and described."""
    action = next(a for a in _command(command)._actions if "--format" in a.option_strings)
    section = DOC.split(f"## {command}\n", 1)[1].split("\n## ", 1)[0]
    assert "{" + ",".join(action.choices) + "}" in section
    for choice in action.choices:
        if choice != "text":
            assert f"`{choice}`" in section or f"--format {choice}" in section, choice

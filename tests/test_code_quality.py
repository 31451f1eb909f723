"""The checks a reviewer would run: types on the domain, lint on everything."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT


def test_domain_is_strictly_typed():
    """mypy --strict passes on planner/ (configured in pyproject.toml)."""
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_ruff_is_clean():
    """ruff check reports nothing."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


def _sources() -> Iterator[tuple[Path, str]]:
    """Every Python file of ours outside tests: its path from the root, and its text."""
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] not in {"tests", ".venv", "build"}:
            yield rel, path.read_text(encoding="utf-8")


def test_no_user_text_reaches_html():
    """No code outside tests renders HTML from strings, unpickles or evaluates anything."""
    offenders = []
    for rel, text in _sources():
        banned = (
            "unsafe_allow_html",
            "st.html(",
            "components.html(",
            "components.v1",
            "pickle.load",
            "eval(",
            "exec(",
        )
        if any(b in text for b in banned):
            offenders.append(str(rel))
    assert offenders == []


def test_counts_are_written_out_not_as_noun_s():
    """No text of ours says "quarter(s)" or "hire(s)": counts go through planner.models.count
    ("1 quarter", "4 quarters"), for the page, the slides and the messages alike."""
    offenders = [
        f"{rel}:{node.lineno}"
        for rel, text in _sources()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(s)" in node.value
    ]
    assert offenders == []


def test_the_one_script_in_the_page_is_ours_and_takes_data_only():
    """The page runs one script of ours (ui/address.py): the component is declared with
    JavaScript only, no HTML or CSS, and that script is a constant that never writes markup.
    What it gets from a run travels as data."""
    users = sorted(str(rel) for rel, text in _sources() if "components.v2" in text)
    assert users == ["ui/address.py"]
    tree = ast.parse((ROOT / "ui" / "address.py").read_text(encoding="utf-8"))
    declared = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "component"
    ]
    assert len(declared) == 1
    assert [k.arg for k in declared[0].keywords] == ["js"]
    assert isinstance(declared[0].keywords[0].value, ast.Name)  # the module's constant

    from ui import address

    script = address._JS
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval",
        "Function(",
    ):
        assert sink not in script
    assert "history.replaceState" in script and "data.search" in script

"""The checks a reviewer would run: types on the domain, lint on everything."""

from __future__ import annotations

import subprocess
import sys

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


def test_no_user_text_reaches_html():
    """No code outside tests renders HTML from strings, unpickles or evaluates anything."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {"tests", ".venv", "build"}:
            continue
        text = path.read_text(encoding="utf-8")
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

"""The checks a reviewer would run: types on the domain, lint on everything."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT


def test_domain_is_strictly_typed():
    """mypy --strict passes on planner/, ui/, app_pages/ and app.py (pyproject.toml)."""
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


# Our code in the page (st.components.v2): module -> the keywords its one component is declared
# with. No HTML: the presentation view's frame is CSS only (ui/present.py), and the one script
# is the quarantined Streamlit 1.67 workaround that writes the address (ui/_st167_address.py).
SCRIPTS = {"ui/present.py": ["css", "isolate_styles"], "ui/_st167_address.py": ["js"]}
MARKUP_SINKS = (
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "createContextualFragment",
    "parseFromString",
    "setHTMLUnsafe",
    "document.write",
    "eval",
    "Function(",
    "import(",
)


def test_our_code_in_the_page_is_constants_that_take_data_only():
    """The page runs one script of ours (ui/_st167_address.py) and one stylesheet
    (ui/present.py). Each component is declared with module constants, no HTML; the script
    writes no markup and the CSS loads nothing. What the script gets from a run is data."""
    users = sorted(str(rel) for rel, text in _sources() if "components.v2" in text)
    assert users == sorted(SCRIPTS)
    for rel, keywords in SCRIPTS.items():
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        declared = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "component"
        ]
        assert len(declared) == 1, rel
        assert [k.arg for k in declared[0].keywords] == keywords, rel
        assert isinstance(declared[0].keywords[0].value, ast.Name), rel

    from ui import _st167_address, present

    assert not [sink for sink in (*MARKUP_SINKS, "url(", "@import") if sink in present._FRAME_CSS]
    assert not [sink for sink in MARKUP_SINKS if sink in _st167_address._JS]
    assert "history.replaceState" in _st167_address._JS and "data.search" in _st167_address._JS

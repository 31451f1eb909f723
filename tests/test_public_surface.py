"""Each domain package shows a small public surface; the app uses nothing else.

Like httpx's test_exported_members: the names a package exports are exactly its __all__, each
one is really there, and the pages and UI helpers import only from these surfaces (never a
private module), so a module behind a surface can move without touching the app.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("stage", "market", "costing", "kit", "render", "scenarios", "cli")
APP_FILES = [
    ROOT / "app.py",
    *sorted((ROOT / "ui").glob("*.py")),
    *sorted((ROOT / "app_pages").glob("*.py")),
]


@pytest.mark.parametrize("name", PACKAGES)
def test_exported_members(name):
    package = importlib.import_module(f"planner.{name}")
    exported = package.__all__
    assert len(exported) == len(set(exported)), "__all__ lists a name twice"
    for member in exported:
        assert hasattr(package, member), f"planner.{name} lists {member} but does not have it"
    public = {
        n
        for n, v in vars(package).items()
        if not n.startswith("_") and getattr(v, "__module__", "").startswith(f"planner.{name}.")
    }
    assert public <= set(exported), (
        f"planner.{name} shows names outside __all__: {public - set(exported)}"
    )


@pytest.mark.parametrize("name", PACKAGES)
def test_modules_behind_a_surface_are_private(name):
    modules = [p.stem for p in (ROOT / "planner" / name).glob("*.py") if p.stem != "__init__"]
    assert modules and all(m.startswith("_") for m in modules), modules


def _planner_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("planner"):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("planner")]
    return found


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_imports_only_public_surfaces(path):
    private = [
        m for m in _planner_imports(path) if any(part.startswith("_") for part in m.split("."))
    ]
    assert not private, f"{path.name} imports private modules: {private}"

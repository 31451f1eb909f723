"""The command line: `python -m planner ...` does what the app does.

The names below are this package's public surface; the modules behind them are private.
"""

from __future__ import annotations

from planner.cli._main import main

__all__ = [
    "main",
]

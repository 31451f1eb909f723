"""`python -m planner` — see planner.cli._main."""

from planner.cli import main

main()

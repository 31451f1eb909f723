"""Errors the planner raises on bad data files (user input never raises: it is validated)."""

from __future__ import annotations


class DataFileError(ValueError):
    """A shipped or configured data file is unusable; the message says where and how to fix it."""

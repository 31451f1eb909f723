"""Answers to and from URL query parameters: strings in, validated one by one, never evaluated.

Keys match the CLI flags (with underscores), so a share link reads like a command line.
A value is accepted only if the page's input for it can show it (planner/bounds.py); a bad
value is dropped with a plain-text note naming it, and the rest of the link still applies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from planner.bounds import Bound, number_text
from planner.models import Answers
from planner.questions import ANSWER_BOUNDS, QUESTION, QUESTIONS
from planner.text import one_line

# query key -> Answers field
QUERY_KEYS: Mapping[str, str] = {q.key: q.field for q in QUESTIONS}
# An optional pick is unset by its own "not set" value, an empty one, or either word.
_UNSET = {"", "none", "auto"}
MAX_VALUE_LENGTH = 40  # longer than any valid value; keeps hostile strings out of messages
# ASCII digits only: int() and float() also take "٣", "1_0" and "nan".
_WHOLE = re.compile(r"[+-]?[0-9]{1,20}")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")


def shown_value(text: str) -> str:
    """A key or value from outside, quoted for a message: its first 40 characters and "…"."""
    return repr(one_line(text, MAX_VALUE_LENGTH + 1))


def parse_number(raw: str) -> float | None:
    """A number written in plain digits ("0.25", "1e3"), or None. One too large for a float is
    infinity, which no input takes."""
    text = raw.strip()
    return float(text) if _NUMBER.fullmatch(text) else None


def link_number(bound: Bound, raw: str) -> float:
    """A link value its input can show exactly; ValueError saying why its input could not."""
    number = parse_number(raw)
    if number is None:
        raise ValueError("not a number")
    if reason := bound.refusal(number):
        raise ValueError(reason)
    return number


def _number_answer(field: str, raw: str) -> int | float:
    """A numeric answer as its input holds it; ValueError saying why the input could not."""
    bound = ANSWER_BOUNDS[field]
    text = raw.strip()
    if bound.whole and not _WHOLE.fullmatch(text):
        raise ValueError(bound.expected)
    value = int(text) if bound.whole else parse_number(text)
    if value is None:
        raise ValueError("not a number")
    if reason := bound.refusal(value):
        raise ValueError(reason)
    return value


def answers_from_query(
    params: Mapping[str, str], defaults: Answers | None = None
) -> tuple[Answers, list[str]]:
    """Answers from query parameters; unknown keys and bad values are ignored with a note."""
    base = defaults or Answers()
    accepted: dict[str, object] = {}
    ignored: list[str] = []
    for key, raw in params.items():
        field = QUERY_KEYS.get(key)
        if field is None:
            ignored.append(f"unknown parameter {shown_value(key)}")
            continue
        value: object = raw.strip()
        if field in ANSWER_BOUNDS:
            try:
                value = _number_answer(field, raw)
            except ValueError as exc:
                ignored.append(f"{key}={shown_value(raw)} ({exc})")
                continue
        elif QUESTION[field].unset is not None and value in _UNSET:
            value = None
        try:
            Answers.model_validate({**base.model_dump(), field: value})
        except ValidationError as exc:
            msg = exc.errors()[0]["msg"]
            ignored.append(f"{key}={shown_value(raw)} ({msg})")
            continue
        accepted[field] = value
    return Answers.model_validate({**base.model_dump(), **accepted}), ignored


def answers_to_query(answers: Answers) -> dict[str, str]:
    """Only the answers that differ from the defaults, as strings, for a short link."""
    default = Answers().model_dump(mode="json")
    current = answers.model_dump(mode="json")
    out = {}
    for key, field in QUERY_KEYS.items():
        if current[field] != default[field] and current[field] is not None:
            value = current[field]
            out[key] = number_text(value) if isinstance(value, float) else str(value)
    return out

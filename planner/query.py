"""Answers to and from URL query parameters: strings in, validated one by one, never evaluated.

Keys match the CLI flags (with underscores), so a share link reads like a command line.
A bad value is dropped with a note naming it; the rest of the link still applies.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from planner.models import Answers

# query key -> Answers field
QUERY_KEYS: Mapping[str, str] = {
    "data_maturity": "data_maturity",
    "problem": "problem_validation",
    "live_models": "live_models",
    "products": "products",
    "regions": "regions",
    "have_researchers": "have_researchers",
    "have_developers": "have_developers",
    "have_operators": "have_operators",
    "planned_req": "planned_req",
    "percentile": "pay_percentile",
    "channel": "channel",
    "location": "location",
    "currency": "currency",
    "level": "level",
    "horizon": "horizon_quarters",
    "seed": "seed",
    "budget": "budget",
}
MAX_VALUE_LENGTH = 40  # longer than any valid value; keeps hostile strings out of messages


def _shown(value: str) -> str:
    text = value if len(value) <= MAX_VALUE_LENGTH else value[:MAX_VALUE_LENGTH] + "…"
    return repr(text)


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
            ignored.append(f"unknown parameter {_shown(key)}")
            continue
        value: object = raw.strip()
        if field in ("planned_req", "currency", "level") and value in ("", "none", "auto"):
            value = None
        try:
            Answers.model_validate({**base.model_dump(), field: value})
        except ValidationError as exc:
            msg = exc.errors()[0]["msg"]
            ignored.append(f"{key}={_shown(raw)} ({msg})")
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
            out[key] = f"{value:g}" if isinstance(value, float) else str(value)
    return out

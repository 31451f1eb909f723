"""The case book: realistic companies, what an experienced head of ML would do, and why.

It is the test of the planner's judgment (every row must agree with the rules) and the About
page shows it as "situations like yours". The rows live in data/case_book.csv.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from planner.errors import DataFileError
from planner.files import DATA_DIR
from planner.models import Answers, Archetype, Failure

CASE_BOOK_FILE = DATA_DIR / "case_book.csv"
ANSWER_COLUMNS = (
    "data_maturity",
    "problem_validation",
    "live_models",
    "products",
    "regions",
    "have_researchers",
    "have_developers",
    "have_operators",
    "planned_req",
)


class Case(BaseModel):
    """One company: its answers and the plan a head of ML would sign."""

    model_config = ConfigDict(frozen=True)

    id: str
    company: str
    answers: Answers
    next_failure: Failure
    hires: dict[Archetype, int]
    first_hire: Archetype | None
    expect: frozenset[str]  # advice codes the plan must give
    head_of_ml: str
    why: str


def _case(row: dict[str, str]) -> Case:
    answers = {k: row[k] for k in ANSWER_COLUMNS if row[k].strip()}
    return Case(
        id=row["id"],
        company=row["company"],
        answers=Answers.model_validate(answers),
        next_failure=Failure(row["next_failure"]),
        hires={a: int(row[f"hires_{a.value}"]) for a in Archetype},
        first_hire=Archetype(row["first_hire"]) if row["first_hire"].strip() else None,
        expect=frozenset(c.strip() for c in row["expect"].split(";") if c.strip()),
        head_of_ml=row["head_of_ml"],
        why=row["why"],
    )


def load_case_book(path: Path = CASE_BOOK_FILE) -> tuple[Case, ...]:
    """Every case in the book, or DataFileError naming the row and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path.name}: cannot read the case book ({exc}).") from exc
    cases = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            cases.append(_case(row))
        except (KeyError, ValueError, ValidationError) as exc:
            raise DataFileError(f"{path.name}, row {number}: {exc}") from exc
    return tuple(cases)


def _distance(a: Answers, b: Answers) -> float:
    """How far two companies' answers are apart: stage answers weigh most, counts on a log scale
    (2 live models are closer to 3 than 30 is to 31 in what they call for)."""

    def log(n: int) -> float:
        return math.log2(1 + n)

    d = 3.0 * (a.data_maturity != b.data_maturity) + 3.0 * (
        a.problem_validation != b.problem_validation
    )
    d += 3.0 * abs(log(a.live_models) - log(b.live_models))
    d += abs(log(a.products) - log(b.products)) + abs(log(a.regions) - log(b.regions))
    d += 0.5 * sum(abs(log(a.have(x)) - log(b.have(x))) for x in Archetype)
    return d


def similar_cases(answers: Answers, cases: tuple[Case, ...], n: int = 2) -> list[Case]:
    """The n companies in the book whose answers are closest to these (ties: book order)."""
    return sorted(cases, key=lambda c: _distance(answers, c.answers))[:n]

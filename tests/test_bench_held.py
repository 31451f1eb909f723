"""bench/held.py: a held part draws the first plan it was given, whatever it is given later."""

from bench.held import PARTS, held
from planner import Answers
from planner.models import ProblemValidation
from planner.scenarios._share import make_link


def test_a_held_part_draws_the_first_plan_it_was_given_every_time() -> None:
    """Later plans are ignored; the other arguments pass through."""
    drawn: list[tuple[str, str]] = []
    draw = held("test-part", lambda plan, where: drawn.append((plan, where)))
    draw("first plan", "a")
    draw("second plan", "b")
    assert drawn == [("first plan", "a"), ("first plan", "b")]


def test_every_held_part_names_a_function_that_exists() -> None:
    """A renamed function would make a part hold nothing, and its bench row measure the app."""
    for module, names in PARTS.values():
        for name in names:
            assert callable(getattr(module, name)), f"{module.__name__}.{name}"


def test_a_held_share_link_keeps_the_first_answers(assumptions, fx) -> None:
    """The url part: a changed answer leaves the link, and so the address bar, as it was."""
    link = held("test-link", make_link)
    first = Answers()
    changed = first.model_copy(update={"problem_validation": ProblemValidation.PROVEN})
    assert make_link(first, assumptions, assumptions, fx, fx) != make_link(
        changed, assumptions, assumptions, fx, fx
    )
    assert link(first, assumptions, assumptions, fx, fx) == link(
        changed, assumptions, assumptions, fx, fx
    )

"""bench/held.py: a held part draws the first plan it was given, whatever it is given later."""

from bench.held import held


def test_a_held_part_draws_the_first_plan_it_was_given_every_time() -> None:
    """Later plans are ignored; the other arguments pass through."""
    drawn: list[tuple[str, str]] = []
    draw = held("test-part", lambda plan, where: drawn.append((plan, where)))
    draw("first plan", "a")
    draw("second plan", "b")
    assert drawn == [("first plan", "a"), ("first plan", "b")]

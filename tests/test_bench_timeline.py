"""bench/timeline.py: one answer's steps from the page's and the server's clocks."""

from bench.timeline import STEPS, _steps, targets

CLICK = 1_000_000.0  # wall clock, ms
ANSWER = {
    "click": CLICK,
    "sent": CLICK + 5,
    "arrived": [CLICK + 12, CLICK + 20, CLICK + 30],
    "finish": CLICK + 31,
    "painted": CLICK + 60,
}
LOG = [
    (CLICK - 50, "queued", "delta"),  # the previous answer's: not this one's
    (CLICK + 6, "received", "rerun_script"),
    (CLICK + 7, "exec", "-"),
    (CLICK + 10, "queued", "new_session"),
    (CLICK + 18, "queued", "delta"),
    (CLICK + 19, "exec_end", "-"),
    (CLICK + 25, "queued", "script_finished"),
    (CLICK + 80, "queued", "delta"),  # after the paint: the next answer's
]


def test_each_step_is_timed_from_the_click_and_messages_are_counted() -> None:
    """Steps in STEPS order, in ms after the click; the last figure is the messages queued."""
    steps = _steps(ANSWER, LOG)
    assert steps == [5, 6, 7, 10, 19, 25, 12, 31, 60, 3]
    assert len(steps) == len(STEPS) + 1


def test_an_answer_the_server_log_misses_a_step_of_is_left_out() -> None:
    """No "script starts" in the log: the answer gives no row rather than a wrong one."""
    assert _steps(ANSWER, [entry for entry in LOG if entry[1] != "exec"]) is None


def test_every_wrapped_streamlit_function_exists() -> None:
    """A Streamlit upgrade that renames one would leave its step out of every answer."""
    for step, owner, name, _what in targets():
        assert callable(getattr(owner, name)), f"{step}: {owner.__name__}.{name}"

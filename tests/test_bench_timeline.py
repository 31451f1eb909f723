"""bench/timeline.py: one answer's steps from the page's and the server's clocks."""

from bench.timeline import SKEW_MS, STEPS, _steps, targets

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
    steps = _steps(ANSWER, LOG, since=CLICK - 40)
    assert steps == [5, 6, 7, 10, 19, 25, 12, 31, 60, 3]
    assert len(steps) == len(STEPS) + 1


def test_an_answer_the_server_log_misses_a_step_of_is_left_out() -> None:
    """No "script starts" in the log: the answer gives no row rather than a wrong one."""
    assert _steps(ANSWER, [entry for entry in LOG if entry[1] != "exec"], since=0) is None


def test_an_answer_whose_window_holds_two_script_runs_is_left_out() -> None:
    """A run cut short by a rerun and the rerun: its start and end would span both."""
    rerun = [*LOG, (CLICK + 20, "exec", "-"), (CLICK + 24, "exec_end", "-")]
    assert _steps(ANSWER, rerun, since=0) is None


def test_server_lines_a_little_before_the_click_count_for_clock_skew() -> None:
    """The page's clock may run a few ms ahead of the server's: the answer received up to
    SKEW_MS "before" the click is this answer's; earlier, or before the previous paint, not."""

    def received_at(t: float) -> list[tuple[float, str, str]]:
        return [(t, s, w) if s == "received" else (u, s, w) for u, s, w in LOG]

    steps = _steps(ANSWER, received_at(CLICK - (SKEW_MS - 1)), since=CLICK - 40)
    assert steps is not None and steps[1] == -(SKEW_MS - 1)
    assert _steps(ANSWER, received_at(CLICK - (SKEW_MS + 1)), since=CLICK - 40) is None
    assert _steps(ANSWER, received_at(CLICK - 2), since=CLICK - 1) is None


def test_every_wrapped_streamlit_function_exists() -> None:
    """A Streamlit upgrade that renames one would leave its step out of every answer."""
    for target in targets():
        owner, name = target.owner, target.name
        assert callable(getattr(owner, name)), f"{target.step}: {owner.__name__}.{name}"

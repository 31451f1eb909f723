"""Where one changed answer's time goes: our app and the bare baseline, click to paint.

    python bench/timeline.py [answers] [other/app.py ...]

For each app (ours, the bare baseline, and any other copy of our app named, such as a
worktree with a change to try), changes the answer `answers` times (default 30) in Debian's
chromium and prints the median time from the click to each step: the page sends the answer;
the server has it; the script starts and ends; the server hands the first and the last
message of the rerun to its websocket; the page receives the first message and Streamlit's
"script finished"; two frames are painted (the end bench/browser.py measures). With messages
per answer. A diagnostic, not a goal: it shows which side of the websocket a change moves.

Page times are read in the page (`performance.timeOrigin + performance.now()`), server times
with `time.time()` in the server process, on the same machine: both are wall clock in ms.
The server is started through this file (`python bench/timeline.py run APP ...`), which logs
those steps to BENCH_TIMELINE_LOG by wrapping three Streamlit functions, then runs Streamlit
as usual. For measurement only: nothing in the app reads BENCH_TIMELINE_LOG.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))  # run as a script: the bench modules

LOG_ENV = "BENCH_TIMELINE_LOG"


class Target(NamedTuple):
    """A Streamlit function the server's log wraps: the step logged as it is called, what the
    line says (from its arguments), and the step logged when it returns, if any."""

    step: str
    owner: Any
    name: str
    what: Callable[..., str]
    end: str | None = None


def targets() -> list[Target]:
    """The Streamlit functions the server's log wraps."""
    import streamlit.runtime.runtime as runtime
    import streamlit.runtime.scriptrunner.script_runner as script_runner
    from streamlit.web.server.starlette import starlette_websocket

    return [
        Target(
            "queued",  # a ForwardMsg handed to the websocket's send queue
            starlette_websocket.StarletteSessionClient,
            "write_forward_msg",
            lambda _self, msg: msg.WhichOneof("type"),
        ),
        Target(
            "received",  # a BackMsg: the answer ("rerun_script") among others
            runtime.Runtime,
            "handle_backmsg",
            lambda _self, _session, msg: msg.WhichOneof("type"),
        ),
        Target("exec", script_runner, "exec_func_with_error_handling", lambda *_: "-", "exec_end"),
    ]


def _serve(log_path: str) -> None:
    """Run Streamlit (sys.argv: "run APP ...") with its rerun steps logged to `log_path`."""
    from streamlit.web.cli import main

    log = open(log_path, "a", buffering=1)  # open for the server's life
    lock = threading.Lock()  # the script thread and the event loop both write

    def write(step: str, what: str) -> None:
        with lock:
            log.write(f"{time.time() * 1000:.3f} {step} {what}\n")

    def logged(target: Target, call: Callable[..., Any]) -> Callable[..., Any]:
        def step_then_call(*args: Any, **kwargs: Any) -> Any:
            write(target.step, target.what(*args))
            result = call(*args, **kwargs)
            if target.end:
                write(target.end, "-")
            return result

        return step_then_call

    for target in targets():
        setattr(target.owner, target.name, logged(target, getattr(target.owner, target.name)))
    sys.argv = ["streamlit", *sys.argv[1:]]
    main()


# Wraps the page's WebSocket (before Streamlit's code runs) to note when the answer is sent
# and when each message arrives, on the wall clock.
RECORD_JS = """
(() => {
  const Native = window.WebSocket, now = () => performance.timeOrigin + performance.now();
  window.__timeline = {sent: null, arrived: []};
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => window.__timeline.arrived.push(now()));
    }
    send(data) {
      window.__timeline.sent ??= now();
      return super.send(data);
    }
  };
})();
"""
# Click whichever option is not selected, wait for the finished run and two frames.
ANSWER_JS = """
async ([texts, timeoutMs]) => {
  const now = () => performance.timeOrigin + performance.now();
  const label = window.__planBench.pick(texts);  // bench/page_clock.py
  if (!label) throw new Error(`answer options ${texts} not on the page`);
  const finished = window.__planBench.nextFinish(timeoutMs);
  window.__timeline = {sent: null, arrived: []};
  const click = now();
  label.click();
  if (await finished !== "ok") return null;
  const finish = now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {click, finish, painted: now(), ...window.__timeline};
}
"""
STEPS = (
    "page sends the answer",
    "server has it",
    "script starts",
    "first message queued",
    "script ends",
    "last message queued",
    "page gets the first message",
    "page gets 'script finished'",
    "painted (2 frames later)",
)


SKEW_MS = 5  # how far the page's clock may be ahead of the server's and a step still count


def _steps(
    answer: dict[str, Any], log: list[tuple[float, str, str]], since: float
) -> list[float] | None:
    """One answer's steps in ms after its click, from the server's log lines after `since`
    (the previous answer's paint) and up to its own paint; None if a step is missing or the
    window holds more than one script run (a rerun cut short by another)."""
    click, end = answer["click"], answer["painted"]
    start = max(since, click - SKEW_MS)
    mine = [(t, step, what) for t, step, what in log if start <= t <= end]
    received = [t for t, step, what in mine if step == "received" and what == "rerun_script"]
    started = [t for t, step, _ in mine if step == "exec"]
    ended = [t for t, step, _ in mine if step == "exec_end"]
    queued = [t for t, step, _ in mine if step == "queued"]
    if not (received and queued and answer["sent"] and answer["arrived"]):
        return None
    if len(started) != 1 or len(ended) != 1:
        return None
    page = [answer["sent"], received[0], started[0], queued[0], ended[-1], queued[-1]]
    page += [answer["arrived"][0], answer["finish"], answer["painted"]]
    return [t - click for t in page] + [len(queued)]


async def _timeline(browser: Any, app: Path, labels: list[str], answers: int) -> list[float]:
    """Median of each step over `answers` changed answers of `app`; then the messages per
    answer and how many answers were fully logged."""
    import page_clock

    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as handle:
        log_path = handle.name
    try:
        server = page_clock.Server(app, launcher=HERE, env={LOG_ENV: log_path})
        try:
            context = await page_clock.new_context(browser, viewport={"width": 1280, "height": 900})
            await context.add_init_script(RECORD_JS)
            page, _ = await page_clock.open_page(context, server.url, labels)
            await page_clock.time_reruns(page, labels, 3)  # warm up
            timeout_ms = page_clock.LATENCY_TIMEOUT_S * 1000
            runs = [await page.evaluate(ANSWER_JS, [labels, timeout_ms]) for _ in range(answers)]
            await context.close()
        finally:
            server.stop()
        lines = Path(log_path).read_text().splitlines()
    finally:
        Path(log_path).unlink(missing_ok=True)
    log = [(float(t), step, what) for t, step, what in (line.split(" ", 2) for line in lines)]
    rows, since = [], 0.0
    for run in runs:
        if run and (row := _steps(run, log, since)) is not None:
            rows.append(row)
        since = run["painted"] if run else since
    if len(rows) < max(1, answers // 2):
        raise RuntimeError(f"{app.name}: only {len(rows)} of {answers} answers fully logged")
    medians = [statistics.median(row[i] for row in rows) for i in range(len(STEPS) + 1)]
    return [*medians, len(rows)]


async def main(answers: int, others: list[str]) -> None:
    import browser as bench_browser
    from playwright.async_api import async_playwright

    root = HERE.parent.parent
    apps = {
        "ours": (root / "app.py", bench_browser.OURS_LABELS),
        "baseline": (root / "bench" / "baseline_app.py", bench_browser.BASE_LABELS),
    }
    for other in others:  # named by their folder: a worktree's name says what it changes
        path = Path(other).resolve()
        name = path.parent.name
        while name in apps:
            name += "'"
        apps[name] = (path, bench_browser.OURS_LABELS)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=bench_browser.ARGS
        )
        medians = {
            name: await _timeline(browser, app, labels, answers)
            for name, (app, labels) in apps.items()
        }
        await browser.close()
    print(f"Median ms after the click, {answers} plan-changing answers each")
    print(f"{'':30s}" + "".join(f"{name:>10s}" for name in medians))
    for i, step in enumerate(STEPS):
        print(f"{step:30s}" + "".join(f"{row[i]:10.1f}" for row in medians.values()))
    print(f"{'messages per answer':30s}" + "".join(f"{row[-2]:10.0f}" for row in medians.values()))
    print(f"{'answers fully logged':30s}" + "".join(f"{row[-1]:10.0f}" for row in medians.values()))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "run":  # started as the server (see the docstring)
        _serve(os.environ[LOG_ENV])
    else:
        answers = int(sys.argv[1]) if len(sys.argv) > 1 else 30
        if answers < 2:
            sys.exit("answers: give 2 or more (a median of one answer says little)")
        asyncio.run(main(answers, sys.argv[2:]))

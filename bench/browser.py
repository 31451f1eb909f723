"""Browser latency against a bare Streamlit baseline, server memory, and a 50-session load test.

Both apps are served in this run, on loopback, and driven by Debian's chromium. Latency is
the time from a changed answer to the finished rerun painted: from the click (page clock) until
two animation frames after the server's "script finished" status message has reached the page,
and from navigation to the first full render with the chart drawn.

The end of a rerun is read from the websocket (Playwright's frame events, decoded with
Streamlit's own protobuf classes), not from the page's data-test-script-state attribute: under
load React batches "running" and "not running" into one commit and the attribute never changes.

Run: python bench/browser.py [--quick]   (prints a JSON summary; bench/run_all.py records it)
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import Page, async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project importable

from tests.e2e.server import CHROMIUM_ARGS as ARGS  # noqa: E402
from tests.e2e.server import Server as _Server  # noqa: E402

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHART = "[data-testid='stPlotlyChart']"

# Click whichever of the options is not selected now (so every click is a real change) and
# return the page clock. Options are found by their text each time: a rerun may remount them.
CLICK_JS = """
(texts) => {
  const labels = texts.map((t) => [...document.querySelectorAll("[data-testid='stApp'] label")]
    .find((l) => l.innerText.trim().startsWith(t)));
  if (labels.some((l) => !l)) return -1;
  const label = labels.find((l) => !(l.querySelector("input") || {}).checked) || labels[0];
  const t0 = performance.now();
  label.click();
  return t0;
}
"""
# Two animation frames: the browser has painted what it had received.
PAINTED_JS = (
    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => "
    "r(performance.now()))))"
)
LATENCY_TIMEOUT_S = 8  # one session on an idle machine: a rerun takes well under 1 s
LOAD_TIMEOUT_S = 60  # 50 sessions share 2 cores with their browser: allow a minute


class Watch:
    """Follows one page's websocket: set when a script run has started and then finished."""

    def __init__(self, page: Page) -> None:
        self.started = False
        self.finished = asyncio.Event()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, data: bytes | str) -> None:
        if not isinstance(data, bytes):
            return
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.WhichOneof("type") == "session_status_changed":
            if msg.session_status_changed.script_is_running:
                self.started = True
            elif self.started:
                self.finished.set()

    def arm(self) -> None:
        self.started = False
        self.finished.clear()


async def rerun(page: Page, watch: Watch, labels: list[str], timeout_s: float) -> float:
    """Change an answer; ms until the finished rerun is painted, or -1 if none finished in time.

    Raises if the answer options are not on the page (that is an error, not slowness).
    """
    watch.arm()
    t0 = await page.evaluate(CLICK_JS, labels)
    if t0 < 0:
        raise LookupError(f"answer options {labels} not found on the page")
    try:
        await asyncio.wait_for(watch.finished.wait(), timeout_s)
    except TimeoutError:
        return -1
    return float(await page.evaluate(PAINTED_JS)) - t0


class Server(_Server):
    """The shared test server, plus its resident memory for the memory bench."""

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return kb / 1024


async def _open(context, url: str) -> tuple[Page, Watch, float]:
    page = await context.new_page()
    watch = Watch(page)
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector(IDLE, timeout=60_000)
    await page.wait_for_selector(CHART, timeout=60_000)
    await page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    return page, watch, (time.perf_counter() - start) * 1000


async def _reruns(page: Page, watch: Watch, labels: list[str], n: int) -> list[float]:
    times = []
    for _ in range(n):
        ms = await rerun(page, watch, labels, LATENCY_TIMEOUT_S)
        if ms < 0:
            raise RuntimeError(f"no rerun finished within {LATENCY_TIMEOUT_S} s")
        times.append(ms)
    return times


OURS_LABELS = ["Repeatable — pipelines run and are trusted", "Ad hoc — messy events"]
BASE_LABELS = ["b", "a"]


async def latency(browser, ours: Server, base: Server, rounds: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, server, labels in (("ours", ours, OURS_LABELS), ("baseline", base, BASE_LABELS)):
        firsts, reruns = [], []
        for _ in range(rounds):
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            page, watch, first = await _open(context, server.url)
            firsts.append(first)
            reruns += await _reruns(page, watch, labels, 6)
            await context.close()
        out[f"{name}_first_ms"] = statistics.median(firsts)
        out[f"{name}_rerun_ms"] = statistics.median(reruns)
    out["rounds"] = rounds
    out["reruns"] = rounds * 6
    out["first_ratio"] = out["ours_first_ms"] / out["baseline_first_ms"]
    out["rerun_ratio"] = out["ours_rerun_ms"] / out["baseline_rerun_ms"]
    return out


async def memory(browser, ours: Server, sessions: int, reruns: int) -> dict[str, float]:
    context = await browser.new_context()
    page, watch, _ = await _open(context, ours.url)
    await asyncio.sleep(2)
    one = ours.rss_mb()
    await _reruns(page, watch, OURS_LABELS, 20)  # warm caches before measuring growth
    before = ours.rss_mb()
    await _reruns(page, watch, OURS_LABELS, reruns)
    await asyncio.sleep(2)
    after_reruns = ours.rss_mb()
    others = []
    for _ in range(sessions - 1):
        ctx = await browser.new_context()
        await _open(ctx, ours.url)
        others.append(ctx)
    await asyncio.sleep(3)
    many = ours.rss_mb()
    for ctx in others:
        await ctx.close()
    await context.close()
    return {
        "rss_1_session_mb": one,
        f"rss_{sessions}_sessions_mb": many,
        "growth_per_session_mb": (many - one) / (sessions - 1),
        "rerun_growth_mb": after_reruns - before,
        "reruns": reruns,
    }


async def load(browser, ours: Server, sessions: int, seconds: float) -> dict[str, float]:
    """`sessions` pages change answers for `seconds`; count errors, report latency."""
    contexts, pages = [], []
    for _ in range(sessions):
        ctx = await browser.new_context()
        page, watch, _ = await _open(ctx, ours.url)
        contexts.append(ctx)
        pages.append((page, watch))
    latencies: list[float] = []
    errors = timeouts = 0
    deadline = time.monotonic() + seconds

    async def drive(page: Page, watch: Watch) -> None:
        nonlocal errors, timeouts
        while time.monotonic() < deadline:
            try:
                ms = await rerun(page, watch, OURS_LABELS, LOAD_TIMEOUT_S)
            except LookupError:
                ms = -2
            exceptions = await page.locator("[data-testid='stException']").count()
            connected = await page.locator("[data-test-connection-state='CONNECTED']").count()
            if exceptions or not connected or ms == -2:
                errors += 1
            elif ms < 0:
                timeouts += 1  # no rerun finished within LOAD_TIMEOUT_S
            else:
                latencies.append(ms)

    await asyncio.gather(*(drive(page, watch) for page, watch in pages))
    for ctx in contexts:
        await ctx.close()
    latencies.sort()
    return {
        "sessions": sessions,
        "seconds": seconds,
        "reruns": len(latencies),
        "errors": errors,
        "timeouts": timeouts,
        "p50_ms": statistics.median(latencies) if latencies else -1,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] if latencies else -1,
    }


async def main(quick: bool) -> dict[str, object]:
    ours, base = Server(ROOT / "app.py"), Server(ROOT / "bench" / "baseline_app.py")
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            result: dict[str, object] = {
                "latency": await latency(browser, ours, base, rounds=2 if quick else 5),
                "memory": await memory(
                    browser, ours, sessions=10 if quick else 50, reruns=40 if quick else 200
                ),
                "load": await load(
                    browser, ours, sessions=10 if quick else 50, seconds=15 if quick else 60
                ),
            }
            await browser.close()
            return result
    finally:
        ours.stop()
        base.stop()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main("--quick" in sys.argv)), indent=2))

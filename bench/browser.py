"""Browser latency against a bare Streamlit baseline, server memory, and a 50-session load test.

Both apps are served in this run, on loopback, and driven by Debian's chromium. Latency is
the time from a changed answer to the finished rerun painted (two animation frames after the
app reports it is idle), and from navigation to the first full render with the chart drawn.

Run: python bench/browser.py [--quick]   (prints a JSON summary; bench/run_all.py records it)
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.async_api import Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHART = "[data-testid='stPlotlyChart']"

# Click a label and resolve when the app has run and gone idle again, plus two frames.
RERUN_JS = """
async (labels) => {
  // Click whichever option is not selected now, so every click is a real change.
  const checked = (l) => ((l.closest("label") || l).querySelector("input") || {}).checked;
  const label = labels.find((l) => !checked(l)) || labels[0];
  const app = document.querySelector("[data-testid='stApp']");
  const t0 = performance.now();
  let running = false;
  const done = new Promise((resolve) => {
    const obs = new MutationObserver((records) => {
      const s = app.getAttribute("data-test-script-state");
      // A fast rerun can flip running -> notRunning before we look: read the old values too.
      if (s === "running" || records.some((r) => r.oldValue === "running")) running = true;
      if (running && s === "notRunning") {
        obs.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      }
    });
    obs.observe(app, { attributes: true, attributeOldValue: true,
                       attributeFilter: ["data-test-script-state"] });
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 8000);  // not observed: counted apart
  });
  label.click();
  return await done;
}
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A streamlit server on loopback, stopped with its whole process group."""

    def __init__(self, script: Path) -> None:
        self.port = _port()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{script} did not start")

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return kb / 1024

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=20)


async def _open(context, url: str) -> tuple[Page, float]:
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector(IDLE, timeout=60_000)
    await page.wait_for_selector(CHART, timeout=60_000)
    await page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    return page, (time.perf_counter() - start) * 1000


async def _labels(page: Page, texts: list[str]) -> list:
    return [await page.get_by_text(t, exact=False).first.element_handle() for t in texts]


async def _reruns(page: Page, labels: list, n: int) -> list[float]:
    times = []
    for _ in range(n):
        ms = await page.evaluate(RERUN_JS, labels)
        if ms >= 0:
            times.append(ms)
        await page.wait_for_selector(IDLE)
    return times


OURS_LABELS = ["Repeatable — pipelines run and are trusted", "Ad hoc — messy events"]
BASE_LABELS = ["b", "a"]


async def latency(browser, ours: Server, base: Server, rounds: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, server, labels in (("ours", ours, OURS_LABELS), ("baseline", base, BASE_LABELS)):
        firsts, reruns = [], []
        for _ in range(rounds):
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            page, first = await _open(context, server.url)
            firsts.append(first)
            handles = (
                await _labels(page, labels)
                if name == "ours"
                else [
                    await page.locator("label").filter(has_text=t).first.element_handle()
                    for t in labels
                ]
            )
            reruns += await _reruns(page, handles, 6)
            await context.close()
        out[f"{name}_first_ms"] = statistics.median(firsts)
        out[f"{name}_rerun_ms"] = statistics.median(reruns)
    out["first_ratio"] = out["ours_first_ms"] / out["baseline_first_ms"]
    out["rerun_ratio"] = out["ours_rerun_ms"] / out["baseline_rerun_ms"]
    return out


async def memory(browser, ours: Server, sessions: int, reruns: int) -> dict[str, float]:
    context = await browser.new_context()
    page, _ = await _open(context, ours.url)
    await asyncio.sleep(2)
    one = ours.rss_mb()
    handles = await _labels(page, OURS_LABELS)
    await _reruns(page, handles, 20)  # warm caches before measuring growth
    before = ours.rss_mb()
    await _reruns(page, handles, reruns)
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
        page, _ = await _open(ctx, ours.url)
        contexts.append(ctx)
        pages.append(page)
    latencies: list[float] = []
    errors = timeouts = 0
    deadline = time.monotonic() + seconds

    async def drive(page: Page) -> None:
        nonlocal errors, timeouts
        handles = await _labels(page, OURS_LABELS)
        while time.monotonic() < deadline:
            ms = await page.evaluate(RERUN_JS, handles)
            exceptions = await page.locator("[data-testid='stException']").count()
            connected = await page.locator("[data-test-connection-state='CONNECTED']").count()
            if exceptions or not connected:
                errors += 1
            elif ms < 0:
                timeouts += 1  # no rerun observed within 8 s
            else:
                latencies.append(ms)

    await asyncio.gather(*(drive(p) for p in pages))
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

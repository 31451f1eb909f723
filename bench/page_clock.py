"""The page's own clock for bench/browser.py: when a rerun that a click or the rerun key
started has finished and been painted, read inside the page.

An init script wraps the page's WebSocket and looks at the top-level fields of each incoming
ForwardMsg for Streamlit's "script finished" field, so the click and the wait are one call into
the page. Nothing is copied out per message: an earlier version decoded every websocket frame in
this process through Playwright's frame events, which charged the app that sends more messages
for the measurement's own work (about 15% of its rerun time here). It is also not the page's
data-test-script-state attribute: under load React batches "running" and "not running" into one
commit and the attribute never changes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.async_api import BrowserContext, Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project importable

from tests.e2e.server import CHART
from tests.e2e.server import CHROMIUM_ARGS as ARGS  # noqa: F401  (for browser.py)
from tests.e2e.server import Server as _Server

_FINISHED = ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"]
FINISHED_FIELD = _FINISHED.number
_STATUS = _FINISHED.enum_type.values_by_name
# A run that ended well (the whole script, or one fragment); one cut short by a newer rerun
# is not the end of anything: the newer run follows. Any other status is a failed run.
FINISHED_OK = [
    _STATUS[name].number for name in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")
]
FINISHED_SUPERSEDED = _STATUS["FINISHED_EARLY_FOR_RERUN"].number

# Runs before the app's own code in every page: settles waiters when a ForwardMsg carrying
# "script finished" arrives, with "ok" or "failed". Only top-level protobuf fields are read:
# varints decoded, length-delimited fields skipped.
WATCH_JS = """
(() => {
  const FIELD = FINISHED_FIELD, OK = FINISHED_OK, SUPERSEDED = FINISHED_SUPERSEDED;
  const waiting = [];
  const finishedStatus = (u8) => {  // the "script finished" value, or null if absent
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = u8[i++]; value += (byte & 127) * 2 ** shift; shift += 7; }
      while (byte & 128 && i < u8.length);
      return value;
    };
    while (i < u8.length) {
      const tag = varint(), wire = tag & 7;
      if (Math.floor(tag / 8) === FIELD && wire === 0) return varint();
      if (wire === 0) varint();
      else if (wire === 2) { const length = varint(); i += length; }  // not i += varint()
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const status = finishedStatus(new Uint8Array(event.data));
        if (status === null || status === SUPERSEDED) return;
        const outcome = OK.includes(status) ? "ok" : "failed";
        for (const settle of waiting.splice(0)) settle(outcome);
      });
    }
  };
  window.__planBench = {
    nextFinish: (ms) => new Promise((settle) => {
      waiting.push(settle);
      setTimeout(() => settle("timeout"), ms);
    }),
    // The answer option to click among those labelled `texts`: whichever is not selected now
    // (so every click is a real change); null if one is not on the page. Found by their text
    // each time: a rerun may remount them.
    pick: (texts) => {
      const all = [...document.querySelectorAll("[data-testid='stApp'] label")];
      const labels = texts.map((t) => all.find((l) => l.innerText.trim().startsWith(t)));
      if (labels.some((l) => !l)) return null;
      return labels.find((l) => !(l.querySelector("input") || {}).checked) || labels[0];
    },
  };
})();
"""


def _with(script: str, **values: object) -> str:
    """The script with each NAME replaced by its Python value: one source for both sides."""
    for name, value in values.items():
        script = script.replace(name, str(value))
    return script


WATCH_JS = _with(
    WATCH_JS,
    FINISHED_FIELD=FINISHED_FIELD,
    FINISHED_OK=FINISHED_OK,
    FINISHED_SUPERSEDED=FINISHED_SUPERSEDED,
)

# Click the option WATCH_JS's pick() gives, wait for the next finished run and two animation
# frames (the browser has painted what it received); return the milliseconds on the page
# clock, or TIMED_OUT, MISSING (the options are not on the page) or FAILED (the run ended in
# an error).
TIMED_OUT, MISSING, FAILED = -1, -2, -3
RERUN_JS = """
async ([texts, timeoutMs]) => {
  const label = window.__planBench.pick(texts);
  if (!label) return MISSING;
  const finished = window.__planBench.nextFinish(timeoutMs);
  const t0 = performance.now();
  label.click();
  const outcome = await finished;
  if (outcome !== "ok") return outcome === "failed" ? FAILED : TIMED_OUT;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}
"""
RERUN_JS = _with(RERUN_JS, TIMED_OUT=TIMED_OUT, MISSING=MISSING, FAILED=FAILED)
# Streamlit's rerun key: arm a waiter and note when the key reaches the page (the key itself
# is pressed by Playwright: pages ignore synthetic key events); the promise resolves to the
# milliseconds from the key to the painted rerun, or TIMED_OUT / FAILED.
ARM_KEY_JS = """
(timeoutMs) => {
  let t0 = null;
  document.activeElement?.blur();  // a focused radio or input would take the key itself
  document.addEventListener("keydown", () => { t0 = performance.now(); },
    {capture: true, once: true});
  window.__planBench.keyRerun = window.__planBench.nextFinish(timeoutMs).then(async (outcome) => {
    if (outcome !== "ok" || t0 === null) return outcome === "failed" ? FAILED : TIMED_OUT;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
}
"""
ARM_KEY_JS = _with(ARM_KEY_JS, TIMED_OUT=TIMED_OUT, FAILED=FAILED)
LATENCY_TIMEOUT_S = 8  # one session on an idle machine: a rerun takes well under 1 s
LOAD_TIMEOUT_S = 60  # 50 sessions share 2 cores with their browser: allow a minute


async def rerun(page: Page, labels: list[str], timeout_s: float) -> float:
    """Change an answer; ms until the finished rerun is painted, TIMED_OUT or FAILED.

    Raises if the answer options are not on the page (that is an error, not slowness).
    """
    ms = float(await page.evaluate(RERUN_JS, [labels, timeout_s * 1000]))
    if ms == MISSING:
        raise LookupError(f"answer options {labels} not found on the page")
    return ms


async def rerun_key(page: Page, timeout_s: float) -> float:
    """Press Streamlit's rerun key; ms until the finished rerun is painted, TIMED_OUT or
    FAILED."""
    await page.evaluate(ARM_KEY_JS, timeout_s * 1000)
    await page.keyboard.press("r")
    return float(await page.evaluate("() => window.__planBench.keyRerun"))


class Server(_Server):
    """The shared test server, plus its resident memory for the memory bench."""

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return kb / 1024


async def new_context(browser, **options) -> BrowserContext:
    """A fresh browser context whose pages report the end of each rerun (WATCH_JS)."""
    context = await browser.new_context(**options)
    await context.add_init_script(WATCH_JS)
    return context


# The page is rendered when the script is idle, a chart is drawn and the answer options are
# on the page. All three: Streamlit loads each element's code as it is first needed, so a chart
# can be on screen before the radios whose code came later (seen once in 30 opens).
READY_JS = """
([texts, chart]) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (!document.querySelector(chart)) return false;
  const labels = [...app.querySelectorAll("label")].map((l) => l.innerText.trim());
  return texts.every((t) => labels.some((l) => l.startsWith(t)));
}
"""


async def open_page(context: BrowserContext, url: str, labels: list[str]) -> tuple[Page, float]:
    """A new page at `url`, and the ms until it is rendered (READY_JS) and painted."""
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function(READY_JS, arg=[labels, CHART], timeout=60_000, polling="raf")
    await page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    return page, (time.perf_counter() - start) * 1000


async def time_reruns(
    page: Page, labels: list[str] | None, n: int, pause_s: float = 0.0
) -> list[float]:
    """n reruns: by clicking between `labels`, or with the rerun key if labels is None; each
    after `pause_s` seconds of the page to itself (0: as soon as the last one was painted)."""
    times = []
    for _ in range(n):
        if pause_s:
            await page.wait_for_timeout(pause_s * 1000)
        if labels is None:
            ms = await rerun_key(page, LATENCY_TIMEOUT_S)
        else:
            ms = await rerun(page, labels, LATENCY_TIMEOUT_S)
        if ms == FAILED:
            raise RuntimeError("a rerun ended in an error")
        if ms < 0:
            raise RuntimeError(f"no rerun finished within {LATENCY_TIMEOUT_S} s")
        times.append(ms)
    return times

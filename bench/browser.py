"""Browser latency against a bare Streamlit baseline, server memory, and a 50-session load test.

Both apps are served in this run, on loopback, and driven by Debian's chromium. Latency is
the time from a changed answer to the finished rerun painted: from the click (page clock) until
two animation frames after the server's "script finished" message has reached the page
(bench/page_clock.py), and from navigation to the first full render with the chart drawn.

Run: python bench/browser.py [--quick] [--rounds=N] [--latency]
(prints a JSON summary; bench/run_all.py records it; --latency: the ratios only, no memory
or load test)
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import sys
import time
from collections import Counter

from page_clock import (
    ARGS,
    FAILED,
    LOAD_TIMEOUT_S,
    MISSING,
    ROOT,
    Server,
    new_context,
    open_page,
    rerun,
    time_reruns,
)
from playwright.async_api import Page, async_playwright
from proc_cpu import CpuMeter

# A changed answer that changes the whole result, as the baseline's radio changes its chart:
# from "exploring" to "proven" moves the diagnosis, the hires, the costs and the chart.
OURS_LABELS = ["Proven — a model already moves", "Exploring — not yet sure"]
# A changed answer that leaves the plan as it was (first rung either way): the measure of
# earlier runs, kept for comparison with them.
OURS_SAME_PLAN_LABELS = ["Repeatable — pipelines run and are trusted", "Ad hoc — messy events"]
BASE_LABELS = ["b", "a"]
# The reruns timed per app: trigger -> the answer options to click between (None: the rerun
# key). The baseline has one radio, so both answer measures of ours are compared with it.
# "paced": the same answers as "answer", each after a second of the page to itself, as a
# person answers: work a page leaves for after the paint is then done between answers, not
# during the next one, and its CPU is still counted.
OURS_TRIGGERS = {  # in the baseline's order, so "paced" comes as many answers in on both
    "answer": OURS_LABELS,
    "key": None,
    "paced": OURS_LABELS,
    "same_plan": OURS_SAME_PLAN_LABELS,
}
BASE_TRIGGERS = {"answer": BASE_LABELS, "key": None, "paced": BASE_LABELS}
PACE_S = 1.0
# On a fresh page the browser runs each element's update code for the first time on the first
# answer, and keeps getting faster over the next ones as it compiles what runs most; our page
# has more kinds of element to warm than the baseline, so it takes longer to settle. Every app
# gets the same WARMUP_ANSWERS answers on each fresh page before the timed ones, so that a
# ratio compares settled pages and not how much of each sample was warm-up. The warm-up
# answers are timed too and reported in two parts: the first answer, and the rest.
WARMUP_ANSWERS = 16
WARM_UP_PARTS = {"first_answer": (0, 1), "warming": (1, WARMUP_ANSWERS)}
ANSWERS = 8  # timed reruns per app and trigger
CPU_TRIGGERS = ("answer", "paced")  # the reruns whose CPU is measured


# The ratios reported: name -> (our app and trigger, the app and trigger it is compared with).
RATIOS = {
    "answer": (("ours", "answer"), ("baseline", "answer")),
    "paced": (("ours", "paced"), ("baseline", "paced")),
    "same_plan": (("ours", "same_plan"), ("baseline", "answer")),
    "key": (("ours", "key"), ("baseline", "key")),
    "first": (("ours", "first"), ("baseline", "first")),
    "first_answer": (("ours", "first_answer"), ("baseline", "first_answer")),
    "warming": (("ours", "warming"), ("baseline", "warming")),
}


async def latency(browser, servers: dict[str, Server], rounds: int) -> dict[str, float]:
    """First render, and rerun latency for each trigger, of our app and the bare baseline.
    Both also answer at a person's pace ("paced": PACE_S before each answer). For changed
    answers, also the CPU time each process spent (bench/proc_cpu.py), per answer:
    "<app>_cpu_<group>_ms" back to back, "<app>_paced_cpu_<group>_ms" paced, the pauses' CPU
    included.

    Each round opens a fresh context per app. Every app first gives WARMUP_ANSWERS changed
    answers, reported apart (WARM_UP_PARTS), then times ANSWERS reruns per trigger. This
    machine is shared and its speed drifts from minute to minute, so every ratio is taken
    within a round, where the apps ran seconds apart, and the median of the rounds' ratios is
    reported; the apps take turns at going first.
    """
    apps = [
        ("ours", servers["ours"], OURS_TRIGGERS, OURS_LABELS),
        ("baseline", servers["baseline"], BASE_TRIGGERS, BASE_LABELS),
    ]
    cpu: dict[tuple[str, str], Counter[str]] = {}  # (app, trigger) -> group -> CPU ms
    answered: dict[tuple[str, str], int] = {}
    per_round: list[dict[tuple[str, str], float]] = []
    every: dict[tuple[str, str], list[float]] = {}
    for index in range(rounds):
        medians: dict[tuple[str, str], float] = {}
        for name, server, triggers, labels in apps if index % 2 == 0 else apps[::-1]:
            context = await new_context(browser, viewport={"width": 1280, "height": 900})
            page, first = await open_page(context, server.url, labels)
            warm_up = await time_reruns(page, labels, WARMUP_ANSWERS)
            medians[name, "first"] = first
            every.setdefault((name, "first"), []).append(first)
            for trigger, (start, end) in WARM_UP_PARTS.items():
                medians[name, trigger] = statistics.median(warm_up[start:end])
                every.setdefault((name, trigger), []).extend(warm_up[start:end])
            others = [other.proc.pid for other in servers.values() if other is not server]
            for trigger, options in triggers.items():
                if trigger in CPU_TRIGGERS:  # the CPU of changed answers only
                    meter = CpuMeter(server.proc.pid, idle_servers=others)
                    meter.begin()
                times = await time_reruns(
                    page,
                    options,
                    ANSWERS,
                    pause_s=PACE_S if trigger == "paced" else 0.0,
                )
                if trigger in CPU_TRIGGERS:
                    cpu.setdefault((name, trigger), Counter()).update(meter.per_event(1))
                    answered[name, trigger] = answered.get((name, trigger), 0) + len(times)
                medians[name, trigger] = statistics.median(times)
                every.setdefault((name, trigger), []).extend(times)
            await context.close()
        per_round.append(medians)
    out: dict[str, float] = {"rounds": rounds, "reruns": rounds * ANSWERS}
    for (name, trigger), values in every.items():
        out[f"{name}_{trigger}_ms"] = statistics.median(values)
    for ratio, (ours_key, base_key) in RATIOS.items():
        ratios = [r[ours_key] / r[base_key] for r in per_round]
        out[f"{ratio}_ratio"] = statistics.median(ratios)
        # The middle half of the rounds' ratios: how far one round can be from another here.
        out[f"{ratio}_ratio_q1"], _, out[f"{ratio}_ratio_q3"] = statistics.quantiles(ratios, n=4)
    for (name, trigger), groups in cpu.items():
        prefix = name if trigger == "answer" else f"{name}_{trigger}"
        for group, ms in groups.items():
            out[f"{prefix}_cpu_{group}_ms"] = ms / answered[name, trigger]
    return out


async def memory(browser, ours: Server, sessions: int, reruns: int) -> dict[str, float]:
    context = await new_context(browser)
    page, _ = await open_page(context, ours.url, OURS_LABELS)
    await asyncio.sleep(2)
    one = ours.rss_mb()
    await time_reruns(page, OURS_LABELS, 20)  # warm caches before measuring growth
    before = ours.rss_mb()
    await time_reruns(page, OURS_LABELS, reruns)
    await asyncio.sleep(2)
    after_reruns = ours.rss_mb()
    others = []
    for _ in range(sessions - 1):
        ctx = await new_context(browser)
        await open_page(ctx, ours.url, OURS_LABELS)
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
        ctx = await new_context(browser)
        page, _ = await open_page(ctx, ours.url, OURS_LABELS)
        contexts.append(ctx)
        pages.append(page)
    latencies: list[float] = []
    errors = timeouts = 0
    deadline = time.monotonic() + seconds

    async def drive(page: Page) -> None:
        nonlocal errors, timeouts
        while time.monotonic() < deadline:
            try:
                ms = await rerun(page, OURS_LABELS, LOAD_TIMEOUT_S)
            except LookupError:
                ms = MISSING
            exceptions = await page.locator("[data-testid='stException']").count()
            connected = await page.locator("[data-test-connection-state='CONNECTED']").count()
            if exceptions or not connected or ms in (MISSING, FAILED):
                errors += 1
            elif ms < 0:
                timeouts += 1  # no rerun finished within LOAD_TIMEOUT_S
            else:
                latencies.append(ms)

    await asyncio.gather(*(drive(page) for page in pages))
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


async def main(
    quick: bool, rounds: int | None = None, only_latency: bool = False
) -> dict[str, object]:
    servers = {
        "ours": Server(ROOT / "app.py"),
        "baseline": Server(ROOT / "bench" / "baseline_app.py"),
    }
    ours = servers["ours"]
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            rounds = rounds or (3 if quick else 12)
            result: dict[str, object] = {"latency": await latency(browser, servers, rounds)}
            if not only_latency:
                result["memory"] = await memory(
                    browser, ours, sessions=10 if quick else 50, reruns=40 if quick else 200
                )
                result["load"] = await load(
                    browser, ours, sessions=10 if quick else 50, seconds=15 if quick else 60
                )
            await browser.close()
            return result
    finally:
        for server in servers.values():
            server.stop()


if __name__ == "__main__":
    picked = [int(arg.split("=")[1]) for arg in sys.argv if arg.startswith("--rounds=")]
    only_latency = "--latency" in sys.argv  # the ratios alone: no memory or load test
    run = main("--quick" in sys.argv, picked[0] if picked else None, only_latency)
    print(json.dumps(asyncio.run(run), indent=2))

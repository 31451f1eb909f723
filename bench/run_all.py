"""Run every benchmark and write bench/results.md (machine, versions, date, figures vs goals).

Run: python bench/run_all.py [--quick]   Not part of the test suite; takes a few minutes.
"""

from __future__ import annotations

import asyncio
import importlib.metadata as md
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import browser
import plan_latency
import ws_load
from proc_cpu import GROUPS


def _run(script: str) -> tuple[str, bool]:
    """The script's printed figures, and whether it met its goal (its exit code says)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return "; ".join(out.stdout.strip().splitlines()) or out.stderr.strip()[
        -200:
    ], not out.returncode


def _mark(ok: bool) -> str:
    return "met" if ok else "missed"


def _ratio(lat: dict[str, float], name: str) -> str:
    """A ratio in bold with the middle half of the rounds' ratios: "**1.45×** (1.38–1.52)";
    with fewer than 4 rounds (--quick) the quartiles are only the extremes, so none."""
    ratio = f"**{lat[f'{name}_ratio']:.2f}×**"
    if lat["rounds"] < 4:
        return ratio
    return f"{ratio} ({lat[f'{name}_ratio_q1']:.2f}–{lat[f'{name}_ratio_q3']:.2f})"


# The apps in the CPU table, as bench/browser.py names them, and how the table names them.
CPU_APPS = {"baseline": "bare baseline", "ours": "our page"}


PACED_CPU_APPS = ("baseline", "ours")


def _cpu_table(lat: dict[str, float]) -> list[str]:
    """CPU ms per changed answer by process, for the apps in CPU_APPS."""
    groups = GROUPS

    def row(name: str, ms: dict[str, float], wall: str) -> str:
        cells = " | ".join(f"{ms[g]:.1f}" for g in groups)
        return f"| {name} | {wall} | {cells} | {sum(ms.values()):.0f} |"

    lines = [
        "| CPU ms per changed answer | Clock (median) | " + " | ".join(groups) + " | All |",
        "|---|---|" + "---|" * (len(groups) + 1),
    ]
    for app, name in CPU_APPS.items():
        ms = {g: lat[f"{app}_cpu_{g}_ms"] for g in groups}
        lines.append(row(name, ms, f"{lat[f'{app}_answer_ms']:.0f} ms"))
    for app in PACED_CPU_APPS:
        ms = {g: lat[f"{app}_paced_cpu_{g}_ms"] for g in groups}
        name = f"{CPU_APPS[app]}, answers {browser.PACE_S:.0f} s apart"
        lines.append(row(name, ms, f"{lat[f'{app}_paced_ms']:.0f} ms"))
    return lines


def main() -> None:
    quick = "--quick" in sys.argv
    latencies = plan_latency.measure()
    simulate, simulate_ok = _run("simulate.py")
    roadmap, roadmap_ok = _run("roadmap.py")
    validate, validate_ok = _run("validate_csv.py")
    web = asyncio.run(browser.main(quick))
    ws = asyncio.run(ws_load.main(10 if quick else 50, 15 if quick else 60))
    lat, mem, load = web["latency"], web["memory"], web["load"]
    sessions = load["sessions"]
    chromium = subprocess.run(
        ["chromium", "--version"], capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M UTC} with `python bench/run_all.py"
        f"{' --quick' if quick else ''}` on {platform.node()}: {os.cpu_count()} cores, "
        f"{platform.platform()}, Python {platform.python_version()}, "
        + ", ".join(
            f"{p} {md.version(p)}" for p in ("streamlit", "plotly", "numpy", "pandas", "playwright")
        )
        + f", {chromium}. Both apps ran in the same run on loopback with the same "
        "`.streamlit/config.toml`; ratios compare them.",
        "",
        "| Measure | Figure | Goal | |",
        "|---|---|---|---|",
        *[
            f"| make_plan, {name} | median {m:.1f} ms, p99 {p:.1f} ms | — | |"
            for name, (m, p) in latencies.items()
        ],
        f"| Simulation vs per-trial loop | {simulate} | ≥ 50× | {_mark(simulate_ok)} |",
        f"| Headcount roadmap vs per-trial loop | {roadmap} | < 100 ms, ≥ 50× "
        f"| {_mark(roadmap_ok)} |",
        f"| 100k-row CSV validation vs read_csv | {validate} | ≤ 2× | {_mark(validate_ok)} |",
        f"| Rerun after a changed answer that changes the whole plan, answers back to back after the warm-up | ours {lat['ours_answer_ms']:.0f} ms, "
        f"baseline {lat['baseline_answer_ms']:.0f} ms, {_ratio(lat, 'answer')} | ≤ 1.3× | {_mark(lat['answer_ratio'] <= 1.3)} |",
        f"| … the same answers at a person's pace, {browser.PACE_S:.0f} s apart | ours "
        f"{lat['ours_paced_ms']:.0f} ms, baseline {lat['baseline_paced_ms']:.0f} ms, "
        f"{_ratio(lat, 'paced')} | ≤ 1.3× | {_mark(lat['paced_ratio'] <= 1.3)} |",
        f"| … the first answer on a fresh page | ours {lat['ours_first_answer_ms']:.0f} ms, "
        f"baseline {lat['baseline_first_answer_ms']:.0f} ms, {_ratio(lat, 'first_answer')} | — | |",
        f"| … answers 2 to {browser.WARMUP_ANSWERS} on a fresh page | ours "
        f"{lat['ours_warming_ms']:.0f} ms, baseline {lat['baseline_warming_ms']:.0f} ms, "
        f"{_ratio(lat, 'warming')} | — | |",
        f"| Rerun with Streamlit's rerun key (nothing changes) | ours {lat['ours_key_ms']:.0f} ms, "
        f"baseline {lat['baseline_key_ms']:.0f} ms, {_ratio(lat, 'key')} | ≤ 1.3× | {_mark(lat['key_ratio'] <= 1.3)} |",
        f"| Rerun after an answer that leaves the plan as it is (the measure of earlier runs) | ours "
        f"{lat['ours_same_plan_ms']:.0f} ms, baseline {lat['baseline_answer_ms']:.0f} ms, "
        f"{_ratio(lat, 'same_plan')} | ≤ 1.3× | {_mark(lat['same_plan_ratio'] <= 1.3)} |",
        f"| First full render | ours {lat['ours_first_ms']:.0f} ms, baseline "
        f"{lat['baseline_first_ms']:.0f} ms, {_ratio(lat, 'first')} | ≤ 1.5× | {_mark(lat['first_ratio'] <= 1.5)} |",
        f"| Server RSS, 1 and {sessions} sessions | {mem['rss_1_session_mb']:.0f} MB → "
        f"{mem[f'rss_{sessions}_sessions_mb']:.0f} MB | — | |",
        f"| Growth per session | {mem['growth_per_session_mb']:.2f} MB | ≤ 3 MB | {_mark(mem['growth_per_session_mb'] <= 3)} |",
        f"| Growth over {mem['reruns']} reruns of one session | {mem['rerun_growth_mb']:+.1f} MB | none | "
        f"{_mark(mem['rerun_growth_mb'] <= 2)} |",
        f"| Load in {sessions} browser sessions × {load['seconds']:.0f} s | {load['reruns']} reruns, "
        f"{load['errors']} errors (exception or lost connection), {load['timeouts']} not finished "
        f"within {browser.LOAD_TIMEOUT_S} s; "
        f"p50 {load['p50_ms']:.0f} ms, p95 {load['p95_ms']:.0f} ms | 0 errors | "
        f"{_mark(load['errors'] == 0)} |",
        f"| Load on the server alone: {ws['many']['sessions']} websocket sessions × "
        f"{ws['many']['seconds']:.0f} s | {ws['many']['reruns']} reruns "
        f"({ws['many']['reruns_per_s']:.0f}/s), {ws['many']['errors']} errors; p50 "
        f"{ws['many']['p50_ms']:.0f} ms, p95 {ws['many']['p95_ms']:.0f} ms (one session alone: "
        f"p50 {ws['one']['p50_ms']:.0f} ms, {ws['one']['reruns_per_s']:.0f}/s) | 0 errors | "
        f"{_mark(ws['many']['errors'] == 0)} |",
        "",
        "Rerun latency: from the click on an answer (or the rerun key reaching the page), on "
        "the page clock, to two animation frames after Streamlit's 'script finished' message "
        "has reached the page; the page itself watches its websocket for that message. Median "
        f"of {lat['reruns']} reruns per app and trigger over {lat['rounds']} rounds of fresh sessions. "
        f"Each fresh page first gets the same {browser.WARMUP_ANSWERS} changed answers in "
        "every app; for ours and the baseline they are their own two rows (the first answer "
        f"of each of the {lat['rounds']} pages, and the {browser.WARMUP_ANSWERS - 1} after it "
        "on each) and in no other row: on the first the "
        "browser runs each element's update code for the first time, and over the next ones it "
        "compiles what runs most, so a page gets faster for a while; ours has more kinds of "
        "element to warm than the baseline. Each ratio is the median of the rounds' own ratios: within a round the apps ran "
        "seconds apart, taking turns at going first, so a slow spell on this shared machine "
        "hits both sides of a ratio; in brackets, the middle half of the rounds' ratios (first "
        "to third quartile), how far apart rounds land here. The changed answer on our page is 'exploring' ↔ "
        "'proven', which moves the diagnosis, the hires, the costs and the chart; the "
        "baseline's radio redraws its chart. First render: from navigation until the script is "
        "idle, a chart is drawn and the answer options are on the page, median of the same "
        "sessions. Under load, the 50 chromium pages and the server share "
        "the same 2 cores, so the browser load latencies are mostly chromium's; the websocket "
        "sessions speak Streamlit's protocol directly (bench/ws_load.py), each flipping the "
        "same plan-changing answer as soon as its last rerun finished, so their latency is "
        "the server's. The server's own RSS stays flat (rows above).",
        "",
        "Where a changed answer's work is done. All of these processes share the same "
        f"{os.cpu_count()} cores, so CPU spent in any of them delays the rerun on the clock. "
        "CPU time (user + system, from /proc) of each process over the same changed-answer "
        "reruns as above, divided by their number: chromium's browser process (tabs, "
        "navigation, history), its renderer (the page's script, layout and paint), its GPU "
        "process and helpers, the app's server, and the bench itself (Python and Playwright's "
        "driver). The paced rows count the pauses between answers too: whatever a page does "
        "after the paint (our address, ui/_st167_address.py) is in them.",
        "",
        *_cpu_table(lat),
    ]
    name = "results-quick.md" if quick else "results.md"
    (ROOT / "bench" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""A Streamlit server on loopback and the chromium flags: shared by the browser tests and bench/.

Debian's chromium only (executable_path=shutil.which("chromium")); never `playwright install`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Any chart on a page: the plotly figures, and the Plan page's ECharts cost chart.
COST_CHART = "[data-testid='stEChartsChart']"
CHART = f"[data-testid='stPlotlyChart'], {COST_CHART}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`streamlit run script` on a free loopback port, up once /_stcore/health says ok.

    Stopped with its whole process group; stopped again if it never came up.
    """

    def __init__(
        self,
        script: Path,
        timeout_s: float = 60,
        launcher: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """`launcher`: a Python file that takes streamlit's command line in place of
        `python -m streamlit` (bench/held.py); `env`: extra environment for the server."""
        self.port = free_port()
        start = [str(launcher)] if launcher else ["-m", "streamlit"]
        self.proc = subprocess.Popen(
            [sys.executable, *start, "run", str(script),
             "--server.headless", "true", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"streamlit did not answer /_stcore/health within {timeout_s:g} s ({script.name})"
        )

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=20)


def page_links(page: Any) -> Any:
    """Streamlit's page links (st.navigation in the sidebar), the sidebar opened if closed."""
    expand = page.get_by_test_id("stExpandSidebarButton")
    if expand.is_visible():
        expand.click()
    nav = page.get_by_test_id("stSidebarNav")
    nav.wait_for(state="visible")
    return nav.get_by_role("link")

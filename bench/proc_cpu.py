"""CPU time by process, for bench/browser.py: where a rerun's work is done on this machine.

On 2 cores the browser's processes, the server and the bench itself share the CPU, so a rerun
that costs more CPU anywhere takes longer on the clock. This reads each process's user and
system time from /proc (Linux only) before and after a stretch of reruns.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

_TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")

# The groups reported, in this order: chromium's browser process (tabs, navigation, history),
# its renderer (the page's script, layout, paint), its GPU process and helpers, the app
# server, and the bench itself (this Python process and Playwright's driver).
GROUPS = ("browser", "renderer", "gpu", "server", "bench")


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces


def cpu_ms(pid: int) -> float:
    """User plus system CPU time of `pid` so far, in ms (0 once it has exited)."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) * _TICK_MS if fields else 0.0


def _parents() -> dict[int, int]:
    """Every process's parent, from one pass over /proc."""
    parent = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))):
            parent[int(entry)] = int(fields[1])
    return parent


def descendants(root: int, parent: dict[int, int] | None = None) -> set[int]:
    """`root` and every process below it (`parent`: a _parents() already read)."""
    parent = _parents() if parent is None else parent
    found, grew = {root}, True
    while grew:
        below = {pid for pid, ppid in parent.items() if ppid in found} - found
        found |= below
        grew = bool(below)
    return found


def _is_chromium(pid: int) -> bool:
    """Whether `pid` runs chromium's binary. Chromium rewrites its helpers' command lines into
    one string, so the executable is read, not argv[0]."""
    try:
        return "chrom" in os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return False


def _group(pid: int, server_pids: set[int]) -> str | None:
    if pid in server_pids:
        return "server"
    if not _is_chromium(pid):
        return "bench"  # this process, Playwright's driver and its shell
    try:
        flags = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    if b"--type=renderer" in flags:
        return "renderer"
    return "gpu" if b"--type=" in flags else "browser"


class CpuMeter:
    """CPU ms per event by group over a stretch of events, for the processes alive at start.

    `server_pid`: the server measured (None: none); `idle_servers`: other servers this process
    started, left out of every group (they are neither the bench nor the app measured).
    """

    def __init__(self, server_pid: int | None, idle_servers: Iterable[int] = ()) -> None:
        parent = _parents()
        self.server_pids = descendants(server_pid, parent) if server_pid is not None else set()
        left_out = (descendants(pid, parent) for pid in idle_servers)
        self.left_out = set().union(*left_out) - self.server_pids
        self.start: dict[int, tuple[str, float]] = {}

    def begin(self) -> None:
        pids = (descendants(os.getpid()) | self.server_pids) - self.left_out
        groups = {pid: _group(pid, self.server_pids) for pid in pids}
        self.start = {pid: (g, cpu_ms(pid)) for pid, g in groups.items() if g is not None}

    def per_event(self, events: int) -> dict[str, float]:
        """CPU ms per event of each group since begin()."""
        spent = dict.fromkeys(GROUPS, 0.0)
        for pid, (group, before) in self.start.items():
            spent[group] += max(cpu_ms(pid) - before, 0.0)
        return {group: ms / events for group, ms in spent.items()}

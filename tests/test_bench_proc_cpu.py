"""bench/proc_cpu.py: CPU time by process, read from /proc."""

import os
import subprocess
import sys
import time

from bench.proc_cpu import GROUPS, CpuMeter, cpu_ms, descendants

# Waits for a line on stdin, then burns 0.3 s of CPU, then sleeps.
SERVER = (
    "import sys, time\nsys.stdin.readline()\n"
    "end = time.process_time() + 0.3\nwhile time.process_time() < end: pass\ntime.sleep(5)\n"
)


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_cpu_is_charged_to_the_process_that_spent_it() -> None:
    """The server's 0.3 s to the server, this process's 0.2 s to the bench, per event."""
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)  # started and waiting
        meter = CpuMeter(server.pid)
        meter.begin()
        server.stdin.write("go\n")
        server.stdin.flush()
        _burn(0.2)
        time.sleep(0.6)  # the server's burn is over
        spent = meter.per_event(2)
    finally:
        server.kill()
        server.wait()
    assert set(spent) == set(GROUPS)
    assert 130 <= spent["server"] <= 170, spent  # 300 ms over 2 events, 10 ms clock ticks
    assert 90 <= spent["bench"] <= 130, spent
    assert max(spent["browser"], spent["renderer"], spent["gpu"]) < 20, spent  # none here


def test_descendants_and_cpu_of_a_child() -> None:
    child = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, text=True)
    try:
        assert child.pid in descendants(os.getpid())
        child.stdin.write("go\n")
        child.stdin.flush()
        time.sleep(1.0)
        assert cpu_ms(child.pid) >= 290
    finally:
        child.kill()
        child.wait()
    assert cpu_ms(child.pid) == 0.0  # gone

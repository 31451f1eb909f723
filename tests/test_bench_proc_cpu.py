"""bench/proc_cpu.py: CPU time by process, read from /proc."""

import json
import os
import subprocess
import sys

from bench.proc_cpu import GROUPS, cpu_ms, descendants
from tests.conftest import ROOT

# A stand-in server: says it is ready, waits for "go", burns 0.3 s of CPU, says it is done and
# waits to be told to exit. The handshakes keep the test free of sleeps.
CHILD = """
import sys, time
print("ready", flush=True)
sys.stdin.readline()
end = time.process_time() + 0.3
while time.process_time() < end:
    pass
print("done", flush=True)
sys.stdin.readline()
"""

# Runs in a fresh interpreter, whose only children are its own: under pytest this process
# may also have the e2e tests' server and browser as children, which would blur the groups.
SCENARIO = """
import json, subprocess, sys, time
from bench.proc_cpu import CpuMeter

def start():
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline() == "ready\\n"
    return child

def say(child, line):
    child.stdin.write(line + "\\n")
    child.stdin.flush()

server, idle = start(), start()
meter = CpuMeter(server.pid, idle_servers=[idle.pid])
meter.begin()
say(server, "go")
say(idle, "go")  # burns as much, but is left out
end = time.process_time() + 0.2  # the bench's own work
while time.process_time() < end:
    pass
assert server.stdout.readline() == "done\\n" and idle.stdout.readline() == "done\\n"
print(json.dumps(meter.per_event(2)))
for child in (server, idle):
    say(child, "exit")
    child.wait()
"""


def test_cpu_is_charged_to_the_process_that_spent_it() -> None:
    """Per event (2): the server's 0.3 s to the server, the bench's 0.2 s to the bench, an
    idle server's 0.3 s to nobody, nothing to chromium (there is none)."""
    out = subprocess.run(
        [sys.executable, "-c", f"CHILD = {CHILD!r}\n" + SCENARIO],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=True,
    )
    spent = json.loads(out.stdout)
    assert set(spent) == set(GROUPS)
    assert 140 <= spent["server"] <= 170, spent  # 300 ms over 2 events, in 10 ms clock ticks
    assert 95 <= spent["bench"] <= 140, spent  # 200 ms, plus starting the meter
    assert spent["browser"] == spent["renderer"] == spent["gpu"] == 0.0, spent


def test_a_child_is_found_and_its_cpu_read_until_it_exits() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline() == "ready\n"
        assert child.pid in descendants(os.getpid())
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline() == "done\n"
        assert cpu_ms(child.pid) >= 290  # 0.3 s burnt, read in 10 ms ticks
    finally:
        child.kill()
        child.wait()
    assert cpu_ms(child.pid) == 0.0  # gone

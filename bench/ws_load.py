"""Load on the server alone: many websocket sessions change an answer as fast as it answers.

Each client speaks Streamlit's own protocol, as the page does: it opens /_stcore/stream, asks
for the first run, finds the "How sure…" radio among the elements the server sends, then
flips that answer (a fragment rerun, as a click would be) and times each rerun from sending
the change to the "script finished" message. No browser runs, so unlike the Playwright load
test the latency is the server's (plus loopback), not chromium's on the same 2 cores.

Run: python bench/ws_load.py [sessions] [seconds]   (prints a JSON summary)
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the project importable

from tests.e2e.server import Server

QUESTION = "How sure are you that ML belongs in the product?"
# The whole plan changes between these two answers (as in bench/browser.py); the client sends
# the option's label, as the page does.
ANSWERS = ("Proven — ", "Exploring — ")
RUN_TIMEOUT_S = 60


class RunFailed(RuntimeError):
    """A run showed an exception, or the connection broke: an error, not slowness."""


@dataclass
class Session:
    """One websocket session: what it needs to send a change the way the page does."""

    ws: websockets.ClientConnection
    page_hash: str = ""
    radio_id: str = ""
    fragment_id: str = ""
    options: list[str] = field(default_factory=list)

    async def run(self, timeout_s: float) -> None:
        """Read messages until this run's "script finished"; note the radio on the way."""
        async with asyncio.timeout(timeout_s):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.page_hash = msg.new_session.page_script_hash
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        raise RunFailed(element.exception.message[:200])
                    if element.WhichOneof("type") == "radio" and element.radio.label == QUESTION:
                        self.radio_id = element.radio.id
                        self.fragment_id = msg.delta.fragment_id
                        self.options = list(element.radio.options)
                elif kind == "script_finished":
                    return

    async def send_run(self, answer: str | None = None) -> None:
        """Ask for a run; with `answer` (the start of an option's label), as a click would."""
        back = BackMsg()
        state = back.rerun_script
        state.page_script_hash = self.page_hash
        if answer is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.radio_id
            widget.string_value = next(o for o in self.options if o.startswith(answer))
            state.fragment_id = self.fragment_id  # a click reruns the widget's fragment only
        await self.ws.send(back.SerializeToString())


async def _connect(url: str) -> Session:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    ws = await websockets.connect(
        ws_url, subprotocols=["streamlit"], origin=url, max_size=None, open_timeout=30
    )
    session = Session(ws)
    await session.send_run()
    await session.run(RUN_TIMEOUT_S)
    if not session.radio_id:
        raise RunFailed(f"the question '{QUESTION}' was not on the page")
    return session


async def load(url: str, sessions: int, seconds: float) -> dict[str, float]:
    """`sessions` clients flip the answer for `seconds`; count errors, report latency."""
    clients = [await _connect(url) for _ in range(sessions)]
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    async def drive(session: Session) -> None:
        # An error is counted and the client reconnects, so the load stays at `sessions`.
        nonlocal errors
        flip = 0
        while time.monotonic() < deadline:
            flip += 1
            start = time.perf_counter()
            try:
                await session.send_run(ANSWERS[flip % 2])
                await session.run(RUN_TIMEOUT_S)
            except (RunFailed, TimeoutError, websockets.ConnectionClosed):
                errors += 1
                await session.ws.close()
                try:
                    session = await _connect(url)
                except (RunFailed, TimeoutError, OSError, websockets.WebSocketException):
                    return  # the server no longer answers: errors already say so
                clients.append(session)
                continue
            latencies.append((time.perf_counter() - start) * 1000)

    started = time.monotonic()
    await asyncio.gather(*(drive(s) for s in clients))
    elapsed = time.monotonic() - started
    for session in clients:
        await session.ws.close()
    latencies.sort()
    return {
        "sessions": sessions,
        "seconds": seconds,
        "reruns": len(latencies),
        "reruns_per_s": len(latencies) / elapsed,
        "errors": errors,
        "p50_ms": statistics.median(latencies) if latencies else -1,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] if latencies else -1,
    }


async def main(sessions: int, seconds: float) -> dict[str, dict[str, float]]:
    """One session alone first (the unloaded figure), then `sessions` at once."""
    server = Server(ROOT / "app.py")
    try:
        return {
            "one": await load(server.url, 1, min(seconds, 15)),
            "many": await load(server.url, sessions, seconds),
        }
    finally:
        server.stop()


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:3]]
    n, secs = (int(args[0]) if args else 50), (args[1] if len(args) > 1 else 60)
    print(json.dumps(asyncio.run(main(n, secs)), indent=2))

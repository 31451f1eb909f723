"""TCP_NODELAY reaches the real server's sockets (ui/transport.py), in the installed
Streamlit and uvicorn: if their objects move, this fails rather than the fix silently
lapsing."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.e2e.server import Server


def test_server_sockets_send_small_messages_at_once(browser) -> None:
    server = Server(ROOT / "tests" / "fixtures" / "nodelay_app.py")
    try:
        page = browser.new_page()
        page.goto(server.url)
        text = page.get_by_text(re.compile(r"^set \d+; flags")).inner_text(timeout=30_000)
        page.reload()  # a connection accepted after the fix inherits it from the listener
        again = page.get_by_text(re.compile(r"^set \d+; flags")).inner_text(timeout=30_000)
        page.close()
    finally:
        server.stop()
    first = re.match(r"set (\d+); flags \[(.*)\]", text)
    assert first, text
    flags = [int(f) for f in first.group(2).split(",")]
    # The listening socket and at least this page's websocket, all set.
    assert int(first.group(1)) >= 2 and len(flags) >= 2, text
    assert set(flags) == {1}, text
    # Once per process: the second visit sets nothing and finds every socket already set.
    second = re.match(r"set (\d+); flags \[(.*)\]", again)
    assert second and second.group(1) == "0", again
    again_flags = [int(f) for f in second.group(2).split(",")]
    assert len(again_flags) >= 2 and set(again_flags) == {1}, again

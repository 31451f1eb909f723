"""TCP_NODELAY reaches the real server's sockets (ui/transport.py), in the installed
Streamlit and uvicorn: if their objects move, this fails rather than the fix silently
lapsing."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.e2e.server import Server

REPORT = re.compile(r"set (\d+); flags \[(.*)\]")  # what tests/fixtures/nodelay_app.py shows


def _report(page) -> tuple[int, list[int], str]:
    """The fixture page's report: sockets set on this visit, each socket's flag, the text."""
    text = page.get_by_text(re.compile(r"^set \d+; flags")).inner_text(timeout=30_000)
    found = REPORT.match(text)
    assert found, text
    return int(found.group(1)), [int(f) for f in found.group(2).split(",")], text


def test_server_sockets_send_small_messages_at_once(browser) -> None:
    server = Server(ROOT / "tests" / "fixtures" / "nodelay_app.py")
    try:
        page = browser.new_page()
        page.goto(server.url)
        set_now, flags, text = _report(page)
        page.reload()  # a connection accepted after the fix inherits it from the listener
        set_again, flags_again, again = _report(page)
        page.close()
    finally:
        server.stop()
    # The listening socket and at least this page's websocket, all set.
    assert set_now >= 2 and len(flags) >= 2, text
    assert set(flags) == {1}, text
    # Once per process: the second visit sets nothing and finds every socket already set.
    assert set_again == 0, again
    assert len(flags_again) >= 2 and set(flags_again) == {1}, again

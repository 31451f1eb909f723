"""A rerun's small messages reach the browser at once: TCP_NODELAY on the server's sockets.

Streamlit 1.67 binds its listening socket as `socket.socket(family)`, with protocol 0, and
asyncio turns Nagle's algorithm off only for sockets whose protocol is IPPROTO_TCP, so every
connection keeps it on. A rerun sends a burst of small messages; while a connection is busy,
Linux delays the ACK of the last one for up to 40 ms, and Nagle holds the next small message
until that ACK comes. Measured with one websocket session changing an answer as soon as its
last rerun finished (bench/ws_load.py): 44 ms a rerun, against 14 ms when it waited 40 ms
before each answer, and the same 44 ms for the bare baseline app. In the browser it shows as
answers given in quick succession that sometimes take 40 ms longer. Tornado, which Streamlit
served with before, turned Nagle off on every websocket.

`send_at_once()` sets TCP_NODELAY on the listening socket, which Linux copies to every
connection it accepts from then on, and on the connections already open. It reaches them
through Streamlit's and uvicorn's own objects (see `_server_sockets`), once per server
process; if those are not there (another Streamlit version, or no server, as in AppTest) it
does nothing and the app works as before. tests/e2e/test_transport.py, against a real server,
fails if they move.
"""

from __future__ import annotations

import gc
import logging
import socket
import threading
from collections.abc import Iterator
from typing import Any

_LOG = logging.getLogger(__name__)
_lock = threading.Lock()  # two sessions may open at once
_done = False


def no_delay(sock: Any) -> bool:
    """Turn Nagle's algorithm off on a TCP socket; False if it is not one or refuses."""
    try:
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return False
        if sock.type != socket.SOCK_STREAM:
            return False
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError):
        return False
    return True


def _server_sockets(servers: list[Any]) -> Iterator[Any]:
    """The listening socket and the open connections' sockets of each Streamlit server
    (streamlit.web.server.starlette.starlette_server.UvicornServer)."""
    for server in servers:
        yield getattr(server, "_socket", None)
        state = getattr(getattr(server, "_server", None), "server_state", None)
        for connection in list(getattr(state, "connections", ())):
            transport = getattr(connection, "transport", None)
            if transport is not None:
                yield transport.get_extra_info("socket")


def _running_servers() -> list[Any]:
    try:
        from streamlit.web.server.starlette.starlette_server import UvicornServer
    except ImportError:
        return []
    return [o for o in gc.get_objects() if type(o) is UvicornServer]


def send_at_once() -> int:
    """Set TCP_NODELAY on this process's server sockets, the first time it is called; the
    number of sockets set. Never raises: without it the app is only slower."""
    global _done
    if _done:  # every full run after the first: no lock to take
        return 0
    with _lock:
        if _done:
            return 0
        _done = True
        try:
            return sum(no_delay(sock) for sock in _server_sockets(_running_servers()))
        except Exception:  # Streamlit's or uvicorn's objects changed shape
            _LOG.warning("TCP_NODELAY not set on the server's sockets", exc_info=True)
            return 0

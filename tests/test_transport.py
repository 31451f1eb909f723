"""ui/transport.py on real sockets: which ones it sets, and that Linux hands the setting of a
listening socket on to the connections it accepts (what send_at_once relies on)."""

from __future__ import annotations

import socket
from types import SimpleNamespace

from ui.transport import _server_sockets, no_delay


def _nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_a_listening_socket_hands_the_setting_to_accepted_connections() -> None:
    with socket.socket(socket.AF_INET) as listener:  # protocol 0, as Streamlit binds it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert _nodelay(listener) == 0
        assert no_delay(listener)
        with socket.create_connection(listener.getsockname()) as _client:
            accepted, _ = listener.accept()
            with accepted:
                assert _nodelay(accepted) == 1


def test_only_tcp_sockets_are_set() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        assert not no_delay(udp)
    with socket.socket(socket.AF_UNIX) as unix:
        assert not no_delay(unix)
    assert not no_delay(None)


def test_server_sockets_are_the_listener_and_the_open_connections() -> None:
    listener, conn = object(), object()
    transport = SimpleNamespace(get_extra_info=lambda name: conn if name == "socket" else None)
    server = SimpleNamespace(
        _socket=listener,
        _server=SimpleNamespace(
            server_state=SimpleNamespace(connections=[SimpleNamespace(transport=transport)])
        ),
    )
    assert list(_server_sockets([server])) == [listener, conn]
    # Not started yet, or another Streamlit: nothing but what is there.
    assert list(_server_sockets([SimpleNamespace(_socket=None, _server=None)])) == [None]

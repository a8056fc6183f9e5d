"""The tests' own HTTP servers say nothing when a client goes away, and report
any other error (tests/localserver.py)."""

from __future__ import annotations

import functools
import socket
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from tests.localserver import LocalServer

# Larger than what the socket buffers between the two ends hold, so the server
# is still writing it when the client goes.
BIG = 16 * 1024 * 1024
WAIT_S = 60


class _Watched(LocalServer):
    """Tells the test once it has dealt with a request's error."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_Silent, directory=str(folder))
        super().__init__(("127.0.0.1", 0), handler)
        self.error_handled = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        super().handle_error(request, client_address)
        self.error_handled.set()


class _Silent(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server(tmp_path: Path) -> Iterator[_Watched]:
    (tmp_path / "big.bin").write_bytes(b"x" * BIG)
    server = _Watched(tmp_path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_client_that_stops_loading_a_page_is_not_reported(
    server: _Watched, capfd: pytest.CaptureFixture[str]
) -> None:
    """As a browser does when it leaves a page still loading: the connection reset."""
    client = socket.create_connection(server.server_address[:2])
    client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert client.recv(12) == b"HTTP/1.0 200"  # the server is writing the body
    # Closed with a reset, not a goodbye: the server's next write fails.
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
    assert server.error_handled.wait(WAIT_S)
    assert capfd.readouterr().err == ""


def test_any_other_error_in_a_request_is_reported(capfd: pytest.CaptureFixture[str]) -> None:
    with LocalServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as server:
        try:
            raise ValueError("a mistake in the test's handler")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
    err = capfd.readouterr().err
    assert "Exception occurred during processing of request from ('127.0.0.1', 50000)" in err
    assert "ValueError: a mistake in the test's handler" in err

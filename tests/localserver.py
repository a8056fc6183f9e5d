"""The HTTP server the tests run on 127.0.0.1, quiet when a client goes away.

socketserver prints "Exception occurred during processing of request" and a
traceback to stderr for any error in a request, and a client that closes its
end early (a browser that stops loading a page it has left, a link checker
that gives up waiting) is one: a stray report in the test output that is no
failure. Every other error is still printed.
"""

from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer


class LocalServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` that says nothing when a client closes its connection early."""

    def handle_error(self, request: object, client_address: object) -> None:
        # Called inside the request thread's ``except`` block, so the error is current.
        if isinstance(sys.exc_info()[1], ConnectionError):  # a broken pipe, a reset
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]

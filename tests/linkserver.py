"""A real HTTP server on 127.0.0.1 that answers like the web's worst hosts.

Pages link to it as ``http://localhost:PORT/...``: lychee requests it as it
would any other host.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from tests.localserver import LocalServer
from tests.sitebuild import ROOT

HANG_SECONDS = 5  # longer than the tests' 1 s timeout, short enough to end by itself

PAGE = b"<!doctype html><html><body><h1 id='top'>A live page</h1></body></html>"


class FlakyWeb(LocalServer):
    """Quiet when a client that gave up on /hang closes its end (``LocalServer``)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: Counter[str] = Counter()
        self.release = threading.Event()  # set to end hanging responses early

    @property
    def base(self) -> str:
        return f"http://localhost:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FlakyWeb

    def log_message(self, format: str, *args: object) -> None:
        """No access log in the test output."""

    def _answer(
        self, status: int, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> None:
        headers = {"Content-Type": "text/html", **(headers or {})}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        # Routed by path; counted with the query, so tests can tell their links apart.
        path = urlsplit(self.path).path
        self.server.requests[self.path] += 1
        seen = self.server.requests[self.path]
        if path == "/live":
            self._answer(200, body=PAGE)
        elif path == "/moved":
            self._answer(301, {"Location": "/live"})
        elif path == "/loop":
            self._answer(301, {"Location": "/loop-again"})
        elif path == "/loop-again":
            self._answer(301, {"Location": "/loop"})
        elif path == "/gone":
            self._answer(410)
        elif path == "/busy":  # rate limited once, then fine
            self._answer(429, {"Retry-After": "1"}) if seen == 1 else self._answer(200, body=PAGE)
        elif path == "/broken-server":
            self._answer(500)
        elif path == "/forbidden":
            self._answer(403)
        elif path == "/hang":
            self.server.release.wait(HANG_SECONDS)
            self._answer(200, body=PAGE)
        else:
            self._answer(404)


@contextmanager
def flaky_web() -> Iterator[FlakyWeb]:
    server = FlakyWeb()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def fast_settings(folder: Path) -> tuple[Path, Path]:
    """The real lychee.toml and linkcheck.toml (user agent, exclusions, allowlist),
    with short waits: a 1 s timeout, and waits of a second or less. lychee asks
    once more (after a 429 or a timeout), enough to show it asks again: each
    retry of /hang is another second of timeout and a wait twice as long as the
    one before (two retries took 6.1 s, one 3.1 s; benchmarks/README.md, issue 21)."""
    folder.mkdir(parents=True, exist_ok=True)
    changes = {
        "lychee.toml": {"timeout": 1, "max_retries": 1, "retry_wait_time": 1},
        "linkcheck.toml": {"server_error_retries": 2, "backoff_seconds": 0.05},
    }
    written = []
    for name, values in changes.items():
        text = (ROOT / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text, found = re.subn(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.MULTILINE)
            assert found == 1, f"{name} has no `{key} =` line"
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written[0], written[1]

"""Serve the built site on 127.0.0.1 while linkchecker crawls it, at full speed.

Over HTTP, ``conditions/crps/`` finds its ``index.html`` as on GitHub Pages;
crawling ``file://`` URLs would see folders instead of pages.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker waits 0.1-0.6 s between two requests to one host, unless
        # the host answers with this header; then `maxrequestspersecond` applies.
        self.send_header("LinkChecker", "crawl freely")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """The report says what matters; no access log on stderr."""


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Yield the root URL of ``site_dir`` served on a free port of 127.0.0.1."""
    handler = partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""Serve a built site on 127.0.0.1 and drive Debian's Chromium over it.

Playwright cannot download its own browser here, so tests launch the system
Chromium through ``executable_path``. The flags keep Chromium from calling
Google's hosts in the background, which this machine's closed network refuses.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "The browser tests need Debian's Chromium at {path}. Install it with\n"
    "    sudo apt-get install -y chromium poppler-utils\n"
    "or point the CHROMIUM environment variable at another Chromium binary.\n"
    "(`playwright install` cannot download browsers on this project's machines.)"
)

# Pages readers can reach, as URL paths under the site root.
READER_PAGES = [
    "",
    "conditions/crps/",
    "treatments/iv-ketamine/",
    "guides/diagnosis/",
    "guides/living-with-crps/",
    "guides/children-and-teenagers/",
    "guides/preventing-crps-after-a-broken-wrist/",
    "glossary/",
    "about/",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def missing_chromium() -> str | None:
    """Why the browser tests cannot run, or None when Chromium is there."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    found = shutil.which("chromium")
    where = f" (a chromium is on PATH at {found}; set CHROMIUM={found})" if found else ""
    return INSTALL_HINT.format(path=CHROMIUM) + where


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without writing an access log line per request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass(frozen=True)
class SiteServer:
    """A running HTTP server over a built site."""

    origin: str

    @property
    def host(self) -> str:
        return self.origin.removeprefix("http://")

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path}"


@contextmanager
def serve(site_dir: Path) -> Iterator[SiteServer]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield SiteServer(f"http://{host}:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def wcag_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page, one line per element."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']} ({violation['help']}): {', '.join(map(str, node['target']))}"
        for violation in result.response["violations"]
        for node in violation["nodes"]
    ]

"""Serve a built site on 127.0.0.1 and drive Debian's Chromium over it.

Playwright cannot download its own browser here, so tests launch the system
Chromium through ``executable_path``. The flags keep Chromium from calling
Google's hosts in the background, which this machine's closed network refuses.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, TypeVar

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

# The screens the tests use, defined with the benchmarks' (benchmarks/screens.py).
from benchmarks.screens import DESKTOP as DESKTOP
from benchmarks.screens import PHONE as PHONE
from tests.localserver import LocalServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The Chromium features Playwright turns off at every launch (its
# chromiumSwitches.ts, Playwright 1.65). Chromium reads only the last
# --disable-features of its command line, so the one below repeats them;
# tests/test_browser_setup.py fails, naming it, if Playwright adds one.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AimEnabled",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsFirstBalancedModeAutoEnable",
    "HttpsUpgrades",
    "LensOverlay",
    "MediaRouter",
    "NetworkTimeServiceQuerying",
    "OptimizationHints",
    "PaintHolding",
    "PreconnectToSearch",
    "TcpPortRandomizationWin",
    "ThirdPartyStoragePartitioning",
    "msEdgeUpdateLaunchServicesPreferredVersion",
    "msForceBrowserSignIn",
)
# The address bar's suggestion list, a web page of Chromium's own
# (chrome://omnibox-popup.top-chrome/) that Chromium 156 runs in a renderer of
# its own for every browser context, headless too, and works on for every new
# tab: about 0.5 s of CPU per page a test opens, half of what opening the page
# costs (benchmarks/README.md, issue 21). No test reads Chromium's own window.
UNUSED_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
# Also given to Lighthouse (benchmarks/lighthouse.py), whose launcher turns
# off features of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Chromium as the tests and the benchmarks launch it through Playwright.
CHROMIUM_ARGS = [
    *CHROMIUM_FLAGS,
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_FEATURES),
]
INSTALL_HINT = (
    "The browser tests need Debian's Chromium at {path}. Install it with\n"
    "    sudo apt-get install -y chromium poppler-utils\n"
    "or point the CHROMIUM environment variable at another Chromium binary.\n"
    "(`playwright install` cannot download browsers on this project's machines.)"
)


def missing_chromium() -> str | None:
    """Why the browser tests cannot run, or None when Chromium is there."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    found = shutil.which("chromium")
    where = f" (a chromium is on PATH at {found}; set CHROMIUM={found})" if found else ""
    return INSTALL_HINT.format(path=CHROMIUM) + where


# Material's search result list, marked with the box's text once it shows the
# final answer to it (data-answer, overrides/assets/javascripts/search-help.js):
# the worker sends a query's first pages before all of them, and Material
# renders each answer in place of the one before.
SEARCH_RESULTS = "[data-md-component='search-result']"


def wait_for_answer(page: Page, query: str, timeout_ms: float | None = None) -> None:
    """Wait until the search result list shows the final answer to ``query`` (the box's text)."""
    expect(page.locator(SEARCH_RESULTS)).to_have_attribute("data-answer", query, timeout=timeout_ms)


# A page that only sends the reader on (mkdocs-redirects, mike's root page).
_REDIRECT = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)
# Not a reader page: the error page (served for any missing address; its
# links assume the site root, so it is checked where it is served, not here).
NOT_READER_PAGES = {"404.html"}


def reader_pages(site_dir: Path) -> list[str]:
    """Every page a reader can open in a built site, as URL paths under its root.

    Found from the build output (every HTML file), so a new page, a generated
    one included, is tested without an edit: ``""`` for the home page,
    ``"conditions/crps/"`` for ``conditions/crps/index.html``. Redirect pages
    and the error page are left out.
    """
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative in NOT_READER_PAGES:
            continue
        if _REDIRECT.search(html.read_text(encoding="utf-8", errors="replace")[:2000]):
            continue
        pages.append(relative.removesuffix("index.html"))
    return sorted(pages)


KNOWN_FAILURES_ATTRIBUTE = "known_failures"


Test = TypeVar("Test", bound=Callable[..., None])


def known_failures(failures: dict[str, str]) -> Callable[[Test], Test]:
    """Pages (``reader_pages`` paths) known to fail the decorated test, with why.

    They run as strict expected failures (conftest.py): a page that starts to
    pass, or is no longer built, fails the run until its entry is removed.
    """

    def mark(test: Test) -> Test:
        setattr(test, KNOWN_FAILURES_ATTRIBUTE, failures)
        return test

    return mark


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


class _PagesHandler(_QuietHandler):
    """Answers a missing address with one error page and status 404, as GitHub Pages does."""

    not_found: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(site_dir: Path, not_found: str | None = None) -> Iterator[SiteServer]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 until the block ends.

    With ``not_found`` (a file under ``site_dir``), a missing address gets
    that page, as GitHub Pages answers with a site's 404.html.
    """
    handler: Callable[..., _QuietHandler]
    if not_found is None:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
    else:
        pages = type("_Pages", (_PagesHandler,), {"not_found": site_dir / not_found})
        handler = functools.partial(pages, directory=str(site_dir))
    server = LocalServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield SiteServer(f"http://{host!s}:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# True once the page has stopped changing: no CSS transition or animation is
# running or about to start, and the focused element, its box and Material's
# toggles (search, drawer) were the same at two animation frames in a row.
# Material reacts to focus after a debounce (a timer), then animates (the
# search box grows for 250 ms); a screenshot or a measurement taken before
# that ends races the browser. Polled once per frame by wait_for_function;
# ``call`` tells one wait from the next, so each needs two frames of its own.
_SETTLED_JS = """(call) => {
  const moving = document.getAnimations().some((animation) =>
    animation.pending || (animation.playState === 'running'
      && animation.effect?.getComputedTiming().endTime !== Infinity));
  const element = document.activeElement;
  const box = element ? element.getBoundingClientRect() : null;
  const toggles = [...document.querySelectorAll('input[data-md-toggle]')]
    .map((toggle) => toggle.checked);
  const state = JSON.stringify([call, box, toggles, scrollX, scrollY]);
  const same = window.__settled?.state === state && window.__settled?.element === element;
  window.__settled = {state, element};
  return !moving && same;
}"""
_settle_calls = itertools.count()


def wait_until_settled(page: Page) -> None:
    """Wait until the page has stopped moving (see ``_SETTLED_JS``); never for a set time."""
    page.wait_for_function(_SETTLED_JS, arg=next(_settle_calls), polling="raf")


def bring_to_front(tab: Page) -> None:
    """Make ``tab`` the one in front of its window, as the tab a reader reads is.

    Chromium paints a tab that loaded its first page behind another tab of
    the same window about once a second, until it is brought to the front
    (Chromium's --disable-*-throttling switches do not change it): each
    wait for the page to settle (two painted frames, ``wait_until_settled``)
    and each action's check that its element stands still (a click) waited a
    second or two there (benchmarks/README.md, issue 21, branches i21-front
    and i21-waits). A tab once in front keeps painting when it is behind again.
    """
    tab.bring_to_front()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# axe's options for a run of every WCAG 2.2 A/AA rule (``wcag_violations``).
WCAG_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# axe-core's script, as axe-playwright-python ships it (572 KB of JavaScript).
AXE_SCRIPT = Axe().axe_script


def put_axe_in(page: Page) -> None:
    """axe-core's script in the open page, unless this load has it already."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)


def wcag_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page, one line per element.

    ``resultTypes``: axe still runs every rule, but details only what it
    reports (not every passing element), which takes it about 40% less time.
    axe is put into a page once per load, not once per run as
    ``Axe().run`` does: a second run on the same page (the other colour
    scheme) then skips sending and compiling the script again (about 0.2 s
    of Chromium's CPU a page). Each run still checks the whole page as it is.
    """
    put_axe_in(page)
    return violation_lines(page.evaluate("(options) => axe.run(options)", WCAG_OPTIONS))


def violation_lines(results: dict[str, Any]) -> list[str]:
    """axe-core's results: one line per element that violates a rule."""
    return [
        f"{violation['id']} ({violation['help']}): {', '.join(map(str, node['target']))}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


# The 911 and 988 line above the search results (overrides/partials/search.html).
EMERGENCY_LINE = "[data-search-help='emergency']"


def danger_line_misreads(page: Page, danger: list[str], no_danger: list[str]) -> list[str]:
    """The words for which the search's 911 and 988 line shows when it should
    not, or does not when it should, each typed into ``page``'s search box as
    a reader's input (search-help.js reads the box's value on every input).

    One page for all the words: Material's own search answers each in its
    worker, but the line is decided on the page, as each input comes. The
    first words load the rule (search-danger.js, fetched when the reader
    reaches for the box); the others are read once it is in."""
    box = page.locator(".md-search__input")
    line = page.locator(EMERGENCY_LINE)
    box.click()
    box.fill(danger[0])
    expect(line).to_be_visible()
    shown: dict[str, bool] = page.evaluate(
        """([queries, selector]) => {
            const box = document.querySelector(".md-search__input")
            const line = document.querySelector(selector)
            const shown = {}
            for (const query of queries) {
                box.value = query
                box.dispatchEvent(new Event("input", { bubbles: true }))
                shown[query] = !line.hidden
            }
            return shown
        }""",
        [danger + no_danger, EMERGENCY_LINE],
    )
    box.fill("")
    return [f"no line for {query!r}" for query in danger if not shown[query]] + [
        f"a line for {query!r}" for query in no_danger if shown[query]
    ]

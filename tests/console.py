"""What the browser reports while a reader uses a page: console errors, failed requests."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, expect

from tests.browser import bring_to_front, wait_for_answer

# What the reader types on every page checked.
QUERY = "ketamine"


class Problems:
    """What went wrong on a page, as the browser reported it."""

    def __init__(self, page: Page) -> None:
        self.lines: list[str] = []
        self._page = page
        page.on("console", self._console)
        page.on("pageerror", self._uncaught)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def stop(self) -> None:
        """Record nothing more: the tab may go on to another page."""
        self._page.remove_listener("console", self._console)
        self._page.remove_listener("pageerror", self._uncaught)
        self._page.remove_listener("requestfailed", self._failed)
        self._page.remove_listener("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.lines.append(f"console error: {message.text}")

    def _uncaught(self, error: Exception) -> None:
        self.lines.append(f"uncaught: {error}")

    def _failed(self, request: Request) -> None:
        self.lines.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.lines.append(f"HTTP {response.status}: {response.url}")


def search(page: Page) -> None:
    """Search as a reader would, key by key, and wait for the final answer.

    Not the first results: the search shows its best pages first and fetches
    the others' fragments after (search-readers.js). Read then, those fetches
    could start after the recorder had stopped, and end, aborted, when the
    tab went on to another page: blamed on that page."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(QUERY)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    wait_for_answer(page, QUERY)


class Recorder:
    """Records into a ``Visit`` what the browser reports on a tab, and which of
    its requests are still in flight.

    ``finish`` waits for those to end. Playwright's "networkidle" was the wait
    before: half a second with no request, a wait for time; and a load state,
    so once reached it is never waited for again: the waits after the search
    and the scroll returned at once, and a request the search made could end
    (or fail) after its tab was read."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.visit = Visit()
        self._problems = Problems(page)
        self._pending: set[Request] = set()
        page.on("request", self._request)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        self.visit.console.append(f"{message.type}: {message.text}")

    def _request(self, request: Request) -> None:
        self.visit.requested.append(request.url)
        self._pending.add(request)

    def _ended(self, request: Request) -> None:
        self._pending.discard(request)

    def wait_for_requests(self) -> None:
        """Wait until every request the tab has made so far has ended (its
        response read to the end, or failed)."""
        while self._pending:
            request = next(iter(self._pending))
            response = request.response()  # None once the request failed
            if response is not None:
                response.finished()
            self._pending.discard(request)

    def finish(self) -> Visit:
        """Once every request has ended: what the browser reported on the tab.
        Recording stops here, so the tab can load another page for a
        recorder of its own (``tests/pagevisit.py``)."""
        self.wait_for_requests()
        for event, handler in (
            ("request", self._request),
            ("requestfinished", self._ended),
            ("requestfailed", self._ended),
            ("console", self._console),
        ):
            self.page.remove_listener(event, handler)
        self._problems.stop()
        self.visit.problems = self._problems.lines
        return self.visit


def _start_loading(tab: Page, url: str) -> Recorder:
    """A recorder of what the browser reports on ``tab``, which has started loading ``url``."""
    recorder = Recorder(tab)
    tab.goto(url, wait_until="commit")
    return recorder


def _wait_for_icon(recorder: Recorder) -> None:
    """Wait until the page's icon has been fetched.

    Chromium asks for it just after the load event: a tab sent on to its
    next page before then aborts the request, which the next page's recorder
    then reports as a failed request of its own."""
    page = recorder.page
    icon = page.evaluate("() => document.querySelector('link[rel~=icon]')?.href ?? null")
    if icon is not None and icon not in recorder.visit.requested:
        page.wait_for_event("request", predicate=lambda request: request.url == icon)
    recorder.wait_for_requests()


def problems_on_pages(
    context: BrowserContext, urls: dict[str, str], searched: Container[str]
) -> str:
    """Read each page (name: address), and search on those named in
    ``searched``; what went wrong, one line per page with problems, or "" if
    nothing did.

    Each page is read once it has loaded and every request it made on its
    own has ended, its icon included (``Recorder``); a page searched, once
    the search's requests have ended too. Two tabs take the pages in turn:
    each page starts loading in one while the page before it is read in the
    other, so its load overlaps that work; the tab searched is brought to
    the front (``bring_to_front``: the first tab's searches took 0.2 s a page
    longer behind). A tab loads its next page only once its recorder of the
    page before has finished, so each page's problems are its own; reusing
    two tabs, not one per page, spares Chromium a renderer process per page."""
    found: dict[str, list[str]] = {}
    pages = list(urls.items())
    tabs = [context.new_page(), context.new_page()]
    upcoming = _start_loading(tabs[0], pages[0][1]) if pages else None
    for index, (name, _) in enumerate(pages):
        assert upcoming is not None
        recorder = upcoming
        following = pages[index + 1][1] if index + 1 < len(pages) else None
        upcoming = _start_loading(tabs[(index + 1) % 2], following) if following else None
        recorder.page.wait_for_load_state("load")
        _wait_for_icon(recorder)
        if name in searched:
            bring_to_front(recorder.page)
            search(recorder.page)
        problems = recorder.finish().problems
        if problems:
            found[name] = problems
    for tab in tabs:
        tab.close()
    return "\n".join(f"{name}: {'; '.join(lines)}" for name, lines in found.items())


# Collects CSP violations the page reports, before any page script runs.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


@dataclass
class Visit:
    """What the browser reported while a reader read, searched and used one page."""

    requested: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


def use_page(page: Page, searched: bool = True) -> None:
    """What a reader does on a page: search (if ``searched``), switch the
    colour scheme, scroll."""
    if searched:
        search(page)
        page.keyboard.press("Escape")
    page.locator("label[for^='__palette']:visible").first.click()
    page.mouse.wheel(0, 3000)

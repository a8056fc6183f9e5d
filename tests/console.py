"""What the browser reports while a reader uses a page: console errors, failed requests."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, expect


class Problems:
    """What went wrong on a page, as the browser reported it."""

    def __init__(self, page: Page) -> None:
        self.lines: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.lines.append(f"uncaught: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.lines.append(f"console error: {message.text}")

    def _failed(self, request: Request) -> None:
        self.lines.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.lines.append(f"HTTP {response.status}: {response.url}")


def search(page: Page) -> None:
    """Search as a reader would, key by key, and wait for the results."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("ketamine")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


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
        page.on(
            "console", lambda message: self.visit.console.append(f"{message.type}: {message.text}")
        )

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
        """Once every request has ended: what the browser reported on the tab."""
        self.wait_for_requests()
        self.visit.problems = self._problems.lines
        return self.visit


def _open_tab(context: BrowserContext, url: str) -> Recorder:
    """A new tab, recording what the browser reports, that has started loading ``url``."""
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(url, wait_until="commit")
    return recorder


def problems_on_pages(context: BrowserContext, urls: dict[str, str]) -> str:
    """Read and search each page (name: address) in its own tab; what went
    wrong, one line per page with problems, or "" if nothing did.

    Each page is searched once it has loaded and every request it made on
    its own has ended (``Recorder``), and read once the search's requests
    have ended too. Each page starts loading in its tab while the page
    before it is searched, so its load overlaps that work; every page is
    still waited for, read and searched, and each tab's problems are its own."""
    found: dict[str, list[str]] = {}
    pages = list(urls.items())
    upcoming = _open_tab(context, pages[0][1]) if pages else None
    for index, (name, _) in enumerate(pages):
        assert upcoming is not None
        recorder = upcoming
        following = pages[index + 1][1] if index + 1 < len(pages) else None
        upcoming = _open_tab(context, following) if following else None
        recorder.page.wait_for_load_state("load")
        recorder.wait_for_requests()
        search(recorder.page)
        problems = recorder.finish().problems
        if problems:
            found[name] = problems
        recorder.page.close()
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


def use_page(page: Page) -> None:
    """What a reader does on a page: search, switch the colour scheme, scroll."""
    search(page)
    page.keyboard.press("Escape")
    page.locator("label[for^='__palette']:visible").first.click()
    page.mouse.wheel(0, 3000)

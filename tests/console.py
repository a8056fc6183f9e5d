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


def search_when_settled(page: Page) -> None:
    """Once the page has settled (no request for half a second), search as a
    reader would, and wait for the results and what they fetch."""
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("ketamine")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def _open_tab(context: BrowserContext, url: str) -> tuple[Page, Problems]:
    """A new tab, listening for problems, that has started loading ``url``."""
    page = context.new_page()
    problems = Problems(page)
    page.goto(url, wait_until="commit")
    return page, problems


def problems_on_pages(context: BrowserContext, urls: dict[str, str]) -> str:
    """Read and search each page (name: address) in its own tab; what went
    wrong, one line per page with problems, or "" if nothing did.

    Each page starts loading in its tab while the page before it is searched,
    so its wait to settle overlaps that work; every page is still waited for,
    read and searched, and each tab's problems are its own."""
    found: dict[str, list[str]] = {}
    pages = list(urls.items())
    upcoming = _open_tab(context, pages[0][1]) if pages else None
    for index, (name, _) in enumerate(pages):
        assert upcoming is not None
        page, problems = upcoming
        following = pages[index + 1][1] if index + 1 < len(pages) else None
        upcoming = _open_tab(context, following) if following else None
        search_when_settled(page)
        if problems.lines:
            found[name] = problems.lines
        page.close()
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
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("ketamine")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Escape")
    page.locator("label[for^='__palette']:visible").first.click()
    page.mouse.wheel(0, 3000)
    page.wait_for_load_state("networkidle")


def visit_pages(context: BrowserContext, urls: dict[str, str]) -> dict[str, Visit]:
    """Read and use each page (name: address) in its own tab of ``context``,
    which records CSP violations (``RECORD_CSP_VIOLATIONS``); what the browser
    reported on each. One visit serves the console test and the privacy test."""
    visits: dict[str, Visit] = {}
    for name, url in urls.items():
        visit = visits[name] = Visit()
        page = context.new_page()
        problems = Problems(page)
        page.on("request", lambda request, visit=visit: visit.requested.append(request.url))
        page.on(
            "console",
            lambda message, visit=visit: visit.console.append(f"{message.type}: {message.text}"),
        )
        page.goto(url, wait_until="networkidle")
        use_page(page)
        visit.problems = problems.lines
        visit.csp_violations = page.evaluate("() => window.__cspViolations")
        page.close()
    return visits

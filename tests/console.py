"""What the browser reports while a reader uses a page: console errors, failed requests."""

from __future__ import annotations

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


def read_and_search(page: Page, url: str) -> None:
    """Open the page, wait for it to settle, then search as a reader would."""
    page.goto(url, wait_until="networkidle")
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("ketamine")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def problems_on_pages(context: BrowserContext, urls: dict[str, str]) -> str:
    """Read and search each page (name: address) in its own tab; what went
    wrong, one line per page with problems, or "" if nothing did."""
    found: dict[str, list[str]] = {}
    for name, url in urls.items():
        page = context.new_page()
        problems = Problems(page)
        read_and_search(page, url)
        if problems.lines:
            found[name] = problems.lines
        page.close()
    return "\n".join(f"{name}: {'; '.join(lines)}" for name, lines in found.items())

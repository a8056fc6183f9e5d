"""No error in the browser's console and no failed request, on any page.

Pages are found from the built site (every ``index.html``), so a new page is
covered without editing this file. On each, the reader opens the page and
searches, which fetches Pagefind's files. The mike-published site has its own
check in tests/test_publishing.py (the version selector needs versions.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, expect

from tests.browser import SiteServer
from tests.sitebuild import Build

pytestmark = pytest.mark.browser

# Folders of the build that hold no reader pages.
NOT_PAGES = {"assets", "pagefind", "search"}


def built_pages(site_dir: Path) -> list[str]:
    """URL paths of every page in a built site ("" for the home page)."""
    paths = []
    for index in sorted(site_dir.rglob("index.html")):
        folder = index.parent.relative_to(site_dir)
        if folder.parts and folder.parts[0] in NOT_PAGES:
            continue
        paths.append("" if folder == Path() else f"{folder.as_posix()}/")
    return paths


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


def test_pages_are_found_from_the_build(built_site: Build) -> None:
    pages = built_pages(built_site.site_dir)
    assert "" in pages
    assert "conditions/crps/" in pages
    assert not [page for page in pages if page.split("/")[0] in NOT_PAGES]


def test_no_console_error_or_failed_request_on_any_page(
    chromium: Browser, built_site: Build, site_server: SiteServer
) -> None:
    context = chromium.new_context()
    found: dict[str, list[str]] = {}
    for path in built_pages(built_site.site_dir):
        page = context.new_page()
        problems = Problems(page)
        read_and_search(page, site_server.url(path))
        if problems.lines:
            found[f"/{path}"] = problems.lines
        page.close()
    context.close()
    assert not found, "\n".join(f"{path}: {'; '.join(lines)}" for path, lines in found.items())


def test_a_missing_page_is_reported_here(chromium: Browser, site_server: SiteServer) -> None:
    """The checks above can fail: a page that is not there is a failed request."""
    context = chromium.new_context()
    page = context.new_page()
    problems = Problems(page)
    page.goto(site_server.url("no-such-page/"))
    context.close()
    assert any("HTTP 404" in line for line in problems.lines)

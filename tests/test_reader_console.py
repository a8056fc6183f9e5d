"""No error in the browser's console and no failed request, on any page.

Pages are found from the built site (every ``index.html``), so a new page is
covered without editing this file. On each, the reader opens the page and
searches, which fetches Pagefind's files. The mike-published site has its own
check in tests/test_publishing.py (the version selector needs versions.json).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import SiteServer, reader_pages
from tests.console import Problems, problems_on_pages
from tests.sitebuild import Build

pytestmark = pytest.mark.browser


def test_no_console_error_or_failed_request_on_any_page(
    chromium: Browser, built_site: Build, site_server: SiteServer
) -> None:
    context = chromium.new_context()
    pages = {f"/{path}": site_server.url(path) for path in reader_pages(built_site.site_dir)}
    found = problems_on_pages(context, pages)
    context.close()
    assert not found, found


def test_a_missing_page_is_reported_here(chromium: Browser, site_server: SiteServer) -> None:
    """The checks above can fail: a page that is not there is a failed request."""
    context = chromium.new_context()
    page = context.new_page()
    problems = Problems(page)
    page.goto(site_server.url("no-such-page/"))
    context.close()
    assert any("HTTP 404" in line for line in problems.lines)

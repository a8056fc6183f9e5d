"""No error in the browser's console and no failed request, on any page.

Pages are found from the built site (every ``index.html``), so a new page is
covered without editing this file. On each, the reader opens the page and
searches, which fetches Pagefind's files. The mike-published site has its own
check in tests/test_publishing.py (the version selector needs versions.json).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import SiteServer
from tests.console import Problems
from tests.pagevisit import PageVisit

pytestmark = pytest.mark.browser


def test_no_console_error_or_failed_request_on_any_page(
    page_visit: PageVisit, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), from its
    shared visit (tests/pagevisit.py): loaded on a phone and on a desktop,
    checked by axe in both colour schemes, printed, then searched, switched to
    the other scheme with the pointer and scrolled; read once every request
    it made had ended."""
    found = [
        f"/{reader_page} ({screen}): {'; '.join(visit.problems)}"
        for screen, visit in page_visit.visits.items()
        if visit.problems
    ]
    assert not found, "\n".join(found)


def test_a_missing_page_is_reported_here(chromium: Browser, site_server: SiteServer) -> None:
    """The checks above can fail: a page that is not there is a failed request."""
    context = chromium.new_context()
    page = context.new_page()
    problems = Problems(page)
    page.goto(site_server.url("no-such-page/"))
    context.close()
    assert any("HTTP 404" in line for line in problems.lines)

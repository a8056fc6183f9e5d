"""No error in the browser's console and no failed request, on any page.

Pages are found from the built site (every ``index.html``), so a new page is
covered without editing this file. On each, the reader opens the page; on one
page of each language at each folder depth, searches, which fetches
Pagefind's files. The mike-published site has its own
check in tests/test_publishing.py (the version selector needs versions.json).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import SiteServer, serve
from tests.console import Problems
from tests.pagevisit import PageVisit, pages_searched, screen_tabs, visit_page
from tests.sitebuild import Build

pytestmark = pytest.mark.browser


def test_no_console_error_or_failed_request_on_any_page(
    page_visit: PageVisit, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), from its
    shared visit (tests/pagevisit.py): loaded on a phone and on a desktop,
    checked by axe in both colour schemes, printed, then searched (one page
    per search setting), switched to the other scheme with the pointer and
    scrolled; read once every request it made had ended."""
    found = [
        f"/{reader_page} ({screen}): {'; '.join(visit.problems)}"
        for screen, visit in page_visit.visits.items()
        if visit.problems
    ]
    assert not found, "\n".join(found)


def test_the_visits_search_in_each_language_at_each_depth(built_site: Build) -> None:
    """The reader searches on one page of each language at each folder depth
    (tests/pagevisit.py), the pages that differ in what a search fetches;
    not on every page."""
    searched = pages_searched(built_site.site_dir)
    assert {"", "es/", "a-to-z/", "conditions/crps/", "es/conditions/crps/"} <= searched
    assert "treatments/medicines/" not in searched


def test_a_missing_page_is_reported_here(chromium: Browser, site_server: SiteServer) -> None:
    """The checks above can fail: a page that is not there is a failed request."""
    context = chromium.new_context()
    page = context.new_page()
    problems = Problems(page)
    page.goto(site_server.url("no-such-page/"))
    context.close()
    assert any("HTTP 404" in line for line in problems.lines)


def test_a_tab_that_loads_page_after_page_blames_the_page_that_had_the_problem(
    chromium: Browser, built_site: Build, tmp_path: Path
) -> None:
    """The visits share a tab per screen (tests/pagevisit.py): in a copy of
    the site, About asks for an image that is not there and one from
    example.org; visited before the home page in the same tabs, About's visit
    has the failed request and the other host on both screens, and the home
    page's visit, loaded next in those tabs, has neither."""
    served = tmp_path / "site"
    shutil.copytree(built_site.site_dir, served)
    about = served / "about" / "index.html"
    html = about.read_text(encoding="utf-8")
    planted = '<img src="no-such-image.png" alt=""><img src="https://example.org/x.png" alt="">'
    about.write_text(html.replace("</article>", f"{planted}</article>"), encoding="utf-8")
    with serve(served) as server, screen_tabs(chromium) as tabs:
        about_visit = visit_page(tabs, server.url("about/"), tmp_path / "about.pdf")
        home_visit = visit_page(tabs, server.url(""), tmp_path / "home.pdf")
    for screen, visit in about_visit.visits.items():
        assert any("HTTP 404" in line and "no-such-image.png" in line for line in visit.problems), (
            screen,
            visit.problems,
        )
        assert any(url.startswith("https://example.org/") for url in visit.requested), screen
    for screen, visit in home_visit.visits.items():
        assert not visit.problems, (screen, visit.problems)
        assert not [url for url in visit.requested if "example.org" in url], screen
        assert not visit.csp_violations, (screen, visit.csp_violations)

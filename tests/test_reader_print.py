"""A printed page is the article, its review dates and full references."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from tests.browser import SiteServer
from tests.pagetext import reference_urls
from tests.pagevisit import PageVisit, print_page
from tests.sitebuild import Build

pytestmark = pytest.mark.browser


def squeeze(text: str) -> str:
    """Text without whitespace, so a URL wrapped across lines still matches."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def printed_crps(
    chromium: Browser, site_server: SiteServer, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The text of the CRPS page printed to PDF by Chromium."""
    page = chromium.new_page()
    page.goto(site_server.url("conditions/crps/"))
    printed = print_page(page, tmp_path_factory.mktemp("print") / "crps.pdf")
    page.close()
    return printed


def test_print_shows_the_article_and_review_dates(printed_crps: str) -> None:
    for text in (
        "Complex regional pain syndrome (CRPS)",
        "How CRPS is diagnosed",
        "When to get help",
        "Page last reviewed",
        "20 November 2026",
        "Next review due",
        "This site does not replace a doctor",
    ):
        assert text in printed_crps, f"{text!r} is missing from the printout"


def test_every_page_prints_its_article_and_every_reference_without_the_site_chrome(
    page_visit: PageVisit, built_site: Build, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), printed
    on the desktop screen from its shared visit (tests/pagevisit.py), after
    axe and before the reader's search. What is checked here (the printed
    words, and what print media shows) does not depend on the colour scheme
    axe left the page in."""
    printed = page_visit.printed
    assert printed.heading_shown, f"/{reader_page}: the article's heading is not printed"
    assert not printed.chrome_shown, f"/{reader_page}: site chrome printed: {printed.chrome_shown}"

    urls = reference_urls(built_site.page(reader_page))
    text = squeeze(printed.text)
    missing = [url for url in urls if squeeze(url) not in text]
    assert not missing, f"/{reader_page}: reference URLs missing from the printout:\n" + "\n".join(
        missing
    )
    if urls:
        # The heading the build writes, in the page's language (data/interface.yml;
        # an English page in the Spanish site, not translated yet, has the English one).
        start = max(printed.text.rfind(heading) for heading in ("References", "Referencias"))
        assert start >= 0, f"/{reader_page}: no References heading printed"
        references = printed.text[start:]
        cut_off = [
            n for n in range(1, len(urls) + 1) if not re.search(rf"(?m)^\f?\s*{n}\. ", references)
        ]
        assert not cut_off, f"/{reader_page}: reference numbers cut off in print: {cut_off}"


def test_crps_page_prints_its_references(printed_crps: str, built_site: Build) -> None:
    """The page-by-page test above would pass on a page without references: not this one."""
    assert len(reference_urls(built_site.page("conditions/crps/"))) >= 5
    assert "References" in printed_crps


def test_print_hides_navigation_search_and_header(printed_crps: str) -> None:
    """On the CRPS page, menu words that its article never uses are not printed either."""
    for chrome in ("Skip to content", "Search", "Glossary", "Conditions", "GitHub"):
        assert chrome not in printed_crps, f"{chrome!r} from the site chrome is printed"

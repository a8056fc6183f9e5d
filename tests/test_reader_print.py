"""A printed page is the article, its review dates and full references."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser import SiteServer
from tests.pagetext import reference_urls
from tests.sitebuild import Build

pytestmark = pytest.mark.browser


def squeeze(text: str) -> str:
    """Text without whitespace, so a URL wrapped across lines still matches."""
    return "".join(text.split())


# The site's frame: none of it belongs on paper.
SITE_CHROME = (
    ".md-skip, .md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, "
    ".md-content__button"
)


def print_page(page: Page, pdf: Path) -> str:
    """The text of the open page printed to PDF by Chromium."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail(
            "pdftotext is missing; install it with: sudo apt-get install -y poppler-utils",
            pytrace=False,
        )
    page.pdf(path=pdf, format="A4")
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


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


@pytest.fixture(scope="module")
def printing(chromium: Browser) -> Iterator[BrowserContext]:
    """One browser context for the pages printed: a new one per page costs a second or more."""
    context = chromium.new_context()
    yield context
    context.close()


def test_every_page_prints_its_article_and_every_reference_without_the_site_chrome(
    printing: BrowserContext,
    site_server: SiteServer,
    built_site: Build,
    reader_page: str,
    tmp_path: Path,
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py)."""
    page = printing.new_page()
    page.goto(site_server.url(reader_page))
    printed = print_page(page, tmp_path / "page.pdf")
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_visible()
    chrome = page.locator(SITE_CHROME)
    shown = [
        chrome.nth(n).evaluate("(element) => element.className")
        for n in range(chrome.count())
        if chrome.nth(n).is_visible()
    ]
    page.close()
    assert not shown, f"/{reader_page}: site chrome printed: {shown}"

    urls = reference_urls(built_site.page(reader_page))
    text = squeeze(printed)
    missing = [url for url in urls if squeeze(url) not in text]
    assert not missing, f"/{reader_page}: reference URLs missing from the printout:\n" + "\n".join(
        missing
    )
    if urls:
        # The heading the build writes, in the page's language (data/interface.yml;
        # an English page in the Spanish site, not translated yet, has the English one).
        start = max(printed.rfind(heading) for heading in ("References", "Referencias"))
        assert start >= 0, f"/{reader_page}: no References heading printed"
        references = printed[start:]
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

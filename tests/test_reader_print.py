"""A printed condition page is the article, its review dates and full references."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Browser

from tests.browser import SiteServer
from tests.pagetext import reference_urls
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
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail(
            "pdftotext is missing; install it with: sudo apt-get install -y poppler-utils",
            pytrace=False,
        )
    page = chromium.new_page()
    page.goto(site_server.url("conditions/crps/"))
    pdf = tmp_path_factory.mktemp("print") / "crps.pdf"
    page.pdf(path=pdf, format="A4")
    page.close()
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


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


def test_print_writes_out_every_reference_url(printed_crps: str, built_site: Build) -> None:
    urls = reference_urls(built_site.page("conditions/crps/"))
    assert len(urls) >= 5
    text = squeeze(printed_crps)
    missing = [url for url in urls if squeeze(url) not in text]
    assert not missing, "reference URLs missing from the printout:\n" + "\n".join(missing)
    references = printed_crps[printed_crps.rindex("References") :]
    cut_off = [
        n for n in range(1, len(urls) + 1) if not re.search(rf"(?m)^\f?\s*{n}\. ", references)
    ]
    assert not cut_off, f"reference numbers cut off or missing in print: {cut_off}"


def test_print_hides_navigation_search_and_header(printed_crps: str) -> None:
    for chrome in ("Skip to content", "Search", "Glossary", "Conditions", "GitHub"):
        assert chrome not in printed_crps, f"{chrome!r} from the site chrome is printed"
    # The header's site name; the reviewer line says "CRPS Info editorial team".
    assert not re.search(r"CRPS Info(?! editorial team)", printed_crps), "the header is printed"

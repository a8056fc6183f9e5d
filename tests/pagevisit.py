"""One visit to a page, on a phone and a desktop screen, shared by the per-page checks.

axe on both screens in both colour schemes (tests/test_reader_accessibility.py),
the printout (tests/test_reader_print.py), and what the browser reported while
a reader used the page (tests/test_reader_console.py, tests/test_reader_privacy.py)
each need the page loaded in Chromium. They had a load each: four loads of
every page, two more for axe's second screen. Here each screen loads the page
once and every check reads what it needs from that load, in an order where
no step changes what a later one looks at:

1. axe in the scheme the page opens in, then in the other (a fresh page, as
   the reader first sees it; the toggle is a click event, see
   ``violations_in_both_schemes``);
2. on the desktop screen, the printout: printing reads the page, it does not
   change what the reader sees on screen;
3. on the desktop screen, what a reader does: switch the scheme with the
   pointer, search, scroll. This comes last, as it opens the search and
   leaves results in the page.

Every request, console message and CSP violation of both loads is recorded
(``Visit``), and the visit ends only once every request the page made has
finished (``Recorder.wait_for_requests``), so a request that fails late is
still seen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser import wait_until_settled, wcag_violations
from tests.console import Recorder, Visit, use_page

# Material's scheme on <body>, for each colour scheme a reader may use.
SCHEME_OF_ATTRIBUTE = {"default": "light", "slate": "dark"}

# The site's frame: none of it belongs on paper.
SITE_CHROME = (
    ".md-skip, .md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, "
    ".md-content__button"
)


def violations_in_both_schemes(page: Page) -> dict[str, list[str]]:
    """axe's violations (``wcag_violations``) in the scheme the page opened in,
    then in the other, switched by the reader's toggle: scheme name: violations.

    The toggle is remembered, so in one browser context pages open in light
    and dark in turn."""
    body = page.locator("body")
    found: dict[str, list[str]] = {}
    for _ in SCHEME_OF_ATTRIBUTE:
        expect(body).to_have_attribute("data-md-color-scheme", re.compile("^(default|slate)$"))
        attribute = body.get_attribute("data-md-color-scheme") or ""
        # Colours are read mid-transition otherwise (contrast of a fading element).
        wait_until_settled(page)
        found[SCHEME_OF_ATTRIBUTE[attribute]] = wcag_violations(page)
        if len(found) < len(SCHEME_OF_ATTRIBUTE):
            # A click event, not a pointer: a pointer left over the toggle
            # opens its tooltip, which axe read mid-fade in CI (the scheme
            # would be checked with a tooltip no fresh load of it shows).
            page.locator("label[for^='__palette']:visible").first.dispatch_event("click")
            other = next(name for name in SCHEME_OF_ATTRIBUTE if name != attribute)
            expect(body).to_have_attribute("data-md-color-scheme", other)
    return found


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


@dataclass
class Printout:
    """The page on paper: its text, and what the print stylesheet shows."""

    text: str
    heading_shown: bool
    chrome_shown: list[str] = field(default_factory=list)


def printout(page: Page, pdf: Path) -> Printout:
    """Print the open page; then, under print media, whether the article's
    heading shows and which parts of the site's frame (``SITE_CHROME``) do.
    The page is back on screen media after."""
    text = print_page(page, pdf)
    page.emulate_media(media="print")
    heading_shown = page.locator("article h1").is_visible()
    chrome = page.locator(SITE_CHROME)
    shown = [
        chrome.nth(n).evaluate("(element) => element.className")
        for n in range(chrome.count())
        if chrome.nth(n).is_visible()
    ]
    page.emulate_media(media="null")
    return Printout(text, heading_shown, shown)


@dataclass
class PageVisit:
    """What the per-page checks read from one visit to a page."""

    # Screen ("phone", "desktop"): colour scheme: axe's violations.
    wcag: dict[str, dict[str, list[str]]]
    printed: Printout
    # Screen: what the browser reported while that screen's load was used.
    visits: dict[str, Visit]


def visit_page(phone: BrowserContext, desktop: BrowserContext, url: str, pdf: Path) -> PageVisit:
    """Load ``url`` on each screen and run every check on the load (module docstring).

    Both contexts record CSP violations (``RECORD_CSP_VIOLATIONS``)."""
    tab = phone.new_page()
    phone_recorder = Recorder(tab)
    tab.goto(url)
    wcag = {"phone": violations_in_both_schemes(tab)}
    phone_visit = _finish(phone_recorder)
    tab.close()

    tab = desktop.new_page()
    desktop_recorder = Recorder(tab)
    tab.goto(url)
    wcag["desktop"] = violations_in_both_schemes(tab)
    printed = printout(tab, pdf)
    use_page(tab)
    desktop_visit = _finish(desktop_recorder)
    tab.close()
    return PageVisit(wcag, printed, {"phone": phone_visit, "desktop": desktop_visit})


def _finish(recorder: Recorder) -> Visit:
    """What the browser reported on the tab, CSP violations included."""
    visit = recorder.finish()
    visit.csp_violations = recorder.page.evaluate("() => window.__cspViolations")
    return visit


class PageVisits:
    """Each page visited once (``visit_page``) by this worker, when a test first asks.

    The tests that read a page's visit are one xdist group per page
    (tests/conftest.py), so one worker makes each visit."""

    def __init__(self, phone: BrowserContext, desktop: BrowserContext, folder: Path) -> None:
        self._phone = phone
        self._desktop = desktop
        self._folder = folder
        self._visits: dict[str, PageVisit] = {}

    def of(self, url: str) -> PageVisit:
        if url not in self._visits:
            pdf = self._folder / f"{len(self._visits)}.pdf"
            self._visits[url] = visit_page(self._phone, self._desktop, url, pdf)
        return self._visits[url]

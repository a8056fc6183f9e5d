"""One visit to a page, on a phone and a desktop screen, shared by the per-page checks.

axe on both screens in both colour schemes (tests/test_reader_accessibility.py),
the printout (tests/test_reader_print.py), the citation marks as rendered
(tests/test_reader_citation_marks.py), and what the browser reported while
a reader used the page (tests/test_reader_console.py, tests/test_reader_privacy.py)
each need the page loaded in Chromium. They had a load each: five loads of
every page, two more for axe's second screen. Here each screen loads the page
once and every check reads what it needs from that load, in an order where
no step changes what a later one looks at:

1. axe in the scheme the page opens in, then in the other (a fresh page, as
   the reader first sees it; the toggle is a click event, see
   ``violations_in_both_schemes``);
2. on the desktop screen, the citation marks, then the printout: both read
   the page, neither changes what the reader sees on screen;
3. on the desktop screen, what a reader does: search, switch the scheme
   with the pointer, scroll. This comes last, as it opens the search and
   leaves results in the page. The search is typed on one page for each
   pair of search settings (``one_page_per_search_setting``: the site's
   root and the worker's address relative to the page, which names its
   language): what a search fetches follows from those alone, the same on
   every page that gives the same; typed on every page, it was a fifth of
   the visits' CPU (benchmarks/README.md, issue 21, "one search per search
   setting").

Every request, console message and CSP violation of both loads is recorded
(``Visit``), and the visit ends only once every request the page made has
finished (``Recorder.wait_for_requests``), so a request that fails late is
still seen. Each screen has one tab that loads page after page (``Tabs``);
its recorder is the page's own, from before the load to the end of the visit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.axecolours import ColourChecks, put_colour_run_in
from tests.browser import (
    DESKTOP,
    PHONE,
    WCAG_OPTIONS,
    bring_to_front,
    reader_pages,
    violation_lines,
    wait_until_settled,
)
from tests.citationmarks import RenderedMark, rendered_marks
from tests.console import RECORD_CSP_VIOLATIONS, Recorder, Visit, use_page
from tests.pagetext import one_page_per_search_setting

# Material's scheme on <body>, for each colour scheme a reader may use.
SCHEME_OF_ATTRIBUTE = {"default": "light", "slate": "dark"}

# The site's frame: none of it belongs on paper.
SITE_CHROME = (
    ".md-skip, .md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, "
    ".md-content__button"
)


# Before the scheme changes: how every element looks (shown or not, and its
# box), and a watch on every change to the page's elements. The scheme's own
# attributes on <body> (data-md-color-*) are what the colours follow; they are
# left out, or every element would count as changed.
_WATCH_SCHEME_CHANGE_JS = """() => {
  const look = (element) => {
    const box = element.getBoundingClientRect();
    const shown = element.checkVisibility({opacityProperty: true, visibilityProperty: true});
    return [shown, box.x, box.y, box.width, box.height].join();
  };
  const looks = new Map([...document.querySelectorAll('*')].map((e) => [e, look(e)]));
  const changed = new Set();
  const note = (records) => records
    .filter((record) => !(record.target === document.body
      && record.attributeName?.startsWith('data-md-color-')))
    .forEach((record) => changed.add(
      record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement));
  const observer = new MutationObserver(note);
  observer.observe(document.documentElement,
    {subtree: true, attributes: true, childList: true, characterData: true});
  window.__schemeChange = {look, looks, changed, note, observer};
}"""

# axe in the scheme the page opened in: one run of every WCAG rule over the
# whole page, the colour rules over what this worker has not seen pass
# (tests/axecolours.py).
_AXE_FIRST_SCHEME_JS = """([options, passed]) => window.__hsAxeRun(options, passed)"""

# After the switch: one run of axe's colour rules over what this worker has
# not seen pass, and every other WCAG rule over the elements the switch
# changed, or whose look changed (a toggle's label, anything the scheme
# shows or hides).
_AXE_AFTER_SCHEME_CHANGE_JS = """([options, passed]) => {
  const {look, looks, changed, note, observer} = window.__schemeChange;
  note(observer.takeRecords());
  observer.disconnect();
  for (const element of document.querySelectorAll('*')) {
    if (looks.get(element) !== look(element)) changed.add(element);
  }
  const elements = [...changed].filter((element) => element?.isConnected);
  return window.__hsAxeRun(options, passed, elements);
}"""


def violations_in_both_schemes(page: Page, colours: ColourChecks) -> dict[str, list[str]]:
    """axe's WCAG violations (as ``wcag_violations`` names them) in the scheme
    the page opened in, then in the other, switched by the reader's toggle:
    scheme name: violations.

    One axe run in each scheme. Its colour rules look only at elements
    whose colours have not yet passed on this worker (``colours``,
    tests/axecolours.py). In the first scheme every other rule looks at the
    whole page. The second scheme's run checks what a scheme can change: the
    colour rules, and every other rule over the elements the switch changed
    or showed, hid or moved (``_AXE_AFTER_SCHEME_CHANGE_JS``). The rest (the page's structure,
    names, text) is the same in both schemes and checked in the first. The
    toggle is remembered, so in one browser context pages open in light and
    dark in turn."""
    body = page.locator("body")
    put_colour_run_in(page)
    found: dict[str, list[str]] = {}
    for _ in SCHEME_OF_ATTRIBUTE:
        expect(body).to_have_attribute("data-md-color-scheme", re.compile("^(default|slate)$"))
        attribute = body.get_attribute("data-md-color-scheme") or ""
        # Colours are read mid-transition otherwise (contrast of a fading element).
        wait_until_settled(page)
        script = _AXE_AFTER_SCHEME_CHANGE_JS if found else _AXE_FIRST_SCHEME_JS
        results = colours.note(page.evaluate(script, [WCAG_OPTIONS, sorted(colours.passed)]))
        found[SCHEME_OF_ATTRIBUTE[attribute]] = list(dict.fromkeys(violation_lines(results)))
        if len(found) == 1:
            page.evaluate(_WATCH_SCHEME_CHANGE_JS)
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


def pages_searched(site: Path) -> set[str]:
    """The pages of the built ``site`` (as ``reader_pages`` names them) that a
    visit searches on: one per pair of search settings (module docstring)."""
    return one_page_per_search_setting(
        {page: site / page / "index.html" for page in reader_pages(site)}
    )


@dataclass
class PageVisit:
    """What the per-page checks read from one visit to a page."""

    # Screen ("phone", "desktop"): colour scheme: axe's violations.
    wcag: dict[str, dict[str, list[str]]]
    # The desktop load's citation marks, as rendered (tests/citationmarks.py).
    marks: list[RenderedMark]
    printed: Printout
    # Screen: what the browser reported while that screen's load was used.
    visits: dict[str, Visit]


def visit_page(tabs: Tabs, url: str, pdf: Path, searched: bool = True) -> PageVisit:
    """Load ``url`` on each screen's tab and run every check on the load
    (module docstring), searching it if ``searched``. Each tab records only while it holds this page
    (``Recorder``), and is the one in front while it is checked
    (``bring_to_front``: behind, each wait for the page to settle took a
    second or two on the phone's tab)."""
    phone_recorder = Recorder(tabs.phone)
    tabs.phone.goto(url)
    bring_to_front(tabs.phone)
    wcag = {"phone": violations_in_both_schemes(tabs.phone, tabs.colours)}
    phone_visit = _finish(phone_recorder)

    tab = tabs.desktop
    desktop_recorder = Recorder(tab)
    tab.goto(url)
    bring_to_front(tab)
    wcag["desktop"] = violations_in_both_schemes(tab, tabs.colours)
    marks = rendered_marks(tab)
    printed = printout(tab, pdf)
    use_page(tab, searched)
    desktop_visit = _finish(desktop_recorder)
    # The pointer stays where it was in the viewport when the tab loads its
    # next page: left over the scheme toggle, it would open the toggle's
    # tooltip there before axe reads the page. Off the page, nothing is hovered.
    tab.mouse.move(-1, -1)
    return PageVisit(wcag, marks, printed, {"phone": phone_visit, "desktop": desktop_visit})


def _finish(recorder: Recorder) -> Visit:
    """What the browser reported on the tab, CSP violations included."""
    visit = recorder.finish()
    visit.csp_violations = recorder.page.evaluate("() => window.__cspViolations")
    return visit


@dataclass(frozen=True)
class Tabs:
    """One tab per screen, in one browser context, that loads page after page.

    A new tab per page cost a renderer process each (and a browser context
    per screen made Chromium start another for each load): about 15% of
    Chromium's CPU for the visits (benchmarks/README.md, issue 21, branch
    i21-visits2). The context records CSP violations (``RECORD_CSP_VIOLATIONS``);
    its remembered colour scheme is shared by both tabs, and each load is
    checked in both schemes whatever it opens in."""

    phone: Page
    desktop: Page
    # The colours that passed axe on this worker, both screens.
    colours: ColourChecks = field(default_factory=ColourChecks)


@contextmanager
def screen_tabs(browser: Browser) -> Iterator[Tabs]:
    """A phone and a desktop tab (``Tabs``) in a new browser context that
    records CSP violations, closed when the block ends."""
    context = browser.new_context(color_scheme="light")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    phone, desktop = context.new_page(), context.new_page()
    phone.set_viewport_size(PHONE)
    desktop.set_viewport_size(DESKTOP)
    try:
        yield Tabs(phone, desktop)
    finally:
        context.close()


class PageVisits:
    """Each page visited once (``visit_page``) by this worker, when a test first asks.

    The tests that read a page's visit are one xdist group per page
    (tests/conftest.py), so one worker makes each visit."""

    def __init__(self, tabs: Tabs, folder: Path, searched: Container[str]) -> None:
        self._tabs = tabs
        self._folder = folder
        # The addresses of the pages a reader searches on (module docstring).
        self._searched = searched
        self._visits: dict[str, PageVisit] = {}

    def of(self, url: str) -> PageVisit:
        if url not in self._visits:
            pdf = self._folder / f"{len(self._visits)}.pdf"
            self._visits[url] = visit_page(self._tabs, url, pdf, url in self._searched)
        return self._visits[url]

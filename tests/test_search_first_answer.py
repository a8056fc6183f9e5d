"""The best pages show as soon as their fragments are in, before the others' (issue 23).

The worker ranks the pages before it fetches any fragment (the known-by, names
and sections files: healthsite/search/known_by.py), then sends the first 3
pages (about a phone's first screen) once their fragments are in, and all of
them once every fragment is. Material renders the second answer in place of
the first. Here the fragments past the first 3 fetched are held back until the
test lets them go, so the first answer is seen on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser import SEARCH_RESULTS, SiteServer, wait_for_answer

pytestmark = pytest.mark.browser

FIRST_PAGES = 3
QUERY = "crps pain"  # ten pages or more on the site
ITEMS = ".md-search-result__item"
PAGE_LINKS = f"{ITEMS} > a.md-search-result__link:first-child"


class HeldFragments:
    """Lets the first ``FIRST_PAGES`` fragments through, and holds the others."""

    def __init__(self) -> None:
        self.passed = 0
        self.held: list[Route] = []

    def route(self, route: Route) -> None:
        if self.passed < FIRST_PAGES:
            self.passed += 1
            route.continue_()
        else:
            self.held.append(route)

    def release(self) -> None:
        held, self.held = self.held, []
        for route in held:
            route.continue_()


@pytest.fixture
def held(chromium: Browser, site_server: SiteServer) -> Iterator[tuple[Page, HeldFragments]]:
    """The home page with its search box open, and its fragments past the first 3 held."""
    page = chromium.new_page()
    fragments = HeldFragments()
    page.route("**/pagefind/fragment/*", fragments.route)
    page.goto(site_server.url())
    page.locator(".md-search__input").click()
    yield page, fragments
    fragments.release()
    page.close()


def _focused(page: Page) -> dict[str, object]:
    """The element with focus: what it is, and whether it is in the result list."""
    return dict(
        page.evaluate(
            """results => {
                const focused = document.activeElement
                return {
                    tag: focused.tagName,
                    href: focused.getAttribute("href"),
                    text: focused.textContent,
                    in_results: document.querySelector(results).contains(focused),
                }
            }""",
            SEARCH_RESULTS,
        )
    )


def _items(page: Page) -> list[str]:
    return [item.evaluate("item => item.outerHTML") for item in page.locator(ITEMS).all()]


def test_the_first_pages_show_before_the_others_fragments_and_stay_first(
    held: tuple[Page, HeldFragments],
) -> None:
    page, fragments = held
    box = page.locator(".md-search__input")
    box.fill(QUERY)
    box.press("End")
    expect(page.locator(ITEMS)).to_have_count(FIRST_PAGES)
    expect(page.locator(".md-search-result__meta")).to_have_text("3 matching documents")
    assert fragments.held, "no fragment was held: the first answer would not be seen alone"
    # Not the final answer: what reads the whole list waits.
    expect(page.locator(SEARCH_RESULTS)).not_to_have_attribute("data-answer", QUERY)
    first = _items(page)

    fragments.release()
    wait_for_answer(page, QUERY)
    assert page.locator(ITEMS).count() > FIRST_PAGES
    # The same pages first, with the same titles, excerpts and highlighted words.
    assert _items(page)[:FIRST_PAGES] == first


def test_a_reader_on_a_first_result_stays_there_when_the_others_come(
    held: tuple[Page, HeldFragments],
) -> None:
    """Material's arrow keys move focus from the box to the results; the full
    answer replaces the list, and the reader's link takes focus again."""
    page, fragments = held
    box = page.locator(".md-search__input")
    box.fill(QUERY)
    box.press("End")
    expect(page.locator(ITEMS)).to_have_count(FIRST_PAGES)
    # The first page's link, then the one after it (its sections' toggle, or the next page).
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    place = _focused(page)
    assert place["in_results"], place

    fragments.release()
    wait_for_answer(page, QUERY)
    assert page.locator(ITEMS).count() > FIRST_PAGES
    assert _focused(page) == place


def test_an_open_more_on_this_page_stays_open_when_the_others_come(
    held: tuple[Page, HeldFragments],
) -> None:
    """A reader who opens a first page's "more on this page" before the other
    pages come finds it still open: the full answer replaces the list."""
    page, fragments = held
    box = page.locator(".md-search__input")
    box.fill(QUERY)
    box.press("End")
    expect(page.locator(ITEMS)).to_have_count(FIRST_PAGES)
    more = page.locator(f"{ITEMS} details").first
    more.locator("summary").click()
    expect(more).to_have_attribute("open", "")
    href = more.evaluate("more => more.closest('li').querySelector('a[href]').getAttribute('href')")

    fragments.release()
    wait_for_answer(page, QUERY)
    assert page.locator(ITEMS).count() > FIRST_PAGES
    item = page.locator(ITEMS).filter(has=page.locator(f"a[href='{href}']"))
    expect(item.locator("details")).to_have_attribute("open", "")
    # Another query (its fragments no longer held): its pages start closed.
    page.unroute("**/pagefind/fragment/*")
    box.fill(QUERY + " swelling")
    box.press("End")
    wait_for_answer(page, QUERY + " swelling")
    expect(page.locator(f"{ITEMS} details[open]")).to_have_count(0)

"""What the search fetches after the reader's last key: the shown pages' fragments, no more.

On a phone at 1,000 pages, the fetches after the last key were most of the
wait for the first result (benchmarks/README.md, "Search on a phone
profile"): the worker fetched the fragment of every page a reader's word
named (up to 25 per word) to check its title and names, then the best pages'
fragments. The check now reads the build's ``search/known-by/`` files, which
the typing has fetched already (healthsite/search/known_by.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from healthsite.search.known_by import read_fragment
from tests.browser import PHONE, SiteServer, wait_for_answer
from tests.sitebuild import Build

pytestmark = pytest.mark.browser

SEARCH_BUTTON = "label.md-header__button[for='__search']"  # the phone's search button
SEARCH_BOX = ".md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_PAGES = ".md-search-result__item > a.md-search-result__link:first-child"
FRAGMENT = re.compile(r"/pagefind/fragment/(?P<id>[^/]+)\.pf_fragment$")
# "crps" is in most pages' titles: each of them was a fragment fetched to check it.
QUERIES = ["crps pain", "ketamine drip", "swelling"]


def _fragments_fetched(requests: list[Request]) -> list[str]:
    return [found["id"] for request in requests if (found := FRAGMENT.search(request.url))]


def _page_of(site: Path, page_id: str) -> str:
    url = read_fragment(site / "pagefind" / "fragment" / f"{page_id}.pf_fragment")["url"]
    return str(url).lstrip("/")


def _shown_pages(page: Page, server: SiteServer) -> list[str]:
    hrefs = [link.get_attribute("href") or "" for link in page.locator(RESULT_PAGES).all()]
    return [href.split("?")[0].removeprefix(server.url()) for href in hrefs]


def _results_of(page: Page, words: str) -> None:
    """Wait for the final answer to ``words`` (its first pages show before it)."""
    wait_for_answer(page, words)


@pytest.fixture
def search_box(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    """A fresh phone page with its search box open: nothing of the search fetched yet."""
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_server.url())
    page.locator(SEARCH_BUTTON).tap()
    expect(page.locator(SEARCH_BOX)).to_be_focused()
    yield page
    context.close()


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_fetches_the_fragments_of_the_pages_it_shows_and_no_other(
    search_box: Page, site_server: SiteServer, built_site: Build, query: str
) -> None:
    """Pasted at once (one query, nothing cached): every fragment fetched is a shown page's."""
    fetched: list[Request] = []
    search_box.context.on("request", lambda request: fetched.append(request))
    box = search_box.locator(SEARCH_BOX)
    box.fill(query)
    box.press("End")
    _results_of(search_box, query)
    search_box.wait_for_load_state("networkidle")
    shown = _shown_pages(search_box, site_server)
    pages = [_page_of(built_site.site_dir, page_id) for page_id in _fragments_fetched(fetched)]
    assert pages, "no fragment fetched: the test would not see a check's fetches"
    assert set(pages) <= set(shown), f"fragments of pages not shown: {set(pages) - set(shown)}"


@pytest.mark.parametrize("query", QUERIES)
def test_a_typed_querys_last_key_finds_the_search_files_in_hand(
    search_box: Page, query: str
) -> None:
    """Typed a key at a time: the readers' words, the site's words and names and
    the known-by files (search/) of its words came with the keys before the last."""
    box = search_box.locator(SEARCH_BOX)
    box.press_sequentially(query[:-1])
    _results_of(search_box, query[:-1])
    after_last_key: list[Request] = []
    search_box.context.on("request", lambda request: after_last_key.append(request))
    box.press(query[-1])
    _results_of(search_box, query)
    late = [request.url for request in after_last_key if "/search/" in request.url]
    assert not late, late

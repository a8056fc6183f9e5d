"""Spanish readers find the Spanish page first, and never an English one (issue 20).

On the real site's Spanish pages (/es/), in Chromium, each query of the
Spanish evaluation set marked ``must_find`` (benchmarks/search_queries_es.yml:
the issue's "distrofia simpática refleja", "dolor ardiente" and "ketamina",
and ten more) finds its Spanish page first, and no result is an English page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.search_eval import (
    QUERY_FILES,
    SEARCH_WORDS,
    EvalQuery,
    load_queries,
)
from tests.browser import SiteServer, wait_for_answer

pytestmark = pytest.mark.browser

WORDS = SEARCH_WORDS["es"]
MUST_FIND = [query for query in load_queries(QUERY_FILES["es"]) if query.must_find]
# The page link of each result (its sections follow it in the item).
PAGE_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


@pytest.fixture(scope="module")
def spanish_home(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    """The Spanish home page, its search box reused by every query."""
    page = chromium.new_page()
    page.goto(site_server.url() + "es/")
    yield page
    page.close()


def test_the_set_holds_the_issues_three_and_ten_more() -> None:
    queries = {query.query for query in MUST_FIND}
    assert {"distrofia simpática refleja", "dolor ardiente", "ketamina"} <= queries
    assert len(queries) >= 13


@pytest.mark.parametrize("query", MUST_FIND, ids=lambda query: query.query)
def test_a_spanish_query_finds_its_spanish_page_first_and_no_english_page(
    spanish_home: Page, query: EvalQuery
) -> None:
    box = spanish_home.locator(".md-search__input")
    meta = spanish_home.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_contain_text(WORDS.placeholder)
    box.fill(query.query)
    box.press("End")
    expect(meta).to_contain_text(re.compile(f"{WORDS.found}|{WORDS.none}"))
    wait_for_answer(spanish_home, query.query)

    links = spanish_home.locator(PAGE_LINKS)
    (expected,) = query.pages
    expect(links.first).to_have_attribute("href", re.compile(f"/{re.escape(expected)}(\\?|$)"))
    for link in links.all():
        expect(link).to_have_attribute("href", re.compile(r"/es/"))


# Spanish readers' words by the English file's classes (branch i23-rank6):
# "uñas" is "unas", a filler word, once its accent goes, and no page says
# "plan 504" or "pastilla falsa"; another page came first for each on main.
READERS_WORDS = [
    ("se me pusieron raras las uñas de la mano que me duele", "es/conditions/crps/"),
    ("plan 504 para el sdrc", "es/guides/children-and-teenagers/"),
    ("me pueden dar una pastilla falsa en un estudio", "es/guides/research-and-clinical-trials/"),
    # A page Pagefind said a word names is checked against its names in
    # Spanish too (sameSpanishWord): the diagnosis guide came first before.
    ("algun dia se me va a quitar este dolor", "es/conditions/crps/"),
]


@pytest.mark.parametrize(("query", "expected_page"), READERS_WORDS)
def test_spanish_readers_words_find_the_page_first(
    spanish_home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    box = spanish_home.locator(".md-search__input")
    meta = spanish_home.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_contain_text(WORDS.placeholder)
    box.fill(query)
    box.press("End")
    wait_for_answer(spanish_home, query)
    first = spanish_home.locator(PAGE_LINKS).first
    expected = re.compile(re.escape(site_server.url(expected_page)) + r"(\?|$)")
    expect(first, f"first result for {query!r}").to_have_attribute("href", expected)


@pytest.mark.parametrize(
    "query",
    [
        "quiero quitarme la vida",
        "dolor en el pecho, no puedo respirar",
        "sobredosis",
        # Someone the reader speaks of.
        "mi esposo dice que quiere matarse",
        # "cortarse" and what is going on now matched no danger word before.
        "mi hija quiere cortarse",
        "mi hijo se está lastimando",
        # The English held-out part's three, as a Spanish reader might type them.
        "ya no quiero estar viva",
        "mi mamá se tomó un frasco entero de pastillas",
        "siento el pecho apretado y el brazo izquierdo dormido",
        "dolor punzante en el pecho",
        "mi hija tiene convulsiones",
        # A limb in a cast, or one suddenly cold and pale (warning_signs.yml).
        "tengo los dedos adormecidos con el yeso",
        "de repente la pierna se puso fría y pálida",
        "no puedo mover los dedos con el yeso",
        "mi esposo se tomó todas sus pastillas",
        "me quiero cortar el brazo",
        "me duele el pecho",
    ],
)
def test_spanish_words_that_suggest_danger_show_911_and_988(spanish_home: Page, query: str) -> None:
    """The 911 and 988 line, in Spanish, for a Spanish reader's words of danger."""
    box = spanish_home.locator(".md-search__input")
    emergency = spanish_home.locator("[data-search-help='emergency']")
    box.click()
    box.fill(query)
    box.press("End")
    expect(emergency).to_be_visible()
    expect(emergency).to_contain_text("911")
    expect(emergency).to_contain_text("988")
    expect(emergency).to_contain_text("Llame")
    expect(emergency).to_contain_text("de repente se pone frío o pálido")
    # Words with no danger in them: the line goes.
    box.fill("dolor ardiente")
    box.press("End")
    expect(emergency).to_be_hidden()

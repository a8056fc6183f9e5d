"""How search-readers.js ranks pages, piece by piece, in the browser that runs it.

The module is imported into a page of the served site, as the search worker
imports it, and its ranking pieces are asked directly: what a short word of
a page's names is the same word as, how much of the reader's words one
section of a page holds together, and how a page's shares of the reader's
words add up (benchmarks/README.md, "Search: a third fresh held-out part").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import SiteServer

pytestmark = pytest.mark.browser

MODULE = "assets/javascripts/search-readers.js"


@pytest.fixture(scope="module")
def page(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    page = chromium.new_page()
    page.goto(site_server.url())
    yield page
    page.close()


def _call(page: Page, site_server: SiteServer, function: str, *arguments: Any) -> Any:
    """The module's ``function`` called with ``arguments`` (JSON values) in the page."""
    return page.evaluate(
        "async ([url, name, args]) => (await import(url))[name](...args)",
        [site_server.url(MODULE), function, list(arguments)],
    )


ENGLISH_ENDINGS = "english"


@pytest.mark.parametrize(
    ("typed", "named", "same"),
    [
        # Short words take only a plural: a generated page named "footer" and
        # one named "armed" came first for "foot" and "arm" among 1,000 pages.
        ("foot", "footer", False),
        ("arm", "armed", False),
        ("arm", "arms", True),
        ("hand", "handed", False),
        # Longer words keep their common endings.
        ("child", "children", True),
        ("stimulator", "stimulation", True),
        ("swell", "swelling", True),
    ],
)
def test_a_short_word_of_a_name_is_the_same_word_only_with_a_plural_ending(
    page: Page, site_server: SiteServer, typed: str, named: str, same: bool
) -> None:
    assert _call(page, site_server, "sameEnglishWord", typed, named) is same


@pytest.mark.parametrize(
    ("typed", "named", "same"),
    [
        # Spanish endings (i23-rank6): one word in another gender, number or
        # form made of it, as Pagefind's stemmer has them...
        ("hinchada", "hinchazon", True),
        ("dolor", "dolores", True),
        ("pierna", "piernas", True),
        ("rigida", "rigidez", True),
        # ...and a short word is not the start of a longer one.
        ("mano", "manosear", False),
        ("pie", "piel", False),
    ],
)
def test_a_spanish_word_of_a_name_is_the_same_word_in_its_other_forms_only(
    page: Page, site_server: SiteServer, typed: str, named: str, same: bool
) -> None:
    assert _call(page, site_server, "sameSpanishWord", typed, named) is same


def _found(*sections: tuple[str, list[int]]) -> list[dict[str, Any]]:
    """Pagefind's data of one page for each concept: ``sections`` are
    (section URL, the concepts it holds)."""
    concepts = sorted({index for _, held in sections for index in held})
    return [
        {
            "index": index,
            "sub_results": [
                {"url": url, "weighted_locations": [{"balanced_score": 1}] if index in held else []}
                for url, held in sections
            ],
        }
        for index in concepts
    ]


def test_a_page_holding_the_readers_words_in_one_section_counts_more(
    page: Page, site_server: SiteServer
) -> None:
    rare = [0.5, 0.5]
    one_place = _found(("/crps/#symptoms", [0, 1]), ("/crps/#outlook", [0]))
    apart = _found(("/guide/#a", [0]), ("/guide/#b", [1]))

    assert _call(page, site_server, "together", one_place, rare) == 1
    assert _call(page, site_server, "together", apart, rare) == 0.5


def test_a_rare_word_together_counts_more_than_a_common_one(
    page: Page, site_server: SiteServer
) -> None:
    # "fist" (rare) and "pain" (on every page) in one section, against two
    # sections: only the rare word's share counts apart.
    rare = [0.9, 0.1]
    apart = _found(("/a/#one", [0]), ("/a/#two", [1]))

    assert _call(page, site_server, "together", apart, rare) == pytest.approx(0.9)


def test_a_page_holding_more_of_the_readers_words_outranks_one_holding_one_strongly(
    page: Page, site_server: SiteServer
) -> None:
    rare = [0.5, 0.5]
    # Shares of the best page's score for each of the reader's two words.
    both_a_little = _call(page, site_server, "textScore", [0.36, 0.36], rare)
    one_strongly = _call(page, site_server, "textScore", [1, 0], rare)

    assert both_a_little > one_strongly
    # Each word still counts by its share: more of it, more score.
    assert _call(page, site_server, "textScore", [0.64, 0.36], rare) > both_a_little


def test_a_word_in_a_pages_title_counts_more_than_one_among_its_listed_signs(
    page: Page, site_server: SiteServer
) -> None:
    title = _call(page, site_server, "knownByWeight", ["title"])
    names = _call(page, site_server, "knownByWeight", ["names"])

    assert title == 1
    assert 0 < names < title
    assert _call(page, site_server, "knownByWeight", ["names", "title"]) == title
    # Matched in the page's text only: not known by it.
    assert _call(page, site_server, "knownByWeight", []) == 0


def test_a_listed_word_the_page_says_nowhere_else_counts_half_unless_a_whole_name(
    page: Page, site_server: SiteServer
) -> None:
    names = _call(page, site_server, "knownByWeight", ["names"])
    title = _call(page, site_server, "knownByWeight", ["title"])

    # Part of a listed sign ("feels berkoff") the page says once, in the list.
    assert _call(page, site_server, "listedWeight", names, 1, False) == names / 2
    # Said in the page's text too, or a whole name ("Fosamax"), or in the title.
    assert _call(page, site_server, "listedWeight", names, 2, False) == names
    assert _call(page, site_server, "listedWeight", names, 1, True) == names
    assert _call(page, site_server, "listedWeight", title, 1, False) == title
    assert _call(page, site_server, "listedWeight", 0, 1, False) == 0


def test_a_listed_word_counts_half_again_when_the_page_holds_no_other_word_of_the_reader(
    page: Page, site_server: SiteServer
) -> None:
    names = _call(page, site_server, "knownByWeight", ["names"])
    title = _call(page, site_server, "knownByWeight", ["title"])

    # "fridge", listed among a page's signs, the only word of "hand sensitive
    # to cold air from the fridge" the page holds: a quarter if said once, else half.
    assert _call(page, site_server, "listedWeight", names, 1, False, True) == names / 4
    assert _call(page, site_server, "listedWeight", names, 2, False, True) == names / 2
    # The title and a whole name still count fully.
    assert _call(page, site_server, "listedWeight", title, 1, False, True) == title
    assert _call(page, site_server, "listedWeight", names, 1, True, True) == names


@pytest.mark.parametrize(
    ("shares", "index", "alone"),
    [
        # The page holds the other words too (their shares of the best page's score).
        ([1, 0.5, 0.3], 0, False),
        # It holds nothing else, or another word only in passing.
        ([1, 0, 0], 0, True),
        ([1, 0.1, 0], 0, True),
        # A query of one word: nothing else to hold.
        ([1], 0, False),
    ],
)
def test_a_readers_word_is_alone_on_a_page_holding_none_of_their_other_words(
    page: Page, site_server: SiteServer, shares: list[float], index: int, alone: bool
) -> None:
    assert _call(page, site_server, "aloneOnPage", shares, index) is alone


@pytest.mark.parametrize(
    ("query", "language", "signs"),
    [
        # A part of the body, and nothing of what the other pages are about.
        ("my hand feels like its melting", "en", True),
        ("fingers feel fat and tight like sausages", "en", True),
        ("pie frio y morado", "es", True),
        # A treatment, a test or a child named: the page of that comes first.
        ("ketamine for my burning hand", "en", False),
        ("my daughter has a swollen foot", "en", False),
        ("terapia para la mano", "es", False),
        # No part of the body.
        ("burning pain that never stops", "en", False),
        # A language without the lists.
        ("my hand", "fr", False),
    ],
)
def test_signs_in_a_part_of_the_body_lean_to_the_condition_page(
    page: Page, site_server: SiteServer, query: str, language: str, signs: bool
) -> None:
    words = query.split()
    assert _call(page, site_server, "describesSigns", words, language) is signs

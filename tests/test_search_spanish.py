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
from tests.browser import EMERGENCY_LINE, SiteServer, danger_line_misreads, wait_for_answer

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


def search_for(page: Page, query: str) -> None:
    """Type ``query`` into an emptied search box; wait for its final answer
    (Material searches on each key: the results of part of it could show)."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_contain_text(WORDS.placeholder)
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text(re.compile(f"{WORDS.found}|{WORDS.none}"))
    wait_for_answer(page, query)


@pytest.mark.parametrize("query", MUST_FIND, ids=lambda query: query.query)
def test_a_spanish_query_finds_its_spanish_page_first_and_no_english_page(
    spanish_home: Page, query: EvalQuery
) -> None:
    search_for(spanish_home, query.query)

    links = spanish_home.locator(PAGE_LINKS)
    (expected,) = query.pages
    expect(links.first).to_have_attribute("href", re.compile(f"/{re.escape(expected)}(\\?|$)"))
    for link in links.all():
        expect(link).to_have_attribute("href", re.compile(r"/es/"))


# Spanish readers' words by the English file's classes (branch i23-rank6):
# "uñas" is "unas", a filler word, once its accent goes, and no page says
# "plan 504" or "pastilla de azúcar"; another page came first for each on main.
READERS_WORDS = [
    ("se me pusieron raras las uñas de la mano que me duele", "es/conditions/crps/"),
    ("plan 504 para el sdrc", "es/guides/children-and-teenagers/"),
    ("me dan una pastilla de azúcar en un estudio", "es/guides/research-and-clinical-trials/"),
    # A page Pagefind said a word names is checked against its names in
    # Spanish too (sameSpanishWord): the diagnosis guide came first before.
    ("algun dia se me va a quitar este dolor", "es/conditions/crps/"),
]


@pytest.mark.parametrize(("query", "expected_page"), READERS_WORDS)
def test_spanish_readers_words_find_the_page_first(
    spanish_home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    search_for(spanish_home, query)
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


# A review of the rule (branch review6): words of danger it did not read, one
# for each of its new lines, each of which showed no line before; and words it
# read as danger that are not: a shoe or a cast "me está lastimando" (hurts
# me), the pain "me está matando", a doctor who will cut the cast off or a
# nerve, a CRPS hand's nails, all the pain to end.
MORE_DANGER_ES = [
    # Self-harm and suicide; pain past bearing.
    "me corto los brazos",
    "se hizo daño a propósito",
    "me hago cortes",
    "me quiero ahorcar",
    "tirarme de un puente",
    "quisiera estar muerta",
    "quiero dormir y no despertar",
    "no vale la pena vivir",
    "ya no aguanto este dolor",
    "ya no puedo más",
    # Too much of a medicine; fainted or cannot be woken.
    "se tomó demasiado",
    "me pasé de la dosis",
    "tomé doble dosis de amitriptilina",  # codespell:ignore (Spanish)
    "mi hijo se comió unas pastillas",
    "mi niña se tomó mis pastillas",  # codespell:ignore (Spanish)
    "dosis letal de amitriptilina",
    "cuántas pastillas para morir",
    "se desmayó y no responde",  # codespell:ignore (Spanish)
    "lo encontré inconsciente",
    "no lo puedo despertar",
    "mi esposo no reacciona",
    # The heart, breathing, a swelling tongue, a clot, a stroke.
    "ataque cardíaco",
    "me cuesta respirar",
    "me asfixio",
    "se me hincha la lengua",
    "anafilaxia",
    "embolia",
    "tose sangre",
    "tiene la boca chueca",
    "derrame cerebral",
    "adormecimiento de un lado del cuerpo",
    "tengo un lado de la cara caído",
    # The site's other 911 signs; speech or a limb, suddenly or in a cast.
    "fiebre y cuello rígido",
    "perdí el control de la vejiga",
    "de repente no puede hablar",
    "no puede hablar de repente",
    "no siento los dedos con el yeso",
    # Misspelled.
    "suisidio",  # codespell:ignore (Spanish)
    # A second pass: more ways of saying the same.
    "mi familia estaría mejor sin mí",
    "quiero terminar con todo",
    "me estoy muriendo",
    "estoy cansada de vivir",
    "ya no quiero seguir",
    "me voy a quitar la vida",
    "mi bebé se tragó una pastilla",
    "se tomó cloro",
    "me falta la respiración",
    "el yeso me aprieta y se me duermen los dedos",
    "me duele horrible el yeso",
    "emergencia",
    # The sixth fresh held-out part's misses, in other words (lead, after review6).
    "estoy juntando mis pastillas para tomármelas todas de una vez",  # codespell:ignore (Spanish)
    # review7: a street pill, violence at home, a drowning, a dose passed on purpose.
    "mi hijo tomó una pastilla falsa",
    "mi esposo me golpea",
    "mi hijo se ahogó en la alberca",
    "me quiero pasar de la dosis de gabapentina",
]
NO_DANGER_ES = [
    "el zapato me está lastimando",
    "el dolor me está matando",
    "el doctor me va a cortar el yeso",
    "el cirujano quiere cortar el nervio",
    "puedo cortarme las uñas",
    "quiero acabar con todo el dolor",
    "el dolor me golpea en las noches",
]


def test_the_spanish_911_and_988_line_follows_the_words_as_typed(spanish_home: Page) -> None:
    """As in English: the line follows the words as typed, in Spanish, with
    and without accents, for each way of saying danger and none of the rest."""
    assert danger_line_misreads(spanish_home, MORE_DANGER_ES, NO_DANGER_ES) == []
    expect(spanish_home.locator(EMERGENCY_LINE)).to_be_hidden()
    spanish_home.locator(".md-search__input").fill(MORE_DANGER_ES[0])
    expect(spanish_home.locator(EMERGENCY_LINE)).to_contain_text("Llame")

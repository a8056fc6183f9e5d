"""The Spanish site with translated pages: search, alternates, structured data.

The checkout has few translations yet, so these tests build a copy of the
project with two made here: the CRPS page and the IV ketamine page, each
with its Spanish front matter (names readers search by) and a Spanish
paragraph, their body otherwise the English one. The data files get an
``es:`` wording for every entry (here a copy of the English), so the build
accepts the pages' macros on Spanish pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from healthsite.translations.__main__ import current_fingerprint
from tests.browser import SiteServer, serve, wait_for_answer
from tests.sitebuild import Build, build, builds_site, copy_project

# The Spanish build below is made once, on one worker (tests/xdistgroups.py).
pytestmark = pytest.mark.xdist_group("spanish_site")
SITE_URL = "https://crps-info.github.io/site/"
CRPS_ES = "es/conditions/crps/"
KETAMINE_ES = "es/treatments/iv-ketamine/"
FIRST_RESULT = ".md-search-result__item:first-child > a.md-search-result__link:first-child"
# Material's own words in Spanish (material/templates/partials/languages/es.html).
TYPE_TO_SEARCH = "Teclee para comenzar búsqueda"
FOUND = re.compile(r"documentos? encontrados?|No se encontraron")


def _with_spanish_wordings(project: Path) -> None:
    """Every entry of the data files the pages use gets an ``es:`` map (the
    English, copied): what i20's data wordings give the real files."""
    copied = {
        "data/statistics.yml": ("unit", "population", "period", "attributed_to", "claim", "caveat"),
        "data/warning_signs.yml": ("text", "for"),
        "data/glossary.yml": ("definition", "matches"),
        "data/reviewers.yml": ("name", "role"),
    }
    for relative, fields in copied.items():
        path = project / relative
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, entry in data.items():
            entry["es"] = {name: entry[name] for name in fields if name in entry}
            if relative == "data/glossary.yml":
                entry["es"]["term"] = key
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _translate(project: Path, src: str, words: dict[str, Any], paragraph: str) -> None:
    """Write ``src``'s translation: Spanish front matter, the English body
    with a Spanish paragraph after its title."""
    english = (project / "docs" / src).read_text(encoding="utf-8")
    _, front_text, body = english.split("---\n", 2)
    front = yaml.safe_load(front_text)
    spanish: dict[str, Any] = {**words}
    if "findings" in front:
        # A translation gives each finding's words, and who graded a guideline's.
        spanish["findings"] = [
            {key: finding[key] for key in ("finding", "graded_by") if key in finding}
            for finding in front["findings"]
        ]
    if "signs_or_symptoms" in front and "signs_or_symptoms" not in spanish:
        spanish["signs_or_symptoms"] = list(front["signs_or_symptoms"])
    spanish["translation"] = {
        # The English page's as it is: a current translation (healthsite/translations/).
        "fingerprint": current_fingerprint(project, f"docs/{src}"),
        "translated": "2026-12-05",
        "translated_by": "editorial-team",
    }
    title_line, _, rest = body.lstrip("\n").partition("\n")
    translated = f"{title_line.split(' ', 1)[0]} {words['title']}\n\n{paragraph}\n{rest}"
    text = f"---\n{yaml.safe_dump(spanish, allow_unicode=True, sort_keys=False)}---\n\n{translated}"
    (project / "docs" / src.replace(".md", ".es.md")).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
@builds_site
def spanish_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("spanish"))
    # This site's translations are the three below, whatever docs/ holds today:
    # the tests need a translated page and an untranslated one.
    for translation in (project / "docs").rglob("*.es.md"):
        translation.unlink()
    # The Spanish readers' terms point at words of the real translations.
    (project / "data" / "search_terms.es.yml").unlink()
    _with_spanish_wordings(project)
    crps = yaml.safe_load((project / "docs/conditions/crps.md").read_text().split("---\n")[1])
    symptoms = ["dolor ardiente", *crps["signs_or_symptoms"][1:]]
    _translate(
        project,
        "conditions/crps.md",
        {
            "title": "Síndrome de dolor regional complejo (SDRC)",
            "description": "Qué es el SDRC, sus síntomas, cómo se diagnostica y se trata.",
            "alternative_names": ["SDRC", "CRPS", "distrofia simpática refleja", "causalgia"],
            "signs_or_symptoms": symptoms,
        },
        "El SDRC es un dolor que dura mucho tiempo. Antes se llamaba distrofia simpática refleja.",
    )
    _translate(
        project,
        "treatments/iv-ketamine.md",
        {
            "title": "Ketamina por vía intravenosa para el SDRC",
            "description": "Qué es la ketamina por vía intravenosa y cómo puede calmar el dolor.",
            "alternative_names": ["ketamina", "infusión de ketamina"],
        },
        "La ketamina es un medicamento que se pone por la vena.",
    )
    _translate(
        project,
        "a-to-z.md",
        {"title": "De la A a la Z", "description": "Todas las páginas y sus otros nombres."},
        "Todas las páginas de este sitio.",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    return result


# --- What the build writes ---------------------------------------------------------


def _json_ld(page_html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    assert found is not None
    document: dict[str, Any] = json.loads(found.group(1))
    return document


def test_a_translated_page_names_both_versions_both_ways(spanish_site: Build) -> None:
    # rel=" alternate": overrides/main.html says why the space.
    alternates = re.compile(r'<link rel=" alternate" hreflang="([\w-]+)" href="([^"]+)">')
    expected = [
        ("en", f"{SITE_URL}conditions/crps/"),
        ("es", f"{SITE_URL}{CRPS_ES}"),
        ("x-default", f"{SITE_URL}conditions/crps/"),
    ]
    assert alternates.findall(spanish_site.page("conditions/crps")) == expected
    assert alternates.findall(spanish_site.page(CRPS_ES)) == expected
    sitemap = (spanish_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}{CRPS_ES}</loc>" in sitemap
    # An untranslated copy is not listed: its canonical link names the English page.
    assert f"<loc>{SITE_URL}es/guides/diagnosis/</loc>" not in sitemap
    assert f'<link rel="canonical" href="{SITE_URL}guides/diagnosis/">' in spanish_site.page(
        "es/guides/diagnosis"
    )


def test_structured_data_says_the_pages_language(spanish_site: Build) -> None:
    spanish = _json_ld(spanish_site.page(CRPS_ES))
    assert spanish["inLanguage"] == "es"
    assert spanish["name"] == "Síndrome de dolor regional complejo (SDRC)"
    assert "distrofia simpática refleja" in spanish["about"]["alternateName"]
    assert _json_ld(spanish_site.page("conditions/crps"))["inLanguage"] == "en"


def test_the_spanish_a_to_z_lists_spanish_names(spanish_site: Build) -> None:
    a_to_z = spanish_site.page("es/a-to-z")
    assert "distrofia simpática refleja: vea " in a_to_z
    assert 'id="letter-d"' in a_to_z


# --- Searching the Spanish site -------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_server(spanish_site: Build) -> Iterator[SiteServer]:
    with serve(spanish_site.site_dir) as server:
        yield server


@pytest.fixture(scope="module")
def spanish_home(chromium: Browser, spanish_server: SiteServer) -> Iterator[Page]:
    page = chromium.new_page()
    page.goto(spanish_server.url("es/"))
    yield page
    page.close()


def first_result_for(page: Page, query: str, typed_prompt: str, found: re.Pattern[str]) -> Locator:
    """Type ``query`` whole, after emptying the box (tests/test_reader_search.py says why)."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_have_text(typed_prompt)
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text(found)
    wait_for_answer(page, query)
    return page.locator(FIRST_RESULT)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("distrofia simpática refleja", CRPS_ES),
        ("distrofia simpatica refleja", CRPS_ES),
        ("SDRC", CRPS_ES),
        ("dolor ardiente", CRPS_ES),
        ("ketamina", KETAMINE_ES),
    ],
)
def test_a_spanish_search_finds_the_spanish_page_first(
    spanish_home: Page, query: str, expected: str
) -> None:
    first = first_result_for(spanish_home, query, TYPE_TO_SEARCH, FOUND)
    # search.highlight adds the words typed: ?h=...
    expect(first).to_have_attribute("href", re.compile(f"/{re.escape(expected)}(\\?|$)"))
    links = spanish_home.locator(".md-search-result__link")
    hrefs = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    assert all("/es/" in href for href in hrefs), hrefs


def test_an_english_search_finds_english_pages(
    chromium: Browser, spanish_server: SiteServer
) -> None:
    page = chromium.new_page()
    page.goto(spanish_server.url())
    first = first_result_for(
        page, "ketamine", "Type to start searching", re.compile(r"matching document|No matching")
    )
    expect(first).to_have_attribute("href", re.compile(r"//[^/]+/treatments/iv-ketamine/(\?|$)"))
    page.close()


def test_an_untranslated_page_is_english_with_a_spanish_notice(spanish_site: Build) -> None:
    page = spanish_site.page("es/guides/diagnosis")
    assert '<html lang="es"' in page
    assert "Esta página todavía no está traducida" in page
    assert '<div lang="en"><h1' in page
    # Left out of the Spanish search index (only the translations are in it).
    entry = json.loads((spanish_site.site_dir / "pagefind/pagefind-entry.json").read_text())
    translations = list((spanish_site.site_dir.parent / "docs").rglob("*.es.md"))
    assert entry["languages"]["es"]["page_count"] == len(translations)

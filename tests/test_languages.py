"""The site in English and Spanish: one strict build writes both (README, "Languages").

Pure functions first (a translation's front matter, the interface strings,
Spanish order, dates and wordings), then what one real build of the checkout
writes, then the messages a real build gives an editor's mistakes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from healthsite.content.citations import Citations, PageCitations, format_reference
from healthsite.content.glossary import Glossary, Term
from healthsite.content.registry import (
    DataFile,
    Registry,
    Source,
    Statistic,
    StatisticKind,
    StatisticWording,
)
from healthsite.content.warning_signs import SignsMacro, WarningSign, WarningSigns
from healthsite.content.wording import PageWording
from healthsite.dates import human_date
from healthsite.i18n.collation import sort_key
from healthsite.i18n.interface import load_interface
from healthsite.i18n.pages import other_language_url
from healthsite.library import atoz
from healthsite.library.model import LibraryPage
from healthsite.links.locate import page_source
from healthsite.pages.frontmatter import FrontMatter, read_front_matter
from healthsite.pages.translated import read_translation
from tests.sharedbuilds import SPANISH_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_fails_with, edit, line_of

ENGLISH_PAGE = """---
title: IV ketamine
description: What IV ketamine is.
page_type: treatment
alternative_names: [ketamine drip]
reviewed_by: editorial-team
last_reviewed: 2026-11-20
next_review: 2027-05-20
signs_or_symptoms: [burning pain]
findings:
  - finding: It may ease pain for {weeks} weeks.
    certainty: low
    source: oconnell2013
---

# IV ketamine
"""
SPANISH_PAGE = """---
title: Ketamina por vía intravenosa
description: Qué es la ketamina por vía intravenosa.
alternative_names: [ketamina]
signs_or_symptoms: [dolor ardiente]
findings:
  - finding: Puede calmar el dolor durante {weeks} semanas.
translation:
  fingerprint: TODO
  translated: 2026-12-05
  translated_by: editorial-team
---

# Ketamina por vía intravenosa
"""
ENGLISH = "docs/treatments/iv-ketamine.md"
SPANISH = "docs/treatments/iv-ketamine.es.md"


def english_front_matter() -> FrontMatter:
    front, problems = read_front_matter(ENGLISH_PAGE, ENGLISH)
    assert front is not None
    assert not problems
    return front


def translation_problems(text: str) -> list[str]:
    _, problems = read_translation(text, SPANISH, english_front_matter(), ENGLISH)
    return [str(problem) for problem in problems]


# --- A translation's front matter ------------------------------------------------


def test_a_translation_takes_everything_but_its_words_from_the_english_page() -> None:
    front, problems = read_translation(SPANISH_PAGE, SPANISH, english_front_matter(), ENGLISH)
    assert problems == []
    assert front is not None
    assert front.meta is not None
    assert front.meta.title == "Ketamina por vía intravenosa"
    assert front.meta.reviewed_by == ["editorial-team"]
    assert front.meta.next_review == dt.date(2027, 5, 20)
    assert front.meta.findings == [
        {
            "finding": "Puede calmar el dolor durante {weeks} semanas.",
            "certainty": "low",
            "source": "oconnell2013",
        }
    ]
    assert front.translation.translated_by == "editorial-team"
    assert front.language == "es"


def test_a_translation_setting_what_the_english_page_holds_fails_on_its_line() -> None:
    text = SPANISH_PAGE.replace("translation:", "page_type: guide\ncolour: red\ntranslation:")
    assert translation_problems(text) == [
        f"{SPANISH}:8: page_type: is taken from the English page ({ENGLISH}), so it is "
        "written once; remove it here; expected only title, description, alternative_names, "
        "signs_or_symptoms, findings and translation on a translated page",
        f"{SPANISH}:9: colour: is not a field of a translated page; expected only title, "
        "description, alternative_names, signs_or_symptoms, findings and translation",
    ]


def test_a_translation_with_another_number_of_findings_fails() -> None:
    text = SPANISH_PAGE.replace(
        "translation:", "  - finding: Otra cosa.\ntranslation:"
    )  # a second finding, where the English page has one
    assert translation_problems(text) == [
        f"{SPANISH}:6: findings: has 2 entries and the English page ({ENGLISH}) has 1; "
        "expected the same number, in the same order, each the Spanish wording of the "
        "English one",
    ]


def test_a_translation_missing_the_english_pages_lists_fails() -> None:
    text = SPANISH_PAGE.replace("signs_or_symptoms: [dolor ardiente]\n", "")
    assert translation_problems(text) == [
        f"{SPANISH}:2: signs_or_symptoms: is missing; the English page ({ENGLISH}) has 1; "
        "expected their Spanish wording here",
    ]


def test_a_finding_must_keep_the_english_findings_figures() -> None:
    text = SPANISH_PAGE.replace("{weeks} semanas", "{wks} semanas")
    assert translation_problems(text) == [
        f"{SPANISH}:7: findings.0.finding: does not keep the English finding's figures; "
        "expected exactly {weeks}, as written in the English page",
    ]


def test_a_guideline_finding_needs_who_graded_it_in_spanish() -> None:
    graded = ENGLISH_PAGE.replace(
        "    certainty: low\n",
        "    guideline_grade: B\n    graded_by: The 2018 US guideline's authors\n",
    )
    english, problems = read_front_matter(graded, ENGLISH)
    assert english is not None
    assert not problems
    _, problems = read_translation(SPANISH_PAGE, SPANISH, english, ENGLISH)
    assert [str(problem) for problem in problems] == [
        f"{SPANISH}:7: findings.0.graded_by: is missing; expected the Spanish of the English "
        "finding's graded_by (who gave the guideline's grade), as readers see it beside the grade"
    ]
    spanish = SPANISH_PAGE.replace(
        "{weeks} semanas.\n", "{weeks} semanas.\n    graded_by: Los autores de la guía\n"
    )
    front, problems = read_translation(spanish, SPANISH, english, ENGLISH)
    assert not problems
    assert front is not None
    assert front.written["findings"][0]["graded_by"] == "Los autores de la guía"


def test_who_graded_a_finding_is_only_for_a_guideline_finding() -> None:
    spanish = SPANISH_PAGE.replace(
        "{weeks} semanas.\n", "{weeks} semanas.\n    graded_by: Los autores de la guía\n"
    )
    assert translation_problems(spanish) == [
        f"{SPANISH}:8: findings.0.graded_by: is not in the English finding; expected it only "
        "where the English finding has graded_by"
    ]


def test_a_translation_with_a_mistake_still_takes_the_english_pages_fields() -> None:
    """So later checks (findings, related pages) report the mistake, not what follows."""
    text = SPANISH_PAGE.replace("{weeks} semanas", "{wks} semanas")
    front, problems = read_translation(text, SPANISH, english_front_matter(), ENGLISH)
    assert len(problems) == 1
    assert front is not None
    assert front.meta is not None
    assert front.written["findings"][0]["source"] == "oconnell2013"


def test_a_translation_record_needs_its_date_and_translator() -> None:
    text = SPANISH_PAGE.replace("  translated: 2026-12-05\n", "")
    assert translation_problems(text) == [
        f"{SPANISH}:8: translation.translated: is missing; expected the date the translation "
        "was made or brought up to date, as YYYY-MM-DD",
    ]


def test_a_translation_without_its_english_page_fails() -> None:
    _, problems = read_translation(SPANISH_PAGE, SPANISH, None, ENGLISH)
    assert [str(problem) for problem in problems] == [
        f"{SPANISH}:1: translation: translates {ENGLISH}, which does not exist; a translation "
        "sits beside its English page: add that page, or rename or remove this one",
    ]


# --- Interface strings -------------------------------------------------------------


def test_every_interface_string_of_the_project_has_both_languages() -> None:
    interface, problems = load_interface(ROOT)
    assert problems == []
    assert interface.word("card_emergency_title", "es") == (
        "Llame al 911 o vaya a la sala de emergencias más cercana si:"
    )
    assert "oprima 2 o escriba AYUDA" in interface.word("safety_crisis", "es")


def test_an_interface_string_without_its_spanish_fails_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/interface.yml").write_text(
        "key_points_title:\n  en: Key points\nalso_called:\n  en: Also called\n"
        "  es: También llamado\n  fr: Aussi appelé\n",
        encoding="utf-8",
    )
    _, problems = load_interface(tmp_path)
    assert [str(problem) for problem in problems] == [
        "data/interface.yml:1: key_points_title.es: is missing; expected the Spanish wording "
        "of this string, as readers of that language's pages will see it",
        "data/interface.yml:6: also_called.fr: is not a language of the site; expected only "
        "en and es",
    ]


# --- Addresses, order, dates, wordings ---------------------------------------------


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("conditions/crps/", "en", "es/conditions/crps/"),
        ("es/conditions/crps/", "es", "conditions/crps/"),
        ("", "en", "es/"),
        ("es/", "es", "./"),
        ("404.html", "en", "es/"),
    ],
)
def test_the_language_link_goes_to_the_same_page(url: str, language: str, expected: str) -> None:
    assert other_language_url(url, language) == expected


def test_spanish_order_ignores_accents_and_puts_n_tilde_after_n() -> None:
    words = ["ñandú", "nuez", "Ácido", "azul", "oreja", "Nervio"]
    assert sorted(words, key=lambda word: sort_key(word, "es")) == [
        "Ácido",
        "azul",
        "Nervio",
        "nuez",
        "ñandú",
        "oreja",
    ]


def _page(title: str, *names: str) -> LibraryPage:
    return LibraryPage(title, title, "", None, names, "", "")


def test_the_spanish_a_to_z_files_n_tilde_under_its_own_letter() -> None:
    found = atoz.entries(
        [_page("Síndrome de dolor regional complejo (SDRC)", "distrofia simpática refleja")],
        "es",
    )
    found += atoz.entries([_page("Ñu"), _page("Nervios")], "es")
    groups = atoz.by_letter(sorted(found, key=lambda e: atoz.SPANISH_LETTERS.index(e.letter)))
    assert list(groups) == ["D", "N", "Ñ", "S"]
    assert atoz.SPANISH_LETTERS.index("Ñ") == atoz.SPANISH_LETTERS.index("N") + 1


def test_dates_in_spanish_write_the_month() -> None:
    assert human_date(dt.date(2026, 11, 20), "es") == "20 de noviembre de 2026"
    assert human_date(dt.date(2026, 11, 20)) == "20 November 2026"


STATISTICS = DataFile(ROOT / "data/statistics.yml", "data/statistics.yml")
SOURCE = Source.model_validate(
    {
        "title": "Incidence of CRPS",
        "publisher": "Pain",
        "year": 2007,
        "url": "https://example.org/",
        "accessed": "2026-11-20",
        "checked": "primary",
    }
)


def _statistic(**spanish: str) -> Statistic:
    return Statistic(
        value=26.2,
        unit="cases per 100,000 people a year",
        population="People in the Netherlands",
        period="1996 to 2005",
        kind=StatisticKind.peer_reviewed,
        attributed_to="A Dutch study",
        claim="{value} people in 100,000 get CRPS each year",
        source="demos2007",
        es=StatisticWording(**spanish) if spanish else None,
    )


def spanish_citations(statistic: Statistic) -> tuple[Citations, PageWording]:
    interface, _ = load_interface(ROOT)
    wording = PageWording(interface.words("es"), {"stats": STATISTICS}, "es", "docs/index.es.md")
    registry = Registry(
        {"demos2007": SOURCE}, {"netherlands_incidence": statistic}, "data/sources.yml", ""
    )
    page = PageCitations("docs/index.es.md", None, wording)
    return Citations(registry, lambda: page), wording


def test_a_statistic_on_a_spanish_page_reads_in_spanish() -> None:
    citations, wording = spanish_citations(
        _statistic(
            attributed_to="Un estudio de los Países Bajos",
            claim="{value} de cada 100,000 personas tienen SDRC cada año",
        )
    )
    assert citations.stat("netherlands_incidence") == (
        "Un estudio de los Países Bajos encontró que 26.2 de cada 100,000 personas tienen "
        "SDRC cada año[^demos2007]."
    )
    assert wording.problems() == []


def without_spanish(text: str, key: str) -> str:
    """A data file's text with one entry's ``es:`` map taken out, as before it was translated."""
    pattern = rf"(?m)^({re.escape(key)}:\n(?:  .*\n|#.*\n)*?)  es:\n(?:    .*\n)+"
    english_only, found = re.subn(pattern, r"\1", text, count=1)
    assert found, f"{key} has no es: map"
    return english_only


def test_a_spanish_page_using_a_statistic_with_no_spanish_fails_in_the_data_file(
    tmp_path: Path,
) -> None:
    citations, wording = spanish_citations(_statistic())
    text = without_spanish(STATISTICS.path.read_text(encoding="utf-8"), "netherlands_incidence")
    english_only = tmp_path / "statistics.yml"
    english_only.write_text(text, encoding="utf-8")
    wording.data_files = {
        **wording.data_files,
        "stats": DataFile(english_only, STATISTICS.shown_as),
    }
    citations.stat("netherlands_incidence")
    line = line_of(text, "netherlands_incidence:")
    assert [str(problem) for problem in wording.problems()] == [
        f"data/statistics.yml:{line}: netherlands_incidence.es: is missing; docs/index.es.md "
        "uses this entry, so expected its es wording: 'claim:' under 'es:' beside the English",
        f"data/statistics.yml:{line}: netherlands_incidence.es: is missing; docs/index.es.md "
        "uses this entry, so expected its es wording: 'attributed_to:' under 'es:' beside "
        "the English",
    ]


def test_an_english_source_is_marked_on_a_spanish_page() -> None:
    _, wording = spanish_citations(_statistic())
    assert format_reference(SOURCE, wording) == (
        "Incidence of CRPS (en inglés). *Pain*. 2007. <https://example.org/> "
        "(consultado el 20 de noviembre de 2026)."
    )
    spanish_source = SOURCE.model_copy(update={"language": "es"})
    assert "(en inglés)" not in format_reference(spanish_source, wording)
    assert format_reference(SOURCE) == (
        "Incidence of CRPS. *Pain*. 2007. <https://example.org/> (accessed 20 November 2026)."
    )


# --- What one build of the checkout writes ---------------------------------------------


def _spanish_site_path(relative: str) -> str:
    """Where the Spanish site shows docs/RELATIVE(.es).md: es/..."""
    return "es/" if relative == "index" else f"es/{relative.removesuffix('/index')}/"


def _spanish_pages() -> list[str]:
    """The pages translated in the checkout, as site paths (es/...)."""
    return [
        _spanish_site_path(path.relative_to(ROOT / "docs").as_posix().removesuffix(".es.md"))
        for path in sorted((ROOT / "docs").rglob("*.es.md"))
    ]


def test_the_spanish_home_page_is_spanish_throughout(built_site: Build) -> None:
    page = built_site.page("es")
    assert '<html lang="es"' in page
    for words in (
        "En esta página",  # the toc extension's title, per language
        'placeholder="Búsqueda"',  # Material's own words, in Spanish
        "Última revisión de la página",
        "20 de noviembre de 2026",
        "Esta página es una traducción del inglés",
        "oprima 2 o escriba AYUDA",
        "Informar un problema con esta página",
    ):
        assert words in page, words
    assert "On this page" not in page
    # The search worker is told the language of the pages it searches.
    assert "search-worker.js?lang=es" in page


def test_the_language_link_is_relative_both_ways(built_site: Build) -> None:
    link = re.compile(r'class="md-header__button language-link" href="([^"]*)" hreflang="(\w+)"')
    assert link.findall(built_site.page("conditions/crps")) == [("../../es/conditions/crps/", "es")]
    assert link.findall(built_site.page("es/conditions/crps")) == [
        ("../../../conditions/crps/", "en")
    ]
    assert link.findall(built_site.page("es")) == [("../", "en")]


def test_each_language_keeps_its_own_outputs(built_site: Build) -> None:
    english = json.loads((built_site.site_dir / "api/pages.json").read_text(encoding="utf-8"))
    spanish = json.loads((built_site.site_dir / "es/api/pages.json").read_text(encoding="utf-8"))
    assert not any(page["path"].startswith("es/") for page in english["pages"])
    assert all(page["path"].startswith("es/") for page in spanish["pages"])
    # Each entry says its language and where its other language's version is.
    assert {page["language"] for page in english["pages"]} == {"en"}
    [home] = [page for page in english["pages"] if page["source_file"] == "docs/index.md"]
    # The drift check (healthsite/translations/) fills in each translation's status.
    assert home["translations"] == {
        "es": {
            "url": "https://crps-info.github.io/site/es/",
            "path": "es/",
            "status": "current",
            "out_of_date_since": None,
        }
    }
    [spanish_home] = [page for page in spanish["pages"] if page["path"] == "es/"]
    assert spanish_home["language"] == "es"
    assert spanish_home["source_file"] == "docs/index.es.md"
    assert spanish_home["translation_of"] == {
        "url": "https://crps-info.github.io/site/",
        "path": "",
    }
    assert spanish_home["translation"]["translated_by"] == "editorial-team"
    assert spanish_home["translation"]["status"] == "current"
    assert len(spanish["pages"]) == len(_spanish_pages())
    # One 404 page, at the root, in both languages.
    not_found = (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" in not_found
    assert "No se encontró la página" in not_found
    assert not (built_site.site_dir / "es/404.html").exists()


def test_pagefind_indexes_the_spanish_translations_apart(built_site: Build) -> None:
    entry = json.loads((built_site.site_dir / "pagefind/pagefind-entry.json").read_text())
    languages = entry["languages"]
    # Untranslated English pages of the Spanish site are not in its index.
    assert languages["es"]["page_count"] == len(_spanish_pages())
    english_pages = [
        path for path in (ROOT / "docs").rglob("*.md") if not path.name.endswith(".es.md")
    ]
    assert languages["en"]["page_count"] == len(english_pages)


# --- An editor's mistakes in a translation --------------------------------------------


def _statistic_of_crps() -> str:
    """The key of the first statistic the English CRPS page shows."""
    crps = (ROOT / "docs/conditions/crps.md").read_text(encoding="utf-8")
    statistic = re.search(r"\{\{ stat\('(\w+)'\) \}\}", crps)
    assert statistic is not None
    return statistic.group(1)


@SPANISH_MISTAKES.mistake
def _translation_mistakes(project: Path) -> None:
    """In one build with other Spanish pages' mistakes (tests/sharedbuilds.py)."""
    key = _statistic_of_crps()
    (project / "docs/about.es.md").write_text(
        "---\ntitle: Acerca de\ndescription: Quiénes somos.\npage_type: about\n"
        "translation:\n  fingerprint: TODO\n  translated: 2026-12-05\n"
        "  translated_by: editorial-team\n---\n\n# Acerca de\n\n"
        f"Un dato: {{{{ stat('{key}') }}}}\n",
        encoding="utf-8",
    )
    statistics = project / "data/statistics.yml"
    text = without_spanish(statistics.read_text(encoding="utf-8"), key)
    statistics.write_text(text, encoding="utf-8")
    edit(project, "docs/index.es.md", "translated_by: editorial-team", "translated_by: nobody-here")


def test_mistakes_in_a_translation_fail_the_build_with_their_lines(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_translation_mistakes)
    key = _statistic_of_crps()
    index, text = shared.text("docs/index.es.md"), shared.text("data/statistics.yml")
    assert_fails_with(
        shared.result,
        "docs/about.es.md:4: page_type: is taken from the English page (docs/about.md)",
        f"docs/index.es.md:{line_of(index, '  translated_by: nobody-here')}: "
        "translation.translated_by: 'nobody-here' is not in "
        "data/reviewers.yml; expected one of editorial-team",
        f"data/statistics.yml:{line_of(text, key + ':')}: {key}.es: is missing; "
        "docs/about.es.md uses this entry",
    )


def test_signs_and_the_glossary_read_in_spanish_and_name_what_is_missing(tmp_path: Path) -> None:
    citations, wording = spanish_citations(_statistic())
    glossary_file = tmp_path / "glossary.yml"
    glossary_text = (ROOT / "data/glossary.yml").read_text(encoding="utf-8")
    glossary_file.write_text(without_spanish(glossary_text, "Budapest criteria"), encoding="utf-8")
    wording.data_files = {
        **wording.data_files,
        "warning_signs": DataFile(ROOT / "data/warning_signs.yml", "data/warning_signs.yml"),
        "glossary": DataFile(glossary_file, "data/glossary.yml"),
    }
    sign = WarningSign.model_validate(
        {
            "text": "you cannot feel your hand",
            "level": "emergency",
            "source": "demos2007",
            "es": {"text": "no siente la mano"},
        }
    )
    signs = SignsMacro(WarningSigns({"numb_hand": sign}, "data/warning_signs.yml"), citations)
    assert signs.render("numb_hand") == "- no siente la mano[^demos2007]"
    glossary = Glossary(
        {
            "Allodynia": Term.model_validate(
                {
                    "definition": "Pain from a light touch.",
                    "matches": ["allodynia"],
                    "es": {
                        "term": "Alodinia",
                        "definition": "Dolor por un roce.",
                        "matches": ["alodinia"],
                    },
                }
            ),
            "Budapest criteria": Term.model_validate(
                {"definition": "The signs doctors check.", "matches": ["Budapest criteria"]}
            ),
        }
    )
    assert glossary.tooltips_in("es") == {"alodinia": "Dolor por un roce."}
    listed = glossary.page_list(wording)
    assert listed.startswith("Alodinia\n:   Dolor por un roce.")
    problems = [str(problem) for problem in wording.problems()]
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "Budapest criteria.es: is missing; docs/index.es.md uses this entry, so expected its "
        "es wording: 'term:' under 'es:' beside the English",
        "Budapest criteria.es: is missing; docs/index.es.md uses this entry, so expected its "
        "es wording: 'definition:' under 'es:' beside the English",
    ]
    assert all(problem.startswith("data/glossary.yml:") for problem in problems)


def test_a_spanish_pages_source_is_its_translation_or_the_english_page(tmp_path: Path) -> None:
    """Link reports name the file to fix (healthsite/links/locate.py)."""
    (tmp_path / "docs/guides").mkdir(parents=True)
    for name in ("index.md", "index.es.md", "guides/diagnosis.md", "guides/living.md"):
        (tmp_path / "docs" / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "docs/guides/diagnosis.es.md").write_text("# x\n", encoding="utf-8")
    assert page_source("es/", tmp_path) == "docs/index.es.md"
    assert page_source("es/guides/diagnosis/", tmp_path) == "docs/guides/diagnosis.es.md"
    assert page_source("es/guides/living/", tmp_path) == "docs/guides/living.md"
    assert page_source("guides/diagnosis/", tmp_path) == "docs/guides/diagnosis.md"

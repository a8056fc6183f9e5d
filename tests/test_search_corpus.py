"""The libraries of 1,000 pages that search is measured on (benchmarks/reader_corpus.py).

The near-copies of the CRPS page hold its words as much as it does; the pages
of other conditions share the site's general words and little else of it, as
a real library's pages would (benchmarks/README.md, "Search: a library of
other conditions"). With a Spanish half, each page has a Spanish page beside
it, built into the Spanish site and indexed by Pagefind as Spanish, so the
Spanish set is measured at 1,000 pages too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.reader_corpus import (
    SPANISH,
    SPANISH_WORD,
    WORD,
    add_pages,
    crps_source,
    general_words,
    generate_pages,
)
from healthsite.checks.components import WHEN_TO_GET_HELP
from healthsite.pages.frontmatter import read_front_matter
from healthsite.pages.translated import read_translation
from healthsite.search.known_by import read_fragment
from tests.sharedbuilds import PAGE_EDITS, SharedBuilds

PAGES = 3


def _words(markdown: str) -> set[str]:
    return set(WORD.findall(markdown))


@pytest.fixture(scope="module")
def crps_words() -> set[str]:
    """The CRPS page's own prose words: not the general words every page uses."""
    return _words(crps_source()[1]) - general_words()


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith("#")][1:]


def _share_kept(markdown: str, crps_words: set[str]) -> float:
    return len(_words(markdown) & crps_words) / len(crps_words)


def test_near_copies_hold_most_of_the_crps_pages_words(crps_words: set[str]) -> None:
    for page in generate_pages(PAGES, "near-copies"):
        assert _share_kept(page.markdown, crps_words) > 0.6, page.src_path
        # Its headings are the CRPS page's, every one but its title.
        assert _headings(page.markdown) == _headings(crps_source()[1])
        assert "{{ stat(" in page.markdown


def test_pages_of_other_conditions_share_the_general_words_and_little_else(
    crps_words: set[str],
) -> None:
    for page in generate_pages(PAGES, "other-conditions"):
        assert _share_kept(page.markdown, crps_words) < 0.35, page.src_path
        # "doctor", "pain", "treatment": words any condition page uses.
        assert {"doctor", "pain", "treatment"} <= _words(page.markdown)


def test_a_page_of_another_condition_has_its_own_names_headings_and_treatments() -> None:
    meta, _ = crps_source()
    for number, page in enumerate(generate_pages(PAGES, "other-conditions"), 1):
        # Its prose, less link targets (the guides' file names say "crps").
        prose = re.sub(r"\]\([^)]*\)", "]", page.markdown.split("\n---\n", 1)[1])
        assert not re.search(r"\bCRPS\b|\bRSD\b|complex regional", prose, re.IGNORECASE)
        assert f"ECS {number}" in prose
        assert f"## {WHEN_TO_GET_HELP}" in prose
        # General warning signs, not the CRPS page's (a cast too tight).
        assert "signs('chest_pain_breathing'" in prose
        assert "cast_too_tight" not in prose
        assert "## Types of CRPS" not in prose
        assert "{{ stat(" not in prose
        assert "possible_treatments:" not in page.markdown
    assert "possible_treatments" in meta


def test_each_page_of_another_condition_has_a_topic_of_its_own() -> None:
    first, second = (
        _words(page.markdown) - general_words() for page in generate_pages(2, "other-conditions")
    )
    assert len(first & second) < 0.5 * min(len(first), len(second))


# --- The Spanish half ---


def _spanish_words(markdown: str) -> set[str]:
    return set(SPANISH_WORD.findall(markdown))


@pytest.fixture(scope="module")
def spanish_crps_words() -> set[str]:
    """The Spanish CRPS page's own prose words: not the general Spanish words."""
    return _spanish_words(crps_source(SPANISH)[1]) - general_words("es")


def test_the_spanish_half_leaves_the_english_pages_as_they_were() -> None:
    """English figures at 1,000 pages stay comparable with runs before the Spanish half."""
    pages = generate_pages(PAGES, "other-conditions", spanish=True)
    assert pages[:PAGES] == generate_pages(PAGES, "other-conditions")
    assert [page.src_path for page in pages[PAGES:]] == [
        f"conditions/example-condition-{number:04d}.es.md" for number in range(1, PAGES + 1)
    ]


@pytest.mark.parametrize("kind", ["near-copies", "other-conditions"])
def test_each_spanish_page_is_a_current_translation_of_its_english_page(kind: str) -> None:
    pages = generate_pages(PAGES, kind, spanish=True)  # type: ignore[arg-type]
    for english, spanish in zip(pages[:PAGES], pages[PAGES:], strict=True):
        english_meta, _ = read_front_matter(english.markdown, english.src_path)
        translated, problems = read_translation(
            spanish.markdown, spanish.src_path, english_meta, english.src_path
        )
        assert problems == [], spanish.src_path
        assert translated is not None
        assert translated.meta is not None
        assert translated.meta.title.startswith("Afección de ejemplo")
        assert translated.translation is not None


def test_spanish_pages_of_other_conditions_share_the_general_words_and_little_else(
    spanish_crps_words: set[str],
) -> None:
    for number, page in enumerate(
        generate_pages(PAGES, "other-conditions", spanish=True)[PAGES:], 1
    ):
        # Less link targets and heading ids, which the reader does not read.
        prose = re.sub(r"\]\([^)]*\)|\{#[^}]*\}", "]", page.markdown.split("\n---\n", 1)[1])
        kept = len(_spanish_words(prose) & spanish_crps_words) / len(spanish_crps_words)
        assert kept < 0.35, page.src_path
        assert {"médico", "dolor", "tratamiento"} <= _spanish_words(prose)
        assert not re.search(r"\bSDRC\b|\bCRPS\b|distrofia simp", prose, re.IGNORECASE)
        assert f"ECS {number}" in prose
        assert "## Cuándo buscar ayuda {#when-to-get-help}" in page.markdown
        assert "cast_limb_emergency" not in prose


def test_spanish_near_copies_hold_most_of_the_spanish_crps_pages_words(
    spanish_crps_words: set[str],
) -> None:
    for page in generate_pages(PAGES, "near-copies", spanish=True)[PAGES:]:
        kept = len(_spanish_words(page.markdown) & spanish_crps_words) / len(spanish_crps_words)
        assert kept > 0.6, page.src_path


@PAGE_EDITS.edit
def _generated_pages(project: Path) -> None:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    add_pages(project, generate_pages(2, "other-conditions", spanish=True))


def test_pagefind_indexes_the_generated_spanish_pages_as_spanish(
    shared_builds: SharedBuilds,
) -> None:
    """Built by the i18n plugin into the Spanish site, each generated Spanish page
    is in Pagefind's Spanish index, under /es/, and no English page is there."""
    built = shared_builds.of(_generated_pages).result
    assert built.returncode == 0, built.output[-3000:]

    indexed: dict[str, str] = {}
    for fragment in (built.site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        indexed[str(read_fragment(fragment)["url"])] = fragment.name.split("_", 1)[0]
    for number in (1, 2):
        assert indexed[f"/es/conditions/example-condition-{number:04d}/"] == "es"
        assert indexed[f"/conditions/example-condition-{number:04d}/"] == "en"
        html = built.page(f"es/conditions/example-condition-{number:04d}/")
        assert '<html lang="es"' in html
        assert f"Afección de ejemplo {number}" in html
        # A current translation: no notice that it is out of date.
        assert "translation-outdated-notice" not in html
    assert all(url.startswith("/es/") for url, language in indexed.items() if language == "es")
    entry = json.loads((built.site_dir / "pagefind" / "pagefind-entry.json").read_text())
    spanish_pages = sum(language == "es" for language in indexed.values())
    assert entry["languages"]["es"]["page_count"] == spanish_pages

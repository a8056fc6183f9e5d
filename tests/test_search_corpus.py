"""The libraries of 1,000 pages that search is measured on (benchmarks/reader_corpus.py).

The near-copies of the CRPS page hold its words as much as it does; the pages
of other conditions share the site's general words and little else of it, as
a real library's pages would (benchmarks/README.md, "Search: a library of
other conditions").
"""

from __future__ import annotations

import re

import pytest

from benchmarks.reader_corpus import (
    WORD,
    crps_source,
    general_words,
    generate_pages,
)
from healthsite.checks.components import WHEN_TO_GET_HELP

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

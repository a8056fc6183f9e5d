"""The library model on its own: A to Z entries, links between pages, home page cards.

Quick checks of the rules with made-up pages; the built site is checked in
tests/test_library.py.
"""

from __future__ import annotations

import posixpath

import pytest

from healthsite.library import atoz, render
from healthsite.library.model import SHOWN_BY_NAME, Library, LibraryPage, link_from
from healthsite.library.relations import Relations
from healthsite.pages.frontmatter import PageType


def page(src_uri: str, title: str, page_type: PageType, *names: str) -> LibraryPage:
    return LibraryPage(src_uri, title, f"About {title}.", page_type, names, "", "")


@pytest.mark.parametrize(
    ("label", "letter"),
    [
        ("RSD", "R"),
        ("algodystrophy", "A"),
        ("Écorché", "E"),
        ("'Frozen' shoulder", "F"),
        ("5-HT", "0 to 9"),
    ],
)
def test_an_entry_is_filed_under_its_first_letter(label: str, letter: str) -> None:
    assert atoz.letter_of(label) == letter


def test_each_title_and_other_name_is_an_entry_in_order() -> None:
    crps = page(
        "conditions/crps.md", "Complex regional pain syndrome (CRPS)", PageType.condition,
        "RSD", "causalgia", "complex regional pain syndrome (crps)",
    )  # fmt: skip
    entries = atoz.entries([crps])
    assert [(entry.label, entry.see) for entry in entries] == [
        ("causalgia", True),
        ("Complex regional pain syndrome (CRPS)", False),
        ("RSD", True),
    ]  # a name that is only the title again is not listed twice


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "link"),
    [
        ("index.md", "conditions/crps.md", "conditions/crps.md"),
        ("conditions/index.md", "conditions/crps.md", "crps.md"),
        ("conditions/crps.md", "treatments/iv-ketamine.md", "../treatments/iv-ketamine.md"),
        ("a-to-z.md", "guides/pacing.md", "guides/pacing.md"),
    ],
)
def test_links_are_relative_to_the_page_they_are_on(from_uri: str, to_uri: str, link: str) -> None:
    assert link_from(from_uri, to_uri) == link


def test_links_agree_with_relpath_between_any_two_pages() -> None:
    """``link_from`` is ``posixpath.relpath`` made cheap: the same on paths like ours."""
    uris = [
        "index.md",
        "a-to-z.md",
        "conditions/index.md",
        "conditions/crps.md",
        "conditions/crps-copy-0001.md",
        "treatments/iv-ketamine.md",
        "guides/children/teenagers.md",
        "guides/children/index.md",
        "guides/adults/work/index.md",
        "guidesx/other.md",
    ]
    for from_uri in uris:
        for to_uri in uris:
            expected = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
            assert link_from(from_uri, to_uri) == expected, (from_uri, to_uri)


def test_titles_are_shown_as_written_in_generated_markdown() -> None:
    assert render.escape("Drugs *not* [yet] approved <b>") == (
        r"Drugs \*not\* \[yet\] approved &lt;b>"
    )


def test_a_home_card_names_every_page_of_a_small_section_then_leads_to_all() -> None:
    index = page("conditions/index.md", "Conditions", PageType.index_page)
    guides = page("guides/index.md", "Guides", PageType.index_page)
    many = SHOWN_BY_NAME + 2
    conditions = [
        page(f"conditions/c{n:02}.md", f"Condition {n:02}", PageType.condition)
        for n in range(1, many + 1)
    ]
    few = [page(f"guides/g{n}.md", f"Guide {n}", PageType.guide) for n in range(SHOWN_BY_NAME)]
    pages = [index, guides, *conditions, *few]
    cards = render.library_cards(Library({p.src_uri: p for p in pages}, Relations()), "index.md")
    assert cards.count("(conditions/c") == SHOWN_BY_NAME
    assert f"[All {many} conditions](conditions/index.md)" in cards
    assert cards.count("(guides/g") == SHOWN_BY_NAME  # every guide, and no "All" link
    assert f"All {SHOWN_BY_NAME} guides" not in cards
    assert "Treatments" not in cards  # a section with no pages has no card

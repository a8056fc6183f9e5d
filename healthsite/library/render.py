"""Markdown the build writes from the library: related pages, lists, A to Z, cards.

Links are written as Markdown links between source files, relative to the
page they appear on, so MkDocs checks each one like any link an editor
writes (a strict build fails on a broken one) and turns it into the page's
address.
"""

from __future__ import annotations

import re

from healthsite.checks.readability import LISTING_CLASS
from healthsite.library import atoz
from healthsite.library.model import Library, LibraryPage, link_from
from healthsite.library.relations import Relation
from healthsite.library.sections import SECTIONS, LibrarySection

RELATED_ID = "related-pages"
RELATED_HEADING = "Related pages"
A_TO_Z_PAGE = "a-to-z.md"
# A card on the home page lists a section's pages by name up to this many;
# beyond it, the card leads to the section's list, so the home page stays small.
CARD_PAGES = 5
# Sub-headings of the "Related pages" block. "More to read" is shown only
# beside another group: alone, "Related pages" says it.
GROUP_HEADINGS = {
    Relation.treatment: ("Treatment pages", "related-treatments"),
    Relation.used_for: ("Conditions this treatment is used for", "related-conditions"),
    Relation.related: ("More to read", "related-more"),
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape(text: str) -> str:
    """Text shown as written inside generated Markdown (titles may hold * or [)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def link(from_uri: str, page: LibraryPage) -> str:
    return f"[{escape(page.title)}]({link_from(from_uri, page.src_uri)})"


def related_block(library: Library, src_uri: str) -> str:
    """The "Related pages" block of a page, or "" when nothing relates to it."""
    related = library.related(src_uri)
    if not related:
        return ""
    groups: dict[Relation, list[LibraryPage]] = {}
    for relation_link, page in related:
        groups.setdefault(relation_link.relation, []).append(page)
    parts = [
        f'<nav class="hs-related {LISTING_CLASS}" aria-labelledby="{RELATED_ID}" markdown>',
        f"## {RELATED_HEADING} {{#{RELATED_ID}}}",
    ]
    for relation in Relation:
        pages = groups.get(relation)
        if not pages:
            continue
        if relation != Relation.related or len(groups) > 1:
            heading, heading_id = GROUP_HEADINGS[relation]
            parts.append(f"### {heading} {{#{heading_id}}}")
        parts.append("\n".join(f"- {link(src_uri, page)}" for page in pages))
    parts.append("</nav>")
    return "\n\n".join(parts) + "\n"


def page_list(library: Library, section: LibrarySection, from_uri: str) -> str:
    """Every page of a section, by title, each with its description."""
    pages = library.in_section(section)
    if not pages:
        a_to_z = link_from(from_uri, A_TO_Z_PAGE)
        return f"There are no {section.plural} on this site yet. See the [A to Z]({a_to_z}).\n"
    items = "\n".join(f"- {link(from_uri, page)}  \n  {escape(page.description)}" for page in pages)
    return f'<div class="hs-page-list {LISTING_CLASS}" markdown>\n\n{items}\n\n</div>\n'


def a_to_z(library: Library, from_uri: str) -> str:
    """Letter links, then every entry under its letter."""
    groups = atoz.by_letter(atoz.entries(library.browsable()))
    letters = [
        f"- [{letter}](#{atoz.letter_id(letter)})" if letter in groups else f"- {letter}"
        for letter in atoz.LETTERS
        if letter in groups or letter != atoz.OTHER
    ]
    parts = [
        f'<div class="hs-a-to-z {LISTING_CLASS}" markdown>',
        '<nav class="hs-az-letters" aria-label="Letters" markdown>',
        "\n".join(letters),
        "</nav>",
    ]
    for letter, found in groups.items():
        parts.append(f"## {letter} {{#{atoz.letter_id(letter)}}}")
        parts.append("\n".join(f"- {_entry(entry, from_uri)}" for entry in found))
    parts.append("</div>")
    return "\n\n".join(parts) + "\n"


def _entry(entry: atoz.Entry, from_uri: str) -> str:
    if entry.see:
        return f"{escape(entry.label)}: see {link(from_uri, entry.page)}"
    return link(from_uri, entry.page)


def _card(library: Library, section: LibrarySection, from_uri: str) -> str | None:
    pages = library.in_section(section)
    index = library.section_index(section)
    if not pages or index is None:
        return None
    lines = [f"-   **{link(from_uri, index)}**", "", f"    {escape(index.description)}", ""]
    lines += [f"    - {link(from_uri, page)}" for page in pages[:CARD_PAGES]]
    if len(pages) > CARD_PAGES:
        everything = link_from(from_uri, index.src_uri)
        lines += ["", f"    [All {section.count(len(pages))}]({everything})"]
    return "\n".join(lines)


def library_cards(library: Library, from_uri: str) -> str:
    """Home page cards: each section that has pages, then the A to Z."""
    cards = [card for section in SECTIONS if (card := _card(library, section, from_uri))]
    a_to_z_page = library.pages.get(A_TO_Z_PAGE)
    if a_to_z_page is not None:
        cards.append(
            f"-   **{link(from_uri, a_to_z_page)}**\n\n    {escape(a_to_z_page.description)}"
        )
    opening = f'<div class="grid cards {LISTING_CLASS}" markdown>'
    return f"{opening}\n\n" + "\n\n".join(cards) + "\n\n</div>\n"

"""What the build writes from the library: related pages, lists, A to Z, cards.

The long listings (related pages, a section's list, the A to Z) are made as
elements (``listing.py`` says why); the home page cards, a few lines, as
Markdown. Either way, links go between source files, relative to the page
they appear on, so MkDocs checks each one like any link an editor writes (a
strict build fails on a broken one) and turns it into the page's address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from xml.etree.ElementTree import Element

from healthsite.library import atoz, listing
from healthsite.library.listing import Listings, element
from healthsite.library.model import SHOWN_BY_NAME, Library, LibraryPage, link_from
from healthsite.library.relations import Relation
from healthsite.library.sections import SECTION_BY_TYPE, SECTIONS, LibrarySection
from healthsite.pages.frontmatter import PageType

# Marks what the build lists from other pages' front matter (related pages,
# section lists, the A to Z, home page cards): titles and summaries of other
# pages, not prose written on this one, so the readability check skips it.
LISTING_CLASS = "hs-listing"
RELATED_ID = "related-pages"
RELATED_HEADING = "Related pages"
A_TO_Z_PAGE = "a-to-z.md"
# Sub-headings of the "Related pages" block. "More to read" is shown only
# beside another group: alone, "Related pages" says it.
GROUP_HEADINGS = {
    Relation.treatment: ("Treatment pages", "related-treatments"),
    Relation.used_for: ("Conditions this treatment is used for", "related-conditions"),
    Relation.related: ("More to read", "related-more"),
}
_LETTERS_NAV = {"class": "hs-az-letters", "aria-label": "Letters"}
# Words for the page's language (data/interface.yml); None: English, as written here.
Words = Mapping[str, str] | None


def _nouns(section: LibrarySection, words: Words) -> tuple[str, str]:
    """How one and many of a section's pages read: ("condition", "conditions")."""
    if words is None:
        return section.singular, section.plural
    kind = section.page_type.value
    return words[f"{kind}_one"], words[f"{kind}_many"]


def count(section: LibrarySection, number: int, words: Words) -> str:
    """ "1 condition", "12 conditions" in the page's language."""
    one, many = _nouns(section, words)
    return f"{number} {one if number == 1 else many}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape(text: str) -> str:
    """Text shown as written inside generated Markdown (titles may hold * or [)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def link(from_uri: str, page: LibraryPage, language: str = "en") -> str:
    """A Markdown link to the page; marked with its language where it differs
    from the page it is on (an English title in the Spanish site)."""
    marked = "" if page.language == language else f'{{ lang="{page.language}" }}'
    return f"[{escape(page.title)}]({link_from(from_uri, page.src_uri)}){marked}"


def _page_link(parent: Element, from_uri: str, page: LibraryPage, language: str) -> Element:
    """A link to the page in a listing, marked with its language where it differs."""
    made = listing.link(parent, _href(from_uri, page), page.title)
    if page.language != language:
        made.set("lang", page.language)
    return made


def _href(from_uri: str, page: LibraryPage) -> str:
    return link_from(from_uri, page.src_uri)


def _heading(parent: Element, tag: str, text: str, heading_id: str) -> None:
    element(tag, parent, text, {"id": heading_id})


def _link_list(parent: Element, from_uri: str, pages: list[LibraryPage], language: str) -> Element:
    items = element("ul", parent)
    for page in pages:
        _page_link(element("li", items), from_uri, page, language)
    return items


def _more_conditions(
    parent: Element, library: Library, from_uri: str, more: int, words: Words, language: str
) -> None:
    """After the first conditions a treatment is used for: how many more, and
    where every condition is listed."""
    section = SECTION_BY_TYPE[PageType.condition]
    one, many = _nouns(section, words)
    template = "And {count} more {noun}." if words is None else words["more_conditions"]
    more_text = template.format(count=more, noun=one if more == 1 else many)
    text = element("p", parent, more_text)
    index = library.section_index(section)
    if index is not None:
        listed = (
            "Every condition is listed on the {page} page."
            if words is None
            else words["every_condition_listed"]
        )
        before, _, after = listed.partition("{page}")
        text.text = f"{more_text} {before}"
        _page_link(text, from_uri, index, language).tail = after


def related_block(
    library: Library,
    src_uri: str,
    listings: Listings,
    words: Words = None,
    language: str = "en",
) -> str:
    """The "Related pages" block of a page, or "" when nothing relates to it."""
    shown = library.related_shown(src_uri)
    if not shown:
        return ""
    groups: dict[Relation, list[LibraryPage]] = {}
    for relation_link, page in shown:
        groups.setdefault(relation_link.relation, []).append(page)
    more_conditions = len(library.related_by(src_uri, Relation.used_for)) - len(
        groups.get(Relation.used_for, [])
    )

    def make() -> Element:
        nav = element(
            "nav",
            attributes={"class": f"hs-related {LISTING_CLASS}", "aria-labelledby": RELATED_ID},
        )
        _heading(nav, "h2", words["related_pages"] if words else RELATED_HEADING, RELATED_ID)
        for relation in Relation:
            pages = groups.get(relation)
            if not pages:
                continue
            if relation != Relation.related or len(groups) > 1:
                heading, heading_id = GROUP_HEADINGS[relation]
                if words is not None:
                    heading = words[heading_id.replace("-", "_")]
                _heading(nav, "h3", heading, heading_id)
            _link_list(nav, src_uri, pages, language)
            if relation == Relation.used_for and more_conditions:
                _more_conditions(nav, library, src_uri, more_conditions, words, language)
        return nav

    return listings.placeholder(RELATED_HEADING, make)


def page_list(
    library: Library,
    section: LibrarySection,
    from_uri: str,
    listings: Listings,
    words: Words = None,
    language: str = "en",
) -> str:
    """Every page of a section, by title, each with its description."""
    pages = library.in_section(section)
    if not pages:
        a_to_z = link_from(from_uri, A_TO_Z_PAGE)
        if words is None:
            return f"There are no {section.plural} on this site yet. See the [A to Z]({a_to_z}).\n"
        a_to_z_link = f"[{words['search_help_a_to_z']}]({a_to_z})"
        return words["no_pages_yet"].format(plural=_nouns(section, words)[1], a_to_z=a_to_z_link)

    def make() -> Element:
        listed = element("div", attributes={"class": f"hs-page-list {LISTING_CLASS}"})
        items = element("ul", listed)
        for page in pages:
            item = element("li", items)
            _page_link(item, from_uri, page, language)
            element("br", item).tail = f"  {page.description}"
        return listed

    return listings.placeholder(f"page_list('{section.page_type}')", make)


def a_to_z(
    library: Library, from_uri: str, listings: Listings, words: Words = None, language: str = "en"
) -> str:
    """Letter links, then every entry under its letter (in the page's language's order)."""
    groups = atoz.by_letter(atoz.entries(library.browsable(), language))
    nav_attributes = dict(_LETTERS_NAV)
    if words is not None:
        nav_attributes["aria-label"] = words["az_letters"]
    see = words["az_see"] if words is not None else "see"

    def shown(letter: str) -> str:
        return words["az_other"] if words is not None and letter == atoz.OTHER else letter

    def make() -> Element:
        whole = element("div", attributes={"class": f"hs-a-to-z {LISTING_CLASS}"})
        letters = element("ul", element("nav", whole, attributes=nav_attributes))
        for letter in atoz.letters_of(language):
            if letter in groups:
                listing.link(element("li", letters), f"#{atoz.letter_id(letter)}", shown(letter))
            elif letter != atoz.OTHER:
                element("li", letters, letter)
        for letter, found in groups.items():
            _heading(whole, "h2", shown(letter), atoz.letter_id(letter))
            items = element("ul", whole)
            for entry in found:
                item = element("li", items)
                if entry.see:
                    item.text = f"{entry.label}: {see} "
                _page_link(item, from_uri, entry.page, language)
        return whole

    return listings.placeholder("a_to_z()", make)


def _card(
    library: Library, section: LibrarySection, from_uri: str, words: Words, language: str
) -> str | None:
    pages = library.in_section(section)
    index = library.section_index(section)
    if not pages or index is None:
        return None
    lines = [
        f"-   **{link(from_uri, index, language)}**",
        "",
        f"    {escape(index.description)}",
        "",
    ]
    # Every page of a small section; beyond SHOWN_BY_NAME, the first ones and
    # "All N ...", so the home page stays the same size as the library grows.
    lines += [f"    - {link(from_uri, page, language)}" for page in pages[:SHOWN_BY_NAME]]
    if len(pages) > SHOWN_BY_NAME:
        everything = link_from(from_uri, index.src_uri)
        all_pages = "All {count}" if words is None else words["all_pages"]
        shown = all_pages.format(count=count(section, len(pages), words))
        lines += ["", f"    [{shown}]({everything})"]
    return "\n".join(lines)


def library_cards(
    library: Library, from_uri: str, words: Words = None, language: str = "en"
) -> str:
    """Home page cards: each section that has pages, then the A to Z."""
    cards = [
        card for section in SECTIONS if (card := _card(library, section, from_uri, words, language))
    ]
    a_to_z_page = library.pages.get(A_TO_Z_PAGE)
    if a_to_z_page is not None:
        cards.append(
            f"-   **{link(from_uri, a_to_z_page, language)}**\n\n"
            f"    {escape(a_to_z_page.description)}"
        )
    opening = f'<div class="grid cards {LISTING_CLASS}" markdown>'
    return f"{opening}\n\n" + "\n\n".join(cards) + "\n\n</div>\n"

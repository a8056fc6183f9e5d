"""What a library section's sidebar lists while one of its pages is rendered.

Library pages are out of mkdocs.yml's nav (``sections.py``), so that no page
carries the whole library. Listing only the page being shown left a reader on
a desktop with "Treatments" and one entry under it, as if there were only one
treatment. So, while a page of a section is rendered (``on_page_context``):

- a small section (at most ``SHOWN_BY_NAME`` pages, the limit of the home
  page's cards) is listed in full, in title order, the page itself in its
  place (Material puts its "On this page" links under it);
- a bigger one lists the page itself, then "All N conditions", a link to the
  section's page that lists them all: a page's size stays the same however
  large the library grows (``benchmarks/pagesize.py``).

The other pages are listed as links with the titles the library holds, not as
MkDocs pages: under ``mkdocs serve --dirty`` a page that was not rebuilt has
no title yet. ``unlist_after_render`` puts the section back as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

from healthsite.library.model import SHOWN_BY_NAME, Library, LibraryPage
from healthsite.library.render import count
from healthsite.library.sections import SECTIONS, LibrarySection, section_of
from healthsite.pages.language import page_key

SidebarItem = StructureItem  # a page, a link or a section


def _section_shown_by(src_uri: str) -> LibrarySection | None:
    """The section whose sidebar this page shows: the one holding it, or whose index it is."""
    found = section_of(src_uri)
    if found is not None:
        return found
    return next((section for section in SECTIONS if section.index_uri == src_uri), None)


class SectionSidebars:
    """Lists a section's pages in its sidebar while one of them is rendered."""

    def __init__(self, library: Library, words: Mapping[str, str] | None = None) -> None:
        # The words of the language being built (data/interface.yml); None: English.
        self._words = words
        self._pages = {section.folder: library.in_section(section) for section in SECTIONS}
        self._index_urls = {
            section.folder: index.url
            for section in SECTIONS
            if (index := library.section_index(section)) is not None
        }
        # The section being shown and its entries before the page was rendered.
        self._listed: tuple[Section, list[SidebarItem]] | None = None

    def entries(self, section: LibrarySection, page: Page) -> list[SidebarItem]:
        """What the sidebar lists under the section's own page while ``page`` is rendered."""
        pages = self._pages[section.folder]
        shown_uri = page_key(page.file)
        is_index = shown_uri == section.index_uri
        if len(pages) <= SHOWN_BY_NAME:
            listed: list[SidebarItem] = [
                page if listed.src_uri == shown_uri else _link(listed) for listed in pages
            ]
            if not is_index and not any(item is page for item in listed):
                listed.append(page)  # a page of the wrong type: reported, still shown
            return listed
        every_page = self._index_urls.get(section.folder)
        listed = [] if is_index else [page]
        if every_page is not None and not is_index:
            all_pages = "All {count}" if self._words is None else self._words["all_pages"]
            shown = all_pages.format(count=count(section, len(pages), self._words))
            listed.append(Link(shown, every_page))
        return listed

    def list_while_rendered(self, page: Page) -> None:
        """Fill the sidebar of the page's section (on_page_context)."""
        nav_section = page.parent
        section = _section_shown_by(page_key(page.file))
        if not isinstance(nav_section, Section) or section is None:
            return
        before: list[SidebarItem] = list(nav_section.children)
        self._listed = (nav_section, before)
        added = [item for item in self.entries(section, page) if item not in before]
        for item in added:
            item.parent = nav_section
        nav_section.children[:] = [*before, *added]

    def unlist_after_render(self) -> None:
        """Put the section back as it was (on_post_page)."""
        if self._listed is not None:
            nav_section, before = self._listed
            nav_section.children[:] = before
            self._listed = None


def _link(page: LibraryPage) -> Link:
    return Link(page.title, page.url)

"""The library's macros: ``page_list('condition')``, ``a_to_z()``, ``library_cards()``.

They write from the library (see ``render.py``), relative to the page
being built; the long listings are left to ``listings`` to put in the page.
A wrong argument is an editor's mistake: it is reported with the page and
line, like an unknown ``cite()`` key, and the build fails.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from healthsite.library import render
from healthsite.library.listing import Listings
from healthsite.library.model import Library
from healthsite.library.sections import SECTION_BY_TYPE, SECTIONS
from healthsite.pages.frontmatter import PageType
from healthsite.problems import Problem
from healthsite.textlines import first_line


@dataclass
class LibraryPage:
    """What the library's macros need of one page, and what they found wrong in it."""

    uri: str
    shown_as: str
    text: str
    # The page's language and its words (data/interface.yml); None: English.
    language: str = "en"
    words: Mapping[str, str] | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class LibraryMacros:
    """Macros over the library; told the library in on_nav.

    ``page`` hands back the page being built (its owner is the build's page
    state, healthsite/build/): Jinja calls the macros with their own arguments only.
    """

    page: Callable[[], LibraryPage]
    listings: Listings = field(default_factory=Listings)
    library: Library | None = None

    def _library(self) -> Library:
        if self.library is None:
            raise RuntimeError("a library macro ran before on_nav made the library")
        return self.library

    def page_list(self, page_type: str) -> str:
        """Macro: every page of one section, e.g. ``page_list('condition')``."""
        page = self.page()
        section = SECTION_BY_TYPE.get(PageType(page_type)) if page_type in set(PageType) else None
        if section is None:
            known = ", ".join(f"'{s.page_type}'" for s in SECTIONS)
            page.problems.append(
                Problem(
                    page.shown_as,
                    first_line(page.text, "page_list("),
                    "page_list",
                    f"'{page_type}' is not the page type of a section; expected one of {known}",
                )
            )
            return f"[unknown section {page_type}]"
        return render.page_list(
            self._library(), section, page.uri, self.listings, page.words, page.language
        )

    def a_to_z(self) -> str:
        """Macro: the A to Z of every condition, treatment and guide."""
        page = self.page()
        return render.a_to_z(self._library(), page.uri, self.listings, page.words, page.language)

    def library_cards(self) -> str:
        """Macro: a card for each section with pages, and the A to Z (the home page)."""
        page = self.page()
        return render.library_cards(self._library(), page.uri, page.words, page.language)

    def unplaced_listings(self, page: LibraryPage) -> list[Problem]:
        """A listing whose macro call was not on a line of its own, so it had
        no paragraph to take the place of (after the page's Markdown is converted)."""
        return [
            Problem(
                page.shown_as,
                first_line(page.text, made_by.split("(")[0] + "("),
                made_by.split("(")[0],
                f"{{{{ {made_by} }}}} is inside code or an HTML block, where its "
                "listing cannot go; expected the call on a line of its own, outside code and HTML",
            )
            for made_by in self.listings.take_unplaced()
            if "(" in made_by
        ]

"""The library as the build sees it: every page's title, type and relations.

Made once per build in ``on_nav``, from the front matter every page was
checked against, and read by the macros (lists, A to Z, home page cards), the
"Related pages" block, the JSON-LD and the feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import Files

from healthsite.library.relations import Link, Relation, Relations, find_relations
from healthsite.library.sections import SECTION_BY_TYPE, LibrarySection
from healthsite.pages.frontmatter import FrontMatter, PageType
from healthsite.pages.language import page_key

# A list of library pages that one page carries names at most this many by
# title: the conditions a treatment page is used for (and its JSON-LD), and
# each section's card on the home page. Beyond it, the list says how many
# there are and links to the full list on the section's page, so the page
# stays the same size however large the library grows; a small section is
# listed in full.
SHOWN_BY_NAME = 10


@dataclass(frozen=True)
class LibraryPage:
    """What lists and links say about one page."""

    src_uri: str
    title: str
    description: str
    page_type: PageType | None
    alternative_names: tuple[str, ...]
    # Site-relative address as MkDocs writes it, e.g. "conditions/crps/".
    url: str
    canonical_url: str
    # The language its title and description are in: "en" for an English page
    # shown untranslated in another language's site.
    language: str = "en"


def sort_key(text: str) -> str:
    return " ".join(text.casefold().split())


def link_from(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one page's source to another's (MkDocs checks it).

    ``posixpath.relpath`` of the two, for MkDocs' ``src_uri`` (plain relative
    paths, no ``.`` or ``..``), without its cost (it makes both paths absolute):
    the A to Z alone makes thousands of links (tests/test_library_model.py
    checks the two agree).
    """
    from_dir = from_uri.rpartition("/")[0]
    if not from_dir:
        return to_uri
    from_parts, to_parts = from_dir.split("/"), to_uri.split("/")
    common = 0
    for from_part, to_part in zip(from_parts, to_parts[:-1], strict=False):
        if from_part != to_part:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])


def _library_page(src_uri: str, front: FrontMatter, files: Files) -> LibraryPage:
    page_type = front.text_field("page_type")
    file = files.get_file_from_path(src_uri)
    page = file.page if file is not None else None
    return LibraryPage(
        src_uri=src_uri,
        title=front.text_field("title") or src_uri,
        description=front.text_field("description") or "",
        page_type=PageType(page_type) if page_type in set(PageType) else None,
        alternative_names=tuple(name for _, name in front.alternative_names()),
        url=page.url if page is not None else "",
        canonical_url=(page.canonical_url or "") if page is not None else "",
        language=front.language,
    )


@dataclass(frozen=True)
class Library:
    """Every page with front matter, by ``src_uri``, and how they relate."""

    pages: dict[str, LibraryPage]
    relations: Relations

    def of_type(self, page_type: PageType) -> list[LibraryPage]:
        """Pages of one type, in title order."""
        chosen = [page for page in self.pages.values() if page.page_type == page_type]
        return sorted(chosen, key=lambda page: sort_key(page.title))

    def in_section(self, section: LibrarySection) -> list[LibraryPage]:
        return self.of_type(section.page_type)

    def section_index(self, section: LibrarySection) -> LibraryPage | None:
        return self.pages.get(section.index_uri)

    def browsable(self) -> list[LibraryPage]:
        """The pages readers browse by: every page of a library section."""
        return [page for section in SECTION_BY_TYPE.values() for page in self.in_section(section)]

    def related(self, src_uri: str) -> list[tuple[Link, LibraryPage]]:
        """A page's related pages: typed ones in typed order, then the rest by title."""
        links = self.relations.of(src_uri)
        typed = [link for link in links if link.typed_here]
        found = sorted(
            (link for link in links if not link.typed_here),
            key=lambda link: sort_key(self.pages[link.target].title),
        )
        return [(link, self.pages[link.target]) for link in [*typed, *found]]

    def related_shown(self, src_uri: str) -> list[tuple[Link, LibraryPage]]:
        """What the page's "Related pages" block links to: its related pages, but
        only the first ``SHOWN_BY_NAME`` conditions a treatment is used for."""
        shown, used_for = [], 0
        for link, page in self.related(src_uri):
            if link.relation == Relation.used_for:
                used_for += 1
                if used_for > SHOWN_BY_NAME:
                    continue
            shown.append((link, page))
        return shown

    def related_by(self, src_uri: str, relation: Relation) -> list[LibraryPage]:
        return [page for link, page in self.related(src_uri) if link.relation == relation]


def build_library(front_matter: dict[str, FrontMatter], files: Files) -> Library:
    pages = {uri: _library_page(uri, front, files) for uri, front in front_matter.items()}
    known = frozenset(page_key(file) for file in files.documentation_pages())
    return Library(pages, find_relations(front_matter, known))

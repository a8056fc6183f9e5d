"""The library's sections: where each kind of page lives, and how readers reach it.

A library of hundreds of conditions cannot be listed in every page's sidebar
(each page would carry the whole list: see benchmarks/README.md, "Page size").
So a library page is not in mkdocs.yml's ``nav``: it lives in its section's
folder (``docs/conditions/``...), the build keeps it out of the sidebar
(MkDocs' ``not_in_nav``), lists it on the section's index page, in the A to Z
and on the home page, and places it under its section for the tabs and the
breadcrumbs ("Home > Conditions"). Only each section's index page is in the nav;
while a page is rendered, its section's sidebar lists the section's pages if
it is small (``sidebar.py``).

Adding a section (README, "Adding a section"): a page type in
``healthsite/pages/frontmatter.py``, a line in ``SECTIONS`` below, the
section's ``index.md`` and its two nav lines in mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from healthsite.pages.frontmatter import FrontMatter, PageType
from healthsite.pages.language import english_src_uri, page_key
from healthsite.problems import Problem
from healthsite.textlines import first_line

INDEX_PAGE = "index.md"


@dataclass(frozen=True)
class LibrarySection:
    """One kind of page readers browse, and the folder under docs/ that holds them."""

    page_type: PageType
    folder: str
    # How a count of them reads: "1 condition", "12 conditions".
    singular: str
    plural: str

    @property
    def index_uri(self) -> str:
        return f"{self.folder}/{INDEX_PAGE}"

    def holds(self, src_uri: str) -> bool:
        """True for a page of this section (its index page is not one of them),
        or a translation of one."""
        return src_uri.startswith(f"{self.folder}/") and english_src_uri(src_uri) != self.index_uri

    def count(self, number: int) -> str:
        return f"{number} {self.singular if number == 1 else self.plural}"


SECTIONS: tuple[LibrarySection, ...] = (
    LibrarySection(PageType.condition, "conditions", "condition", "conditions"),
    LibrarySection(PageType.treatment, "treatments", "treatment", "treatments"),
    LibrarySection(PageType.guide, "guides", "guide", "guides"),
)
SECTION_BY_TYPE: dict[PageType, LibrarySection] = {s.page_type: s for s in SECTIONS}


def in_nav(inclusion: InclusionLevel) -> bool:
    """``InclusionLevel.is_in_nav()``, which MkDocs 1.6 leaves without type hints."""
    level: int = inclusion.value
    return level > InclusionLevel.NOT_IN_NAV.value


def section_of(src_uri: str) -> LibrarySection | None:
    """The section whose folder holds this page, if any."""
    return next((section for section in SECTIONS if section.holds(src_uri)), None)


def keep_out_of_nav(files: Files) -> None:
    """Library pages are listed by the build, not in the sidebar (on_files).

    Set before MkDocs builds the navigation, so it does not report them as
    missing from it.
    """
    for file in files.documentation_pages():
        if section_of(file.src_uri) is not None and in_nav(file.inclusion):
            file.inclusion = InclusionLevel.NOT_IN_NAV


def _nav_section(nav: Navigation, section: LibrarySection) -> Section | None:
    index = next((page for page in nav.pages if page_key(page.file) == section.index_uri), None)
    return index.parent if index is not None else None


def place_in_sections(nav: Navigation, files: Files) -> None:
    """Put each library page under its section's nav entry (on_nav).

    The page is still not one of the section's children, so the sidebar does
    not list it; but as its parent, the section is marked active while the
    page is built (MkDocs sets ``active`` up the parents), so its tab is
    highlighted and the breadcrumbs read "Home > Conditions".
    """
    parents = {section.folder: _nav_section(nav, section) for section in SECTIONS}
    for file in files.documentation_pages():
        section = section_of(file.src_uri)
        page = file.page
        if section is None or not isinstance(page, Page) or page in nav.pages:
            continue
        page.parent = parents[section.folder]


def section_problems(
    pages: dict[str, FrontMatter], nav: Navigation, files: Files, config_name: str, config_text: str
) -> list[Problem]:
    """Library pages in the right folder and out of the nav; every section reachable."""
    problems = []
    for src_uri, front in sorted(pages.items()):
        problems += _folder_problems(src_uri, front)
    for page in nav.pages:
        section = section_of(page_key(page.file))
        if section is not None:
            problems.append(
                Problem(
                    config_name,
                    first_line(config_text, page.file.src_uri),
                    "nav",
                    f"{page.file.src_uri} is listed for readers by the build (in "
                    f"{section.index_uri}, the A to Z and the home page); expected no nav "
                    "line for it: remove this one",
                )
            )
    for section in SECTIONS:
        problems += _index_problems(section, nav, files, config_name)
    return problems


def _folder_problems(src_uri: str, front: FrontMatter) -> list[Problem]:
    page_type = front.text_field("page_type")
    if page_type not in set(PageType):
        return []  # reported by the front matter check
    in_folder = section_of(src_uri)
    expected = SECTION_BY_TYPE.get(PageType(page_type))
    line = front.line("page_type")
    if expected is not None and in_folder is not expected:
        return [
            Problem(
                front.shown_as,
                line,
                "page_type",
                f"a {page_type} page must be in docs/{expected.folder}/, where the build "
                f"lists it for readers; expected the page moved to docs/{expected.folder}/",
            )
        ]
    if in_folder is not None and expected is None:
        return [
            Problem(
                front.shown_as,
                line,
                "page_type",
                f"'{page_type}' pages are not listed in docs/{in_folder.folder}/; expected "
                f"page_type: {in_folder.page_type}, or the page moved out of that folder",
            )
        ]
    return []


def _index_problems(
    section: LibrarySection, nav: Navigation, files: Files, config_name: str
) -> list[Problem]:
    index: File | None = files.get_file_from_path(section.index_uri)
    if index is None:
        return [
            Problem(
                f"docs/{section.index_uri}",
                None,
                "page",
                f"is missing, so readers cannot browse the {section.plural}; expected the "
                f"section's index page, listing them with {{{{ page_list('{section.page_type}') "
                "}}",
            )
        ]
    page = index.page
    if isinstance(page, Page) and page in nav.pages and page.parent is None:
        return [
            Problem(
                config_name,
                None,
                "nav",
                f"{section.index_uri} must open a section of the nav, for the tabs and the "
                f"breadcrumbs; expected '- {section.plural.capitalize()}:' with "
                f"'- {section.index_uri}' indented below it",
            )
        ]
    return []

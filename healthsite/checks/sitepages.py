"""Checks over all pages at once: front matter, shared names, navigation, sections.

``check_site_pages`` runs in ``on_nav``: it builds the page index
(``healthsite/pages/index.py``), which every later step reads, and adds
these checks' problems to it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from healthsite.checks.review import overdue_problem, report_overdue, running_in_ci, today
from healthsite.library.sections import SECTION_BY_TYPE, in_nav, section_problems
from healthsite.pages.frontmatter import FrontMatter
from healthsite.pages.index import FrontMatterRead, SitePages, read_site_pages
from healthsite.pages.language import DEFAULT_LANGUAGE, page_key
from healthsite.problems import Problem
from healthsite.textlines import first_line

LIBRARY_TYPES = frozenset(str(page_type) for page_type in SECTION_BY_TYPE)
NAV_LINE = re.compile(r"nav:")


def _search_key(name: str) -> str:
    return " ".join(name.casefold().split())


def duplicate_alternative_names(pages: list[FrontMatter]) -> list[Problem]:
    """A name readers search by must lead to one page only."""
    first_seen: dict[str, tuple[FrontMatter, int]] = {}
    problems = []
    for page in sorted(pages, key=lambda page: page.shown_as):
        for index, name in page.alternative_names():
            key = _search_key(name)
            if key not in first_seen:
                first_seen[key] = (page, index)
                continue
            other, other_index = first_seen[key]
            where = "this page" if other is page else other.shown_as
            problems.append(
                Problem(
                    page.shown_as,
                    page.line("alternative_names", index),
                    "alternative_names",
                    f"'{name}' is also an alternative name of {where} "
                    f"(line {other.line('alternative_names', other_index)}); "
                    "a name readers search by must lead to one page, so keep it on one of them",
                )
            )
    return problems


def pages_missing_from_nav(
    files: Files, nav: Navigation, site: SitePages, config_file: Path
) -> list[Problem]:
    """Pages readers cannot reach from the menu (MkDocs only warns, in its own words).

    Condition, treatment and guide pages are not in the menu: the build lists
    them (healthsite/library/sections.py), and reports one outside its folder.
    """
    listed = {page_key(page.file) for page in nav.pages}
    problems = []
    for file in files.documentation_pages():
        if page_key(file) in listed or not in_nav(file.inclusion):
            continue
        front = site.front_matter.get(page_key(file))
        if front is not None and front.text_field("page_type") in LIBRARY_TYPES:
            continue
        title = (front and front.text_field("title")) or "Page title"
        problems.append(
            Problem(
                config_file.name,
                first_line(config_file.read_text(encoding="utf-8"), NAV_LINE.match),
                "nav",
                f"{file.src_uri} is not in the navigation, so readers cannot find it; add "
                f"'- {title}: {file.src_uri}'",
            )
        )
    return problems


def check_site_pages(
    files: Files,
    nav: Navigation,
    docs_dir_name: str,
    config_file: Path,
    language: str = DEFAULT_LANGUAGE,
    read: FrontMatterRead | None = None,
) -> SitePages:
    """Validate every page's front matter, then what pages must not share.

    In another language's build, its translations are checked (an English
    page shown there untranslated was checked by the English build), and
    every page is keyed by its English source path. ``read`` keeps what was
    read before (a new one reads every page).
    """
    docs_dir = config_file.parent / docs_dir_name
    site = read_site_pages(files, docs_dir_name, docs_dir, language, read)
    pages = list(site.front_matter.values())
    site.problems.extend(duplicate_alternative_names(pages))
    site.problems.extend(pages_missing_from_nav(files, nav, site, config_file))
    config_text = config_file.read_text(encoding="utf-8")
    site.problems.extend(
        section_problems(site.front_matter, nav, files, config_file.name, config_text)
    )
    if language == DEFAULT_LANGUAGE:
        on = today()
        overdue = [problem for page in pages if (problem := overdue_problem(page, on))]
        site.problems.extend(report_overdue(overdue, running_in_ci()))
    return site

"""Checks over all pages at once: front matter, shared names, navigation, sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from healthsite.checks.frontmatter import OVERSIZED_FIELD, FrontMatter, read_front_matter
from healthsite.checks.review import overdue_problem, report_overdue, running_in_ci, today
from healthsite.i18n.frontmatter import read_translation
from healthsite.i18n.language import (
    DEFAULT_LANGUAGE,
    english_src_uri,
    page_key,
    translation_language,
)
from healthsite.library.sections import SECTION_BY_TYPE, in_nav, section_problems
from healthsite.problems import Problem

LIBRARY_TYPES = frozenset(str(page_type) for page_type in SECTION_BY_TYPE)
NAV_LINE = re.compile(r"^nav:", re.MULTILINE)


@dataclass
class SitePages:
    """Validated front matter by ``src_path``, and every problem found."""

    front_matter: dict[str, FrontMatter] = field(default_factory=dict)
    # Pages whose front matter is too large once YAML aliases are expanded.
    oversized_front_matter: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


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


def _nav_line(config_file: Path) -> int | None:
    match = NAV_LINE.search(config_file.read_text(encoding="utf-8"))
    return match.string.count("\n", 0, match.start()) + 1 if match else None


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
                _nav_line(config_file),
                "nav",
                f"{file.src_uri} is not in the navigation, so readers cannot find it; add "
                f"'- {title}: {file.src_uri}'",
            )
        )
    return problems


PAGES_KEPT = 20_000


class FrontMatterRead:
    """Each page's checked front matter, by its name and text, for the process.

    Kept by the serve session (healthsite/build/), which outlives a build under
    `mkdocs serve`, so a rebuild parses only the pages that changed (at 1,000
    pages, parsing them all was half a second of every rebuild). The result
    depends on nothing but the text, so a page whose text is the same gets the
    same answer.
    """

    def __init__(self) -> None:
        self._before: dict[tuple[str, str], tuple[FrontMatter | None, tuple[Problem, ...]]] = {}

    def text(self, text: str, shown_as: str) -> tuple[FrontMatter | None, list[Problem]]:
        key = (shown_as, text)
        found = self._before.get(key)
        if found is None:
            if len(self._before) >= PAGES_KEPT:
                self._before.clear()
            front, problems = read_front_matter(text, shown_as)
            found = self._before[key] = (front, tuple(problems))
        return found[0], list(found[1])

    def file(self, file: File, docs_dir_name: str) -> tuple[FrontMatter | None, list[Problem]]:
        # content_string: a page a plugin generates has no file on disk.
        return self.text(file.content_string, f"{docs_dir_name}/{file.src_uri}")

    def translated(
        self, file: File, docs_dir_name: str, docs_dir: Path
    ) -> tuple[FrontMatter | None, list[Problem]]:
        """A translation's front matter, made whole with its English page's."""
        english_uri = english_src_uri(file.src_uri)
        english_shown_as = f"{docs_dir_name}/{english_uri}"
        english_path = docs_dir / english_uri
        english = None
        if english_path.is_file():
            english, _ = self.text(english_path.read_text(encoding="utf-8"), english_shown_as)
        shown_as = f"{docs_dir_name}/{file.src_uri}"
        return read_translation(file.content_string, shown_as, english, english_shown_as)


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
    read = read or FrontMatterRead()
    site = SitePages()
    docs_dir = config_file.parent / docs_dir_name
    for file in files.documentation_pages():
        if language != DEFAULT_LANGUAGE and translation_language(file.src_uri) == language:
            front, problems = read.translated(file, docs_dir_name, docs_dir)
        else:
            front, problems = read.file(file, docs_dir_name)
            if language != DEFAULT_LANGUAGE:
                problems = []
        site.problems.extend(problems)
        if any(problem.field == OVERSIZED_FIELD for problem in problems):
            site.oversized_front_matter.add(page_key(file))
        if front is not None:
            site.front_matter[page_key(file)] = front
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

"""The page index: every page's checked front matter, keyed by its English source path.

Built once per language's build (``on_nav``, by ``checks/sitepages.py``,
which adds the checks over all pages at once), then read by every later
step: the library, the macros, the feed, structured data, the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files

from healthsite.pages.frontmatter import OVERSIZED_FIELD, FrontMatter, read_front_matter
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    english_src_uri,
    page_key,
    translation_language,
)
from healthsite.pages.translated import read_translation
from healthsite.problems import Problem


@dataclass
class SitePages:
    """Validated front matter by ``src_path``, and every problem found."""

    front_matter: dict[str, FrontMatter] = field(default_factory=dict)
    # Pages whose front matter is too large once YAML aliases are expanded.
    oversized_front_matter: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


PAGES_KEPT = 20_000


class FrontMatterRead:
    """Each page's checked front matter, by its name and text, for the process.

    Kept by the serve session (healthsite/build/state.py), which outlives a
    build under `mkdocs serve`, so a rebuild parses only the pages that changed
    (at 1,000 pages, parsing them all was half a second of every rebuild). The
    result depends on nothing but the text, so a page whose text is the same
    gets the same answer.
    """

    def __init__(self) -> None:
        self._before: dict[tuple[str, str], tuple[FrontMatter | None, tuple[Problem, ...]]] = {}
        # Each translation's, by its text and its English page's.
        self._translated_before: dict[
            tuple[str, str, str, str | None], tuple[FrontMatter | None, tuple[Problem, ...]]
        ] = {}

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
        english_text = english_path.read_text(encoding="utf-8") if english_path.is_file() else None
        shown_as = f"{docs_dir_name}/{file.src_uri}"
        # Like the English pages': the answer depends on both texts only.
        key = (shown_as, file.content_string, english_shown_as, english_text)
        found = self._translated_before.get(key)
        if found is None:
            if len(self._translated_before) >= PAGES_KEPT:
                self._translated_before.clear()
            english = None if english_text is None else self.text(english_text, english_shown_as)[0]
            front, problems = read_translation(
                file.content_string, shown_as, english, english_shown_as
            )
            found = self._translated_before[key] = (front, tuple(problems))
        return found[0], list(found[1])


def read_site_pages(
    files: Files,
    docs_dir_name: str,
    docs_dir: Path,
    language: str = DEFAULT_LANGUAGE,
    read: FrontMatterRead | None = None,
) -> SitePages:
    """Every page's front matter, validated, with the problems each page has.

    In another language's build, its translations are read (an English page
    shown there untranslated was checked by the English build), and every
    page is keyed by its English source path. ``read`` keeps what was read
    before (a new one reads every page).
    """
    read = read or FrontMatterRead()
    site = SitePages()
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
    return site

"""The words a page's macros write, in the page's language.

Each shared data entry (a statistic, a warning sign, a glossary term, a
reviewer) keeps its number, level and source once, and its reader-visible
words in English, with their Spanish beside them in an ``es:`` map of the
same field names. A Spanish page gets the Spanish; a Spanish page using an
entry whose Spanish is missing fails the build, naming the data file, its
line and the field (not the page: the fix goes in the data file).
An English page shown untranslated in the Spanish site keeps its English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from healthsite.content.registry import DataFile
from healthsite.pages.language import DEFAULT_LANGUAGE
from healthsite.problems import Problem
from healthsite.yamlfile import line_of

# The name each field has in the data files (WarningSign.audience is written `for`).
WRITTEN_AS = {"audience": "for"}


@dataclass(frozen=True)
class MissingWording:
    """An entry a page used whose words are not in the page's language."""

    data_file: DataFile
    key: str
    field: str
    language: str


@dataclass
class PageWording:
    """One page's language, its interface words, and what it lacked (made once per page)."""

    words: Mapping[str, str]
    # The data files entries come from, by namespace (stats, warning_signs, glossary, reviewers).
    data_files: Mapping[str, DataFile]
    language: str = DEFAULT_LANGUAGE
    # The page, as its problems name it.
    used_by: str = ""
    missing: list[MissingWording] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return self.language != DEFAULT_LANGUAGE

    def of(self, entry: Any, name: str, namespace: str, key: str) -> Any:
        """``entry.name`` in the page's language (the English when the page is English)."""
        english = getattr(entry, name)
        if not self.translated or english is None:
            return english
        wording = getattr(entry, self.language, None)
        translated = getattr(wording, name, None) if wording is not None else None
        if translated is None or translated == []:
            found = MissingWording(self.data_files[namespace], key, name, self.language)
            if found not in self.missing:
                self.missing.append(found)
            return english
        return translated

    def problems(self) -> list[Problem]:
        """A problem for each entry the page used with no wording in its language."""
        problems = []
        for found in self.missing:
            data_file = found.data_file
            _, lines = data_file.read()
            written = WRITTEN_AS.get(found.field, found.field)
            has_map = (found.key, found.language) in lines
            line = line_of(lines, (found.key, found.language) if has_map else (found.key,))
            where = f"has no '{written}'" if has_map else "is missing"
            problems.append(
                Problem(
                    data_file.shown_as,
                    line,
                    f"{found.key}.{found.language}",
                    f"{where}; {self.used_by} uses this entry, so expected its "
                    f"{found.language} wording: '{written}:' under '{found.language}:' "
                    "beside the English",
                )
            )
        return problems

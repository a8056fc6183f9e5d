"""The glossary: one data file renders the glossary page and every tooltip.

``data/glossary.yml`` holds each term's definition once. The glossary page
lists them through the ``glossary_list()`` macro, and every other page gets
them as Markdown abbreviations (the ``abbr`` extension; Material shows them
as tooltips with ``content.tooltips``). The abbreviations are given to the
``abbr`` extension once, as its ``glossary`` (``healthsite/html/abbr.py``), rather
than appended to every page's Markdown: parsing the appended definitions cost
every page a few milliseconds, growing with the square of the number of terms
(benchmarks/README.md). The glossary page takes them off again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from healthsite.content.registry import DataFile, validate_entries
from healthsite.content.wording import PageWording
from healthsite.i18n.collation import sort_key
from healthsite.pages.language import DEFAULT_LANGUAGE
from healthsite.problems import Problem, field_path
from healthsite.validation import PlainText
from healthsite.yamlfile import line_of

GLOSSARY_PAGE = "glossary.md"
# A term shown as an abbreviation and its full name in brackets: "IV
# (intravenous)", "DMSO (dimethyl sulfoxide)". Only a short form in capitals:
# "Resonancia magnética (RM)" is a full name, its abbreviation in brackets.
_ABBREVIATION = re.compile(r"(?P<short>[A-Z][A-Z0-9]+) \((?P<full>[^()]+)\)")


class TermWording(BaseModel):
    """A glossary term in Spanish (``es:``)."""

    model_config = ConfigDict(extra="forbid")

    term: PlainText | None = Field(None, description="the term as the Spanish glossary shows it")
    definition: PlainText | None = Field(None, description="its meaning in plain Spanish")
    matches: list[PlainText] = Field(
        default_factory=list,
        description="the exact words on Spanish pages that get this definition as a tooltip",
    )


class Term(BaseModel):
    """One glossary entry, keyed by the term as the glossary shows it."""

    model_config = ConfigDict(extra="forbid")

    definition: PlainText = Field(
        description="a plain-language meaning, one or two short sentences"
    )
    matches: list[PlainText] = Field(
        default_factory=list,
        description="the exact words on pages that get this definition as a tooltip",
    )
    es: TermWording | None = Field(None, description="the Spanish of term, definition, matches")


@dataclass(frozen=True)
class _Shown:
    """A term's English name as a field, to look up its ``es.term`` like any other."""

    key: str
    entry: Term

    @property
    def term(self) -> str:
        return self.key

    @property
    def es(self) -> TermWording | None:
        return self.entry.es


class Glossary:
    """The terms, in the glossary's order, and what pages need from them."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = dict(sorted(terms.items(), key=lambda item: item[0].casefold()))

    def page_list(self, wording: PageWording | None = None) -> str:
        """Macro ``glossary_list()``: the glossary as a Markdown definition list,
        in the page's language and that language's alphabetical order."""
        if wording is None or not wording.translated:
            return "\n\n".join(
                f"{name}\n:   {' '.join(term.definition.split())}"
                for name, term in self.terms.items()
            )
        entries = [
            (
                wording.of(_Shown(name, term), "term", "glossary", name),
                wording.of(term, "definition", "glossary", name),
            )
            for name, term in self.terms.items()
        ]
        entries.sort(key=lambda entry: sort_key(entry[0], wording.language))
        return "\n\n".join(f"{name}\n:   {' '.join(text.split())}" for name, text in entries)

    def tooltips_in(self, language: str) -> dict[str, str]:
        """The ``abbr`` glossary for pages in ``language``: its words and definitions."""
        if language == DEFAULT_LANGUAGE:
            return self.tooltips
        return {
            match: " ".join(wording.definition.split())
            for term in self.terms.values()
            if (wording := getattr(term, language, None)) is not None and wording.definition
            for match in wording.matches
        }

    def no_tooltips_in(self, language: str) -> str:
        """``no_tooltips`` for the glossary page in ``language``."""
        if language == DEFAULT_LANGUAGE:
            return self.no_tooltips
        return "\n".join(f'*[{match}]: ""' for match in self.tooltips_in(language))

    def full_names(self, language: str) -> list[tuple[str, list[str]]]:
        """Each abbreviation's full name in ``language``, with the words pages
        use for it (the term's matches): from the terms shown as "DMSO
        (dimethyl sulfoxide)" (search: a reader who types the full name finds
        the page that says the abbreviation only)."""
        found = []
        for name, term in self.terms.items():
            shown, matches = name, term.matches
            if language != DEFAULT_LANGUAGE:
                wording = getattr(term, language, None)
                if wording is None or wording.term is None:
                    continue
                shown, matches = wording.term, wording.matches
            abbreviation = _ABBREVIATION.fullmatch(shown)
            if abbreviation and matches:
                found.append((abbreviation["full"], list(matches)))
        return found

    @cached_property
    def tooltips(self) -> dict[str, str]:
        """Each match of each term, and its definition: the ``abbr`` extension's glossary."""
        return {
            match: " ".join(term.definition.split())
            for term in self.terms.values()
            for match in term.matches
        }

    @cached_property
    def no_tooltips(self) -> str:
        """Markdown that takes every tooltip off a page (an empty abbreviation removes one)."""
        return "\n".join(f'*[{match}]: ""' for match in self.tooltips)


def _shared_matches(terms: dict[str, Term], data_file: DataFile) -> list[Problem]:
    """A word can show only one definition: each match belongs to one term."""
    owner: dict[str, str] = {}
    problems = []
    for name, term in terms.items():
        for match in term.matches:
            if match in owner:
                _, lines = data_file.read()
                problems.append(
                    Problem(
                        data_file.shown_as,
                        line_of(lines, (name, "matches")),
                        field_path((name, "matches")),
                        f"'{match}' is already a match of '{owner[match]}'; "
                        "a word can show only one definition, so keep it in one term",
                    )
                )
            owner.setdefault(match, name)
    return problems


def load_glossary(data_file: DataFile) -> tuple[Glossary, list[Problem]]:
    """Validate the glossary data file; return the usable terms and every problem."""
    terms, problems = validate_entries(Term, data_file)
    return Glossary(terms), problems + _shared_matches(terms, data_file)

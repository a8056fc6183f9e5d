"""The glossary: one data file renders the glossary page and every tooltip.

``data/glossary.yml`` holds each term's definition once. The glossary page
lists them through the ``glossary_list()`` macro, and every other page gets
them as Markdown abbreviations (the ``abbr`` extension; Material shows them
as tooltips with ``content.tooltips``). The abbreviations are appended by the
hook rather than by ``pymdownx.snippets`` auto-append, so there is no
generated file to keep in step with the data.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from healthsite.problems import Problem
from healthsite.registry import DataFile, _validate_entries

GLOSSARY_PAGE = "glossary.md"


class Term(BaseModel):
    """One glossary entry, keyed by the term as the glossary shows it."""

    model_config = ConfigDict(extra="forbid")

    definition: str = Field(
        min_length=1, description="a plain-language meaning, one or two short sentences"
    )
    matches: list[str] = Field(
        default_factory=list,
        description="the exact words on pages that get this definition as a tooltip",
    )


class Glossary:
    """The terms, in the glossary's order, and what pages need from them."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = dict(sorted(terms.items(), key=lambda item: item[0].casefold()))

    def page_list(self) -> str:
        """Macro ``glossary_list()``: the glossary as a Markdown definition list."""
        return "\n\n".join(
            f"{name}\n:   {' '.join(term.definition.split())}" for name, term in self.terms.items()
        )

    def abbreviations(self) -> str:
        """Markdown abbreviation definitions for every match of every term."""
        return "\n".join(
            f"*[{match}]: {' '.join(term.definition.split())}"
            for term in self.terms.values()
            for match in term.matches
        )


def load_glossary(data_file: DataFile) -> tuple[Glossary, list[Problem]]:
    terms, problems = _validate_entries(Term, data_file)
    return Glossary(terms), problems

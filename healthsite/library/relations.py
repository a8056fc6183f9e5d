"""Which pages belong together, typed once in front matter and shown on both pages.

- A condition page names its treatment pages in ``possible_treatments``; each
  treatment page then lists the conditions it is used for.
- Any page may name others in ``related_pages``; both pages list each other.

Every entry must be the path of a page under docs/; a mistake is reported
with the entry's own line, from the front matter's line map.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from healthsite.pages.frontmatter import FrontMatter, PageType
from healthsite.problems import Problem

TREATMENTS_FIELD = "possible_treatments"
RELATED_FIELD = "related_pages"
EXAMPLE_BY_FIELD = {
    TREATMENTS_FIELD: "the path of a treatment page under docs/, e.g. treatments/iv-ketamine.md",
    RELATED_FIELD: "the path of a page under docs/, e.g. conditions/crps.md",
}
DOCS_PREFIX = "docs/"


class Relation(StrEnum):
    """How a related page relates to the page that lists it."""

    treatment = "treatment"  # a treatment of this condition
    used_for = "used_for"  # a condition this treatment is used for
    related = "related"  # named in related_pages, on either of the two pages


@dataclass(frozen=True)
class Link:
    """One related page of a page: where it is, and how it relates."""

    target: str
    relation: Relation
    # True when this page's own front matter names it (kept in the typed order).
    typed_here: bool


@dataclass(frozen=True)
class _Entry:
    """One list item of possible_treatments or related_pages, where it was typed."""

    page: FrontMatter
    src_uri: str
    field: str
    index: int
    target: str

    @property
    def line(self) -> int | None:
        return self.page.line(self.field, self.index)

    def problem(self, message: str) -> Problem:
        return Problem(self.page.shown_as, self.line, self.field, message)


@dataclass
class Relations:
    """Every page's related pages, by ``src_uri``, and the mistakes found."""

    links: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)

    def of(self, src_uri: str) -> list[Link]:
        return list(self.links.get(src_uri, []))


def _entries(src_uri: str, front: FrontMatter) -> list[_Entry]:
    entries = []
    for name in (TREATMENTS_FIELD, RELATED_FIELD):
        listed = front.written.get(name)
        if not isinstance(listed, list):
            continue  # reported by the front matter check
        for index, target in enumerate(listed):
            if isinstance(target, str) and target.strip():
                entries.append(_Entry(front, src_uri, name, index, target.strip()))
    return entries


def _page_type(front: FrontMatter | None) -> str | None:
    return front.text_field("page_type") if front is not None else None


def _target_problem(
    entry: _Entry, pages: dict[str, FrontMatter], known: frozenset[str]
) -> str | None:
    """What is wrong with an entry on its own, if anything."""
    target, expected = entry.target, EXAMPLE_BY_FIELD[entry.field]
    if target not in known:
        hint = ""
        if target.startswith(DOCS_PREFIX) and target.removeprefix(DOCS_PREFIX) in pages:
            hint = f" (without 'docs/': {target.removeprefix(DOCS_PREFIX)})"
        return f"'{target}' is not a page of the site; expected {expected}{hint}"
    if target == entry.src_uri:
        return f"'{target}' is this page itself; expected another page"
    if entry.field == TREATMENTS_FIELD and target in pages:
        target_type = _page_type(pages[target])
        if target_type != PageType.treatment:
            return f"'{target}' is a {target_type} page; expected {expected}"
    return None


def _field_problem(src_uri: str, front: FrontMatter) -> Problem | None:
    page_type = _page_type(front)
    if front.written.get(TREATMENTS_FIELD) and page_type != PageType.condition:
        return Problem(
            front.shown_as,
            front.line(TREATMENTS_FIELD),
            TREATMENTS_FIELD,
            f"only condition pages list their treatments, and this is a {page_type} page; "
            f"expected {RELATED_FIELD}: for the pages it is related to",
        )
    return None


def find_relations(pages: dict[str, FrontMatter], known: frozenset[str]) -> Relations:
    """Read every page's typed relations; link both pages of each, once.

    ``known`` is every page of the site; a page whose front matter could not
    be read (already reported) is known but has no entry in ``pages``.
    """
    relations = Relations()
    # Each pair of pages, however it was typed, and the entry that typed it first.
    pairs: dict[frozenset[str], _Entry] = {}
    for src_uri, front in sorted(pages.items()):
        field_problem = _field_problem(src_uri, front)
        if field_problem is not None:
            relations.problems.append(field_problem)
            continue
        for entry in _entries(src_uri, front):
            message = _target_problem(entry, pages, known)
            if message is not None:
                relations.problems.append(entry.problem(message))
                continue
            if entry.target not in pages:
                continue
            pair = frozenset({src_uri, entry.target})
            first = pairs.get(pair)
            if first is not None:
                relations.problems.append(entry.problem(_typed_twice(entry, first)))
                continue
            pairs[pair] = entry
            _link(relations, entry)
    return relations


def _typed_twice(entry: _Entry, first: _Entry) -> str:
    if first.src_uri == entry.src_uri:
        return (
            f"'{entry.target}' is already listed on line {first.line}; expected each page "
            "listed once"
        )
    return (
        f"'{entry.target}' already lists this page ({first.page.shown_as}, line "
        f"{first.line}), and the build shows a relation on both pages; expected it typed "
        "once: remove this entry"
    )


def _link(relations: Relations, entry: _Entry) -> None:
    if entry.field == TREATMENTS_FIELD:
        relations.links[entry.src_uri].append(Link(entry.target, Relation.treatment, True))
        relations.links[entry.target].append(Link(entry.src_uri, Relation.used_for, False))
    else:
        relations.links[entry.src_uri].append(Link(entry.target, Relation.related, True))
        relations.links[entry.target].append(Link(entry.src_uri, Relation.related, False))

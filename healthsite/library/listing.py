"""Listings put into the page's tree as elements, not written as Markdown.

The A to Z, a section's list of pages and the "Related pages" block hold
one line per page, so at library scale they are the longest Markdown the
build writes: at 1,000 pages, parsing that Markdown back (lists, links,
inline patterns) cost more than two seconds of a build (benchmarks/README.md,
"Build cost, after i12d"). We know their structure, so we make it directly.

A macro (or the related-pages step) leaves a placeholder paragraph in the
page's Markdown and keeps the function that makes the listing. Our tree
processor runs right after Python-Markdown's inline step and swaps each
placeholder for its elements, so everything that ran on the Markdown version
afterwards still runs on them: the glossary tooltips (``abbr``), ``attr_list``,
the table of contents and its permalinks, prettify, and MkDocs' own link
step, which checks every ``.md`` link and turns it into the page's address,
as it did for the Markdown links. The built pages are byte for byte the same
(tests compare both); text is set as text, so a title's ``*`` or ``<`` is
shown as typed, as the Markdown version's escaping did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree  # noqa: N813 (as Python-Markdown names it)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Makes one listing's element, with the page's relative links.
MakeListing = Callable[[], etree.Element]
# Unlikely in an editor's text; the number makes each placeholder of a page unique.
_PLACEHOLDER = "hs-generated-listing-{number}-7c1e"
# After "inline" (20): our text is not Markdown. Before "prettify" (10),
# "attr_list" (8), "abbr" (7), "toc" (5) and MkDocs' link step (0).
_PRIORITY = 15


@dataclass
class Listings:
    """The listings of the page being built, by placeholder, until the page's
    Markdown is converted."""

    pending: dict[str, tuple[str, MakeListing]] = field(default_factory=dict)
    # What made each listing that found no place on the last page converted.
    unplaced: list[str] = field(default_factory=list)

    def placeholder(self, made_by: str, make: MakeListing) -> str:
        """Markdown standing for the listing: a paragraph of its own.
        ``made_by``: the macro call (or step) that asked for it, for a problem."""
        token = _PLACEHOLDER.format(number=len(self.pending) + 1)
        self.pending[token] = (made_by, make)
        return f"\n\n{token}\n\n"

    def take_unplaced(self) -> list[str]:
        unplaced, self.unplaced = self.unplaced, []
        return unplaced

    def put_in(self, root: etree.Element) -> None:
        """Replace each placeholder paragraph with its listing; forget them all."""
        if not self.pending:
            return
        # Placeholders are nearly always at the top level (the related-pages
        # block always is): look there first, then, only if one is left, inside.
        self._put_in_children(root)
        if self.pending:
            for parent in list(root.iter()):
                self._put_in_children(parent)
        # Left inside a list item, a table cell or code: reported (hooks.py).
        self.unplaced = [made_by for made_by, _ in self.pending.values()]
        self.pending.clear()

    def _put_in_children(self, parent: etree.Element) -> None:
        for index, child in enumerate(parent):
            if child.tag == "p" and child.text in self.pending and len(child) == 0:
                listing = self.pending.pop(child.text)[1]()
                listing.tail = child.tail
                parent[index] = listing


class _ListingsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, listings: Listings) -> None:
        super().__init__(md)
        self.listings = listings

    def run(self, root: etree.Element) -> None:
        self.listings.put_in(root)


class ListingsExtension(Extension):
    """Puts the page's listings in its tree (register one per build)."""

    def __init__(self, listings: Listings) -> None:
        super().__init__()
        self.listings = listings

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(
            _ListingsTreeprocessor(md, self.listings), "healthsite_listings", _PRIORITY
        )


# --- Making elements -----------------------------------------------------------


def element(
    tag: str,
    parent: etree.Element | None = None,
    text: str | None = None,
    attributes: dict[str, str] | None = None,
) -> etree.Element:
    """An element, appended to ``parent`` when given."""
    made = etree.Element(tag, attributes or {})
    if text is not None:
        made.text = text
    if parent is not None:
        parent.append(made)
    return made


def link(parent: etree.Element, href: str, text: str) -> etree.Element:
    return element("a", parent, text, {"href": href})

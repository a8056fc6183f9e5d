"""Two citation marks side by side are told apart by a comma: "1,2", not "12".

The comma is drawn by CSS (``sup.citation-mark--next::before`` in
docs/assets/site.css), so it is not in the page's text (search, the
readability check). It used to hang on the selector ``sup + sup``, but CSS
sibling selectors skip text: two marks with words between them matched too,
and a reader saw "weak.,2". Only the Markdown tree knows whether anything
stands between two marks (an element's ``tail`` holds the text after it), so
this tree processor decides and marks the second of each truly adjacent pair
with a class.
"""

from __future__ import annotations

from itertools import pairwise
from xml.etree import ElementTree as etree  # noqa: N813 (as Python-Markdown names it)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NEXT_MARK_CLASS = "citation-mark--next"
# After the footnotes' inline pattern (inline processing runs at 20) and the
# care cards (4), which move content; before nothing that splits text.
_PRIORITY = 2


def is_citation_mark(element: etree.Element) -> bool:
    """The footnotes extension's mark: ``<sup id="fnref:key">`` (``fnref2:key``...)."""
    return element.tag == "sup" and element.get("id", "").startswith("fnref")


def _add_class(element: etree.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class CitationMarks(Treeprocessor):
    """Marks each citation mark that directly follows another one."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for before, mark in pairwise(parent):
                if not (is_citation_mark(before) and is_citation_mark(mark)):
                    continue
                if before.tail is not None and before.tail.strip():
                    continue  # words between them: no comma
                # Only a space between: still side by side, and read "1,2", not "1 ,2".
                before.tail = None
                _add_class(mark, NEXT_MARK_CLASS)


class CitationMarksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        md.treeprocessors.register(CitationMarks(md), "healthsite_citation_marks", _PRIORITY)

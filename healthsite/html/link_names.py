"""The words of the section and footnote links as their names, not as tooltips.

Python-Markdown gives each heading's permalink (the ``¶`` link, toc's
``permalink_title``) and each footnote's back-link (``↩``, "Jump back to
footnote 1 in the text") their words as a ``title``. With Material's
``content.tooltips``, every ``title`` in the article becomes a tooltip
component when the page loads: on the CRPS page, 15 permalinks and 22
back-links were two thirds of the tooltips, and the work of setting them up
was most of what Lighthouse counted as blocking the main thread
(benchmarks/README.md, "Lighthouse"). As ``aria-label`` the words are the
link's name for screen readers (instead of the symbol) and nothing is set up
at page load; what is lost is the hover bubble that repeated them to mouse
users. The glossary's terms keep their tooltips.

A tree processor, not a pass over the written HTML: the links are elements
here, whatever order their attributes are written in.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree  # noqa: N813 (as Python-Markdown names it)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SYMBOL_LINK_CLASSES = frozenset({"headerlink", "footnote-backref"})
# After toc (5), which adds the permalinks, and the footnotes extension (50),
# which adds the back-links; after the care cards (4), which move headings.
_PRIORITY = 3


class SymbolLinkNames(Treeprocessor):
    """Each permalink's and footnote back-link's ``title`` becomes its ``aria-label``."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            title = link.get("title")
            if title is not None and link.get("class") in SYMBOL_LINK_CLASSES:
                del link.attrib["title"]
                link.set("aria-label", title)


class SymbolLinkNamesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        md.treeprocessors.register(SymbolLinkNames(md), "healthsite_link_names", _PRIORITY)

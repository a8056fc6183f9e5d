"""The glossary's tooltips in linear time: our own walk for the ``abbr`` extension.

Why we wrote our own: Python-Markdown's ``AbbrTreeprocessor`` (3.11) finds
where each element sits in its parent with ``list(parent).index(el)`` for
every element that has text after it, and after the prettify step nearly all
do. That is quadratic in the length of a list: the A to Z, the section lists
and a treatment's "used for" list each hold hundreds of items at library
scale (benchmarks/README.md, "Build cost, after i12d"). This walk knows each
child's position as it goes. Everything else is the extension's own: its
abbreviations (the glossary, and a page's own ``*[...]:`` lines, which the
extension's block processor still reads), its pattern, and its ``<abbr>``
elements, so pages come out byte for byte the same (tests/test_abbr.py
compares both on the same Markdown).

Registered by name after ``abbr`` (``give_tooltips_to_abbr``, in ``on_config``,
which also gives ``abbr`` the glossary's terms), it replaces the extension's
tree processor under the same name and priority.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as etree  # noqa: N813 (as Python-Markdown names it)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString

from healthsite.content.glossary import Glossary
from healthsite.problems import Problem

EXTENSION_NAME = "healthsite.html.abbr"
# The abbr extension's own name and priority for its tree processor.
_PROCESSOR_NAME = "abbr"
_PRIORITY = 7


class LinearAbbrTreeprocessor(AbbrTreeprocessor):
    """``AbbrTreeprocessor`` with the same output, walking each child list once."""

    # The abbreviations whose words are in the page being converted.
    _present: tuple[str, ...] = ()

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        # Children last to first, as the extension does, so that an <abbr>
        # inserted after child i never moves children before it.
        children = list(el)
        for index in range(len(children) - 1, -1, -1):
            child = children[index]
            if len(child) == 0 or self._may_match(child):
                self.iter_element(child)
            if child.tail:
                child.tail = self._wrap(child.tail, el, index + 1)
        if el.text:
            el.text = self._wrap(el.text, el, 0)

    def run(self, root: etree.Element) -> etree.Element | None:
        """The extension's ``run``, with a pattern of only the abbreviations
        whose words are somewhere in the page's text.

        Python's ``re`` tries every abbreviation at every character of the
        text (about 1 ms for the 30 KB of the CRPS page with the glossary's 22:
        benchmarks/README.md, "Issue 21: where the project's own CPU goes");
        a plain substring search for each is in C and far quicker. An abbreviation not in the
        text can match nowhere, so leaving it out changes no match; the rest
        keep the extension's order (longest first, then as listed).
        """
        if not self.abbrs:
            return None
        text = "\n".join(root.itertext())
        present = [key for key in self.abbrs if key in text]
        if not present:
            return None
        present.sort(key=len, reverse=True)
        self._present = tuple(present)
        self.RE = re.compile(f"\\b(?:{'|'.join(re.escape(key) for key in present)})\\b")
        self.iter_element(root)
        return None

    def _may_match(self, el: etree.Element) -> bool:
        """Whether the words of an abbreviation on the page are anywhere in ``el``'s
        text (its tail aside). Most of a page's blocks hold none, and a substring
        search of the block spares running the pattern over each of its pieces
        (the walk went from 1.8 to 1.0 ms on the CRPS page). A piece that matches
        holds the words, so a block that does not is skipped with nothing missed;
        the newline between pieces keeps words from running across two of them.
        """
        text = "\n".join(el.itertext())
        return any(key in text for key in self._present)

    def _wrap(self, text: str, parent: etree.Element, index: int) -> str:
        """Put each abbreviation in ``text`` into an <abbr> at ``index`` of ``parent``;
        return the text left before the first one."""
        # Most texts are the newlines prettify put between elements.
        if text.isspace() or isinstance(text, AtomicString) or self.RE is None:
            return text
        for match in reversed(list(self.RE.finditer(text))):
            title = self.abbrs[match.group(0)]
            if title:
                parent.insert(
                    index, self.create_element(title, match.group(0), text[match.end() :])
                )
                text = text[: match.start()]
        return text


class LinearAbbrExtension(Extension):
    """Replaces the ``abbr`` extension's tree processor; list it after ``abbr``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        if _PROCESSOR_NAME not in md.treeprocessors:
            return
        upstream = md.treeprocessors[_PROCESSOR_NAME]
        if not isinstance(upstream, AbbrTreeprocessor):
            return
        # The same dict the extension's block processor adds a page's own
        # abbreviations to, and that its reset() refills from the glossary.
        md.treeprocessors.register(
            LinearAbbrTreeprocessor(md, upstream.abbrs), _PROCESSOR_NAME, _PRIORITY
        )


def makeExtension(**kwargs: object) -> LinearAbbrExtension:  # noqa: N802 (Markdown's name)
    return LinearAbbrExtension(**kwargs)


def give_tooltips_to_abbr(
    extensions: list[str],
    extension_configs: dict[str, Any],
    glossary: Glossary,
    language: str,
    written: dict[int, dict[str, str]],
) -> list[Problem]:
    """Make every glossary match a tooltip on every page: the ``abbr`` extension's
    glossary (mkdocs.yml's ``markdown_extensions`` and their settings).

    ``written`` keeps mkdocs.yml's own abbr glossary, by the settings it is in,
    apart from the terms added (for the process: healthsite/build/state.py).
    """
    if "abbr" not in extensions:
        return [
            Problem(
                "mkdocs.yml",
                None,
                "markdown_extensions",
                "the glossary's tooltips need the 'abbr' extension; add '- abbr'",
            )
        ]
    settings = extension_configs.setdefault("abbr", {})
    # The same config serves each language's build in turn: keep what
    # mkdocs.yml gave, and only this language's terms.
    own = written.setdefault(id(settings), dict(settings.get("glossary", {})))
    settings["glossary"] = {**own, **glossary.tooltips_in(language)}
    # The same tooltips, found in linear time (this module says why).
    if EXTENSION_NAME not in extensions:
        extensions.insert(extensions.index("abbr") + 1, EXTENSION_NAME)
    return []

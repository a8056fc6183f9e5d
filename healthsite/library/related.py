"""The "Related pages" block, added to each page's Markdown before its references.

The block is made from front matter (``possible_treatments``,
``related_pages``), so a page must not type one of its own: a typed list
would be a second copy that drifts from the first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from healthsite.library.listing import Listings
from healthsite.library.model import Library
from healthsite.library.render import RELATED_HEADING, related_block
from healthsite.problems import Problem
from healthsite.textlines import first_line

TYPED_HEADING = re.compile(
    rf"^ {{0,3}}#{{1,6}}[ \t]+{re.escape(RELATED_HEADING)}[ \t]*(?:\{{[^}}]*\}})?[ \t#]*$",
    re.MULTILINE | re.IGNORECASE,
)


def typed_related_heading(markdown: str, shown_as: str, file_text: str) -> list[Problem]:
    """A "Related pages" heading the editor typed: the build writes it."""
    typed = TYPED_HEADING.search(markdown)
    if typed is None:
        return []
    heading = typed.group(0).strip()
    return [
        Problem(
            shown_as,
            first_line(file_text, lambda line: line.strip() == heading),
            "heading",
            f"'{heading}' is written by the build from the front matter; "
            "expected no such heading: remove it and its list, and name the pages in "
            "related_pages (or possible_treatments) instead",
        )
    ]


def with_related_pages(
    markdown: str,
    library: Library,
    src_uri: str,
    listings: Listings,
    words: Mapping[str, str] | None = None,
    language: str = "en",
) -> str:
    """The page with its "Related pages" block at the end; as it is when the
    editor typed one (``typed_related_heading`` reports it)."""
    if TYPED_HEADING.search(markdown) is not None:
        return markdown
    block = related_block(library, src_uri, listings, words, language)
    if not block:
        return markdown
    return f"{markdown.rstrip()}\n\n{block}"

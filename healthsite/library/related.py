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


def with_related_pages(
    markdown: str,
    library: Library,
    src_uri: str,
    shown_as: str,
    file_text: str,
    listings: Listings,
    words: Mapping[str, str] | None = None,
    language: str = "en",
) -> tuple[str, list[Problem]]:
    """The page with its "Related pages" block at the end, and any typed copy reported."""
    typed = TYPED_HEADING.search(markdown)
    if typed is not None:
        problem = Problem(
            shown_as,
            first_line(file_text, lambda line: line.strip() == typed.group(0).strip()),
            "heading",
            f"'{typed.group(0).strip()}' is written by the build from the front matter; "
            "expected no such heading: remove it and its list, and name the pages in "
            "related_pages (or possible_treatments) instead",
        )
        return markdown, [problem]
    block = related_block(library, src_uri, listings, words, language)
    if not block:
        return markdown, []
    return f"{markdown.rstrip()}\n\n{block}", []

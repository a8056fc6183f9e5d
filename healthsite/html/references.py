"""Where a page's references list is in its HTML, to leave it out cheaply.

Python-Markdown's footnotes extension writes the references list as one
``<div class="footnote">`` at the end of the article: on a cited page about
40% of the article's HTML. Pagefind skips it (``.footnote``) and the
readability check skips it (its text is not prose written for readers), but
both still had to read through it; cutting it out first saves that.
"""

from __future__ import annotations

import re

REFERENCES_START = '<div class="footnote">'
DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")


def references_span(html: str) -> tuple[int, int] | None:
    """Start and end of the first ``<div class="footnote">`` element, the
    ``div``s it holds included; None if there is none or it is not closed."""
    start = html.find(REFERENCES_START)
    if start == -1:
        return None
    depth = 0
    for tag in DIV_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start, tag.end()
    return None

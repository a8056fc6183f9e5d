"""Table column alignment as classes, not style attributes, under the page's CSP.

Python-Markdown writes a column aligned in a Markdown table (``---:``) as
``<td style="text-align: right;">``. The Content-Security-Policy
(``overrides/partials/csp.html``) allows no inline style, so the browser
ignores each such attribute and logs an error for it. A class does the same
through ``docs/assets/site.css``. (The tables extension's other way,
``use_align_attribute``, writes ``align``, which HTML5 made obsolete.)
"""

from __future__ import annotations

import re

ALIGNED_CELL = re.compile(r'<(?P<tag>td|th) style="text-align: (?P<align>left|right|center);">')


def align_cells_by_class(html: str) -> str:
    """``<td style="text-align: right;">`` becomes ``<td class="align-right">``."""
    return ALIGNED_CELL.sub(r'<\g<tag> class="align-\g<align>">', html)

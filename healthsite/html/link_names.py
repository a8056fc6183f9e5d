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
"""

from __future__ import annotations

import re

SYMBOL_LINK_TITLE = re.compile(
    r'(<a class="(?:headerlink|footnote-backref)" href="[^"]*") title="([^"]*)"'
)


def name_symbol_links(html: str) -> str:
    """Permalinks' and footnote back-links' ``title`` becomes their ``aria-label``."""
    return SYMBOL_LINK_TITLE.sub(r'\1 aria-label="\2"', html)

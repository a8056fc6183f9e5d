"""Readers' words for a page, fed to the search index from front matter.

Readers search for the names they know ("RSD", "causalgia", "ketamine drip")
and the symptoms they have. Pages list those words once, in front matter
(``alternative_names``, ``signs_or_symptoms``); this module adds them to the
page's entry in Material's search index as a hidden, boosted field, so nobody
types them twice in the text and they are not shown in results.

Material's search plugin has no setting for this: it indexes the rendered HTML
and, from front matter, only ``tags`` and ``search.boost``. Tags would be shown
as labels on every result and copied into the entry of every section; this
field is added to the page's first entry only, so it costs a few bytes a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.structure.pages import Page

from healthsite.plugins import SearchPlugin

KEYWORDS_FIELD = "keywords"
# As strong as a word in a page title (Material's default title boost).
KEYWORDS_BOOST = 1e3
FRONT_MATTER_FIELDS = ("alternative_names", "signs_or_symptoms")


def reader_terms(meta: Mapping[str, Any]) -> list[str]:
    """The words readers may search for, from a page's front matter."""
    terms: list[str] = []
    for field in FRONT_MATTER_FIELDS:
        terms.extend(str(term) for term in meta.get(field) or [])
    return terms


def register_keywords_field(search_plugin: SearchPlugin) -> None:
    """Tell the search index (and the browser's lunr) about the extra field."""
    fields = search_plugin.config["fields"]
    fields.setdefault(KEYWORDS_FIELD, {"boost": KEYWORDS_BOOST})


def add_reader_terms(search_plugin: SearchPlugin, page: Page) -> None:
    """Attach the page's reader terms to its top entry in the search index.

    Call after the search plugin has indexed the page (its ``on_page_context``).
    """
    terms = reader_terms(page.meta)
    if not terms:
        return
    # The page was indexed last: from the end, its entry is among the first seen
    # (from the start, finding every page's entry takes time growing as N squared).
    for entry in reversed(search_plugin.search_index.entries):
        if entry["location"] == page.url:
            entry[KEYWORDS_FIELD] = " ".join(terms)
            return

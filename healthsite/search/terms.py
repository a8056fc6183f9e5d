"""Readers' words for a page, and its description, given to the search index.

Readers search for the names they know ("RSD", "causalgia", "ketamine drip")
and the symptoms they have. Pages list those words once, in front matter
(``alternative_names``, ``signs_or_symptoms``). Pagefind indexes the built HTML
(``healthsite/search/pagefind.py``), so the words are written into the page,
right after its title, in one element with the ``hidden`` attribute: browsers
and screen readers skip it, Pagefind indexes its text with its highest weight
(``data-pagefind-weight``; a title has 7, body text 1). Pagefind gives an
attribute's text (``data-pagefind-index-attrs``) only the weight of body text,
which let a glossary entry outrank the CRPS page for "RSD".

Nobody types the words twice, and they are not shown in results: the search
box shows the page's description (``data-pagefind-meta``) for the page itself,
and excerpts only for its other sections.
"""

from __future__ import annotations

from html import escape

from healthsite.pages.frontmatter import PageMeta

# Pagefind's highest weight; a page title (h1) has 7, body text 1.
TERMS_WEIGHT = 10
TITLE_END = "</h1>"


def reader_terms(meta: PageMeta | None) -> list[str]:
    """The words readers may search for, from a page's checked front matter.

    Front matter with mistakes has no checked form (``None``): its problems,
    reported with their lines, fail the build, and it gives no words here.
    """
    if meta is None:
        return []
    return [*(meta.alternative_names or []), *(meta.signs_or_symptoms or [])]


def search_element(meta: PageMeta | None, description: str) -> str:
    """The hidden element that carries a page's description and reader terms.

    The terms are also its ``names`` field (``data-pagefind-meta``), which
    Pagefind 1.5 searches: it says of every page it finds whether the words
    matched its title or names, which search-readers.js ranks by before it
    fetches the best pages' fragments.
    """
    terms = reader_terms(meta)
    if not terms:
        return (
            f'<div data-pagefind-meta="description[data-description]" '
            f'data-description="{escape(description)}" hidden></div>'
        )
    names = ", ".join(terms)
    meta_attributes = (
        f'data-pagefind-meta="description[data-description], names[data-names]" '
        f'data-description="{escape(description)}" data-names="{escape(names)}"'
    )
    text = escape(names, quote=False)
    return f'<div {meta_attributes} data-pagefind-weight="{TERMS_WEIGHT}" hidden>{text}</div>'


def add_search_element(html: str, meta: PageMeta | None, description: str) -> str:
    """Put the search element right after the page's title (or first, if none)."""
    element = search_element(meta, description)
    end = html.find(TITLE_END)
    if end == -1:
        return element + html
    cut = end + len(TITLE_END)
    return html[:cut] + element + html[cut:]

"""Small repairs of Material's HTML that its templates give no block to override.

The W3C Nu Html Checker (tests/test_valid_html.py) must find no error on any
page. Prefer a template override in ``overrides/``; this module holds only
what sits outside every template block.
"""

from __future__ import annotations

import re

# base.html writes the drawer and search toggles straight into <body>, outside
# any block, as checkboxes with autocomplete="off". HTML allows autocomplete
# only on text-like inputs ("Attribute autocomplete is only allowed when the
# input type is ..."). Material added it so that Firefox would not restore a
# ticked box, and so an open menu or search, when a page is reloaded; without
# it Firefox may reopen them on reload (a click closes them). Removed here
# rather than by copying the 200-line base.html.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"'
    r' id="__(?:drawer|search)") autocomplete="off">'
)


def drop_toggle_autocomplete(html: str) -> str:
    """The page without ``autocomplete`` on Material's two toggle checkboxes."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html, count=2)


# A section whose only page is its index page (navigation.indexes; our
# Conditions, Treatments and Guides on every page but their own library pages,
# which are listed only while they are shown: healthsite/library/sections.py)
# gets no label with an id in nav-item.html, yet its <nav>
# still says aria-labelledby="<id>_label" ("must point to an element in the
# same document"). The section's title label is the right name: give it the id.
_LABELLED_BY = re.compile(r'aria-labelledby="(__nav_[\w]+)_label"')


def name_sections_by_their_title(html: str) -> str:
    """Point each section's missing ``aria-labelledby`` target at its title label."""
    for section in dict.fromkeys(_LABELLED_BY.findall(html)):
        if f'id="{section}_label"' in html:
            continue
        title = f'<label class="md-nav__title" for="{section}">'
        html = html.replace(
            title, f'<label class="md-nav__title" for="{section}" id="{section}_label">', 1
        )
    return html


# The table of contents' title is a label for the "__toc" toggle, which
# nav-item.html writes only under the page's own sidebar entry. A page the
# sidebar does not list (one left out of mkdocs.yml's nav) has no toggle, so the label points
# at nothing ("must be the ID of a non-hidden form control"): it loses `for`.
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def unlink_toc_title_without_toggle(html: str) -> str:
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_TITLE, '<label class="md-nav__title">', 1)


def repair_material_html(html: str) -> str:
    """Every repair above, for a page as written."""
    html = drop_toggle_autocomplete(html)
    return unlink_toc_title_without_toggle(name_sections_by_their_title(html))

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

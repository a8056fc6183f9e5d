"""Fill the Content-Security-Policy of each page with its inline scripts' hashes.

The policy itself is in ``overrides/partials/csp.html``. Material's base
template has a few small inline scripts (the site's base URL ``__md_scope``, the
saved light/dark palette, opening a tab named in the URL). Allowing them by
their SHA-256 hash instead of ``'unsafe-inline'`` keeps any other inline script
(say, one injected into a page) from running. Their text depends on the page's
depth in the site, so the hashes are computed per page, from the finished HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Written in the policy by overrides/partials/csp.html; replaced here.
HASHES_PLACEHOLDER = "'inline-script-hashes'"
# Only scripts a browser runs need a hash; JSON data blocks are not run.
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
SRC_ATTRIBUTE = re.compile(r"\bsrc=")
TYPE_ATTRIBUTE = re.compile(r"""\btype=["']?(?P<type>[^"'\s>]+)""")


def _runs_inline(attributes: str) -> bool:
    if SRC_ATTRIBUTE.search(attributes):
        return False
    declared = TYPE_ATTRIBUTE.search(attributes)
    return declared is None or declared["type"] not in DATA_SCRIPT_TYPES


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-...') for every inline script, in order."""
    hashes = []
    for script in INLINE_SCRIPT.finditer(html):
        if _runs_inline(script["attributes"]) and script["body"]:
            digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def fill_script_hashes(html: str) -> str:
    """Replace the policy's placeholder with the hashes of the page's scripts."""
    if HASHES_PLACEHOLDER not in html:
        return html
    return html.replace(HASHES_PLACEHOLDER, " ".join(inline_script_hashes(html)), 1)

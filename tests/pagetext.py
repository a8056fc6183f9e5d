"""What tests read out of a built page's HTML."""

from __future__ import annotations

import re

REFERENCE_LINK = re.compile(r'<li id="fn:\w+">.*?<a href="(https?://[^"]+)"', re.DOTALL)


def reference_urls(html: str) -> list[str]:
    """The URL of each entry in the page's References list, in order."""
    return REFERENCE_LINK.findall(html)

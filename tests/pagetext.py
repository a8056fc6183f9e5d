"""What tests read out of a page: its front matter, or its built HTML."""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.utils.yaml import yaml_load

from tests.sitebuild import ROOT

REFERENCE_LINK = re.compile(r'<li id="fn:\w+">.*?<a href="(https?://[^"]+)"', re.DOTALL)


def reference_urls(page_html: str) -> list[str]:
    """The URL of each entry in the page's References list, in order (``&amp;`` read as ``&``)."""
    return [html.unescape(url) for url in REFERENCE_LINK.findall(page_html)]


def front_matter(src_path: str) -> dict[str, Any]:
    """The front matter of a page of the checkout, e.g. ``conditions/crps.md``."""
    text = (ROOT / "docs" / src_path).read_text(encoding="utf-8")
    return yaml_load(text.split("---\n")[1])

"""No page carries a style attribute, which the Content-Security-Policy refuses."""

from __future__ import annotations

import re

from healthsite.html.tables import align_cells_by_class
from tests.sitebuild import Build

STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.IGNORECASE)


def test_aligned_table_cells_get_classes() -> None:
    html = '<tr><th style="text-align: right;">Pages</th><td style="text-align: center;">1</td>'
    assert align_cells_by_class(html) == (
        '<tr><th class="align-right">Pages</th><td class="align-center">1</td>'
    )


def test_no_built_page_has_a_style_attribute(built_site: Build) -> None:
    pages = sorted(built_site.site_dir.rglob("*.html"))
    assert pages
    styled = [
        str(page.relative_to(built_site.site_dir))
        for page in pages
        if STYLE_ATTRIBUTE.search(page.read_text(encoding="utf-8"))
    ]
    assert not styled, f"style attributes (blocked by the CSP) in: {', '.join(styled)}"

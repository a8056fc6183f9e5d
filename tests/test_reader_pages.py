"""Tests over "every page" find the pages from the build, not from a hand-kept list."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser import reader_pages
from tests.sitebuild import Build


def test_reader_pages_are_the_built_html_pages_but_the_error_page_and_redirects(
    tmp_path: Path,
) -> None:
    for path, html in {
        "index.html": "<title>Home</title>",
        "404.html": "<title>Not found</title>",
        "conditions/crps/index.html": "<title>CRPS</title>",
        "old-name/index.html": '<meta http-equiv="refresh" content="0; url=../conditions/crps/">',
        "a-to-z/index.html": "<title>A to Z</title>",
        "assets/extra/notes.txt": "not a page",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    assert reader_pages(tmp_path) == ["", "a-to-z/", "conditions/crps/"]


def test_reader_pages_are_the_pages_of_the_sitemap(built_site: Build) -> None:
    """Search engines and the browser tests see the same pages: none is missed by both."""
    sitemap = (built_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    root = min(urls, key=len)  # the home page
    assert all(url.startswith(root) for url in urls), urls
    # Less the English pages shown untranslated in the Spanish site: copies,
    # whose canonical link names the English page (healthsite/i18n/alternates.py).
    originals = [
        page
        for page in reader_pages(built_site.site_dir)
        if 'class="untranslated-notice"' not in built_site.page(page)
    ]
    assert sorted(url.removeprefix(root) for url in urls) == sorted(originals)
    assert len(urls) >= 5

"""Pagefind reads only each page's article, and makes the same index as from whole pages.

The build gives Pagefind a copy of each page holding only what it indexes
(healthsite/search/pagefind.py), which halves its time. Here the real
Pagefind indexes the whole built pages too, with the same options, and the
two indexes must be the same, file for file and byte for byte.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from healthsite.search.pagefind import EXCLUDED, PAGES_GLOB, ROOT_SELECTOR, what_pagefind_reads
from tests.sitebuild import Build

PAGE = (
    '<!doctype html>\n<html lang="en" class="no-js"><head><meta charset="utf-8">'
    "<title>CRPS - CRPS Info</title><script>var x = '<article>';</script></head>"
    '<body><header>Site header</header><article class="md-content__inner md-typeset">'
    "<h1>CRPS</h1><p>Text.</p><article><p>An editor's own article.</p></article>"
    "<p>More text.</p></article><footer>Footer</footer></body></html>"
)


def _differing_files(one: Path, other: Path) -> list[str]:
    """Names of files that differ or exist on one side only (empty if none)."""
    compared = filecmp.dircmp(one, other)
    different = compared.left_only + compared.right_only + compared.diff_files
    different += [
        name
        for name in compared.common_files
        if not filecmp.cmp(one / name, other / name, shallow=False)
    ]
    for folder in compared.common_dirs:
        different += [f"{folder}/{name}" for name in _differing_files(one / folder, other / folder)]
    return different


def test_the_index_is_the_one_pagefind_makes_from_the_whole_pages(
    built_site: Build, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site.site_dir, site, ignore=shutil.ignore_patterns("pagefind"))
    # English pages shown untranslated in the Spanish site are left out of its
    # index (healthsite/i18n/pages.py): leave them out of the whole site too.
    for page in (site / "es").rglob("*.html"):
        if 'class="untranslated-notice"' in page.read_text(encoding="utf-8"):
            page.unlink()
    command = [str(get_executable()), "--site", str(site), "--root-selector", ROOT_SELECTOR]
    command += [f"--exclude-selectors={selector}" for selector in EXCLUDED]
    command += ["--glob", PAGES_GLOB]
    subprocess.run(command, check=True, capture_output=True)
    ours, whole = built_site.site_dir / "pagefind", site / "pagefind"
    assert sorted(path.name for path in (ours / "fragment").iterdir())
    for part in ("index", "fragment"):
        assert _differing_files(ours / part, whole / part) == []
    # Parsed: with two languages, Pagefind writes them in either order.
    assert json.loads((ours / "pagefind-entry.json").read_bytes()) == json.loads(
        (whole / "pagefind-entry.json").read_bytes()
    )


def test_pagefind_reads_the_article_with_the_pages_language_and_title() -> None:
    read = what_pagefind_reads(PAGE)
    assert read.startswith('<!doctype html>\n<html lang="en" class="no-js">')
    assert "<title>CRPS - CRPS Info</title>" in read
    # The whole article, the editor's nested one included; nothing around it.
    assert "<p>An editor's own article.</p></article><p>More text.</p></article>" in read
    for outside in ("Site header", "Footer", "var x"):
        assert outside not in read


def test_a_page_without_the_article_is_given_whole() -> None:
    page = '<html lang="en"><head><title>x</title></head><body><p>Text.</p></body></html>'
    assert what_pagefind_reads(page) == page


def test_pagefind_is_not_given_the_references_list_it_skips() -> None:
    references = (
        '<div class="footnote"><hr><ol><li id="fn:1"><div class="source">Smith 2020.'
        "</div></li></ol></div>"
    )
    page = PAGE.replace("<p>More text.</p>", f"<p>More text.</p>{references}<div>After.</div>")
    read = what_pagefind_reads(page)
    assert "Smith 2020" not in read
    assert "footnote" not in read
    assert "<p>More text.</p><div>After.</div></article>" in read

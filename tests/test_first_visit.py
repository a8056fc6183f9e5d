"""A reader's first visit stays at most 100 KB gzip (issue 23: nothing of the
search loads then), and our own scripts reach readers minified
(healthsite/html/scripts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from benchmarks.reader import GOAL_KB, first_visit
from healthsite.html.scripts import SCRIPTS, minify_own_scripts
from tests.browser import SiteServer
from tests.sitebuild import Build

SOURCE = (
    "// Why the rule reads what it reads: a comment readers need not download.\n"
    "const RULE = /a b/g  // the rule\n"
    "function blank(text) {\n"
    '  return text.replace(RULE, " ")\n'
    "}\n"
)


def test_our_scripts_are_written_minified_from_their_source(tmp_path: Path) -> None:
    custom_dir, site_dir = tmp_path / "overrides", tmp_path / "site"
    (custom_dir / SCRIPTS).mkdir(parents=True)
    (site_dir / SCRIPTS).mkdir(parents=True)
    for name in ("help.js", "not-copied.js"):
        (custom_dir / SCRIPTS / name).write_text(SOURCE, encoding="utf-8")
    (site_dir / SCRIPTS / "help.js").write_text(SOURCE, encoding="utf-8")

    assert minify_own_scripts(custom_dir, site_dir) == [site_dir / SCRIPTS / "help.js"]
    built = (site_dir / SCRIPTS / "help.js").read_text(encoding="utf-8")
    assert "Why the rule" not in built
    assert "/a b/g" in built
    assert len(built) < len(SOURCE) / 2
    # Only what the build copied: no script appears that the site does not use.
    assert not (site_dir / SCRIPTS / "not-copied.js").exists()
    # A second language's build, or a rebuild, writes the same file again.
    minify_own_scripts(custom_dir, site_dir)
    assert (site_dir / SCRIPTS / "help.js").read_text(encoding="utf-8") == built


def _heaviest_page_of_each_language(site_dir: Path) -> list[str]:
    heaviest: dict[str, tuple[int, str]] = {}
    for html in site_dir.rglob("index.html"):
        path = html.parent.relative_to(site_dir).as_posix()
        language = "es" if path == "es" or path.startswith("es/") else "en"
        size = html.stat().st_size
        if size > heaviest.get(language, (0, ""))[0]:
            heaviest[language] = (size, "" if path == "." else f"{path}/")
    return sorted(path for _, path in heaviest.values())


@pytest.mark.browser
def test_the_heaviest_page_of_each_language_is_a_first_visit_of_at_most_100_kb(
    chromium: Browser, built_site: Build, site_server: SiteServer
) -> None:
    """Every page loads the same scripts and styles; the page with the most
    HTML of each language, found from the build, is the heaviest first visit
    (a phone, a cold cache, every request of the load, gzip as GitHub Pages
    sends it)."""
    pages = _heaviest_page_of_each_language(built_site.site_dir)
    assert len(pages) == 2, pages
    over = []
    for path in pages:
        weight = first_visit(chromium, site_server, path)
        if weight.gzip_bytes > GOAL_KB * 1000:
            over.append(f"/{path}: {weight.gzip_bytes / 1000:.1f} KB in {weight.requests} requests")
    assert over == [], f"first visits over {GOAL_KB} KB gzip:\n" + "\n".join(over)

"""Pagefind answers Material's search box; the first visit carries no index.

Material's search plugin writes every page's text into one
``search/search_index.json`` that every page fetches on load: 1.5 MB gzip at
1,000 pages (README, "Search"). Pagefind instead writes an index split into
chunks by word, and fetches only what a query needs, when it is typed.
Material's search box, keyboard handling and result list stay as they are:
Material talks to its search through a web worker, and the worker of
``overrides/assets/javascripts/search-worker.js`` answers it from Pagefind.

Here: Material's plugin keeps its settings but indexes no page (its
``search_index.json`` is a few hundred bytes, which the bundle still reads),
each page's ``__config`` names our worker, and Pagefind indexes the built site
once every page is written.

What Pagefind is given: as each page is written, its article (the root
selector), less its references list, with the page's ``<html lang>`` and
``<title>`` is written to a folder beside the site, under the page's own
path, and Pagefind indexes that folder into ``site/pagefind/``. Its index is
byte for byte the one it makes from the whole pages (checked on the 1,015
pages of the benchmark corpus and by tests/test_search_input.py), in half the
time: at 1,000 pages, 3 s of CPU instead of 6 s, a tenth of the build
(benchmarks/README.md).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

from healthsite.html.references import references_span
from healthsite.plugins import SearchPlugin
from healthsite.problems import log

WORKER = "assets/javascripts/search-worker.js"
MATERIAL_WORKER = re.compile(
    r'(?P<key>"search":\s*")(?P<prefix>[^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)
CONFIG_SCRIPT = 'id="__config"'
# What Pagefind reads of a page: the article only, without what every page
# repeats (review dates, the clinical-review and out-of-date translation
# notices, the safety note, the report link), permalinks, the references
# list, and the "Also called" line (its names are indexed once, weighted, by
# healthsite/search/terms.py).
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = (
    ".headerlink",
    ".page-review",
    ".clinical-review-notice",
    ".translation-outdated-notice",
    ".safety-note",
    ".report-problem",
    ".footnote",
    ".footnote-ref",
    ".also-called",
)
# Every page but the site's 404 page (which sits at the top, beside index.html).
PAGES_GLOB = "{index.html,*/**/*.html}"
# Pagefind's own search interfaces, which the site does not use (its worker
# imports pagefind.js): not published.
UNUSED_FILES = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js")


class SettingsOnlyIndex(SearchIndex):  # type: ignore[misc]  # Material ships no type hints
    """Material's search index with its settings and no page: Pagefind indexes pages."""

    def add_entry_from_context(self, page: Any) -> None:
        return None


def index_no_pages(plugin: SearchPlugin) -> None:
    """Keep Material's plugin (the search box) from indexing every page's text.

    Call after the plugin's own ``on_config``, which creates its index.
    """
    plugin.search_index = SettingsOnlyIndex(**plugin.config)


def use_pagefind_worker(html: str, language: str = "en") -> str:
    """Point a page's Material config at the worker that asks Pagefind, in
    the page's language (a worker has no page whose ``<html lang>`` Pagefind
    could read; search-worker.js reads ``?lang=``)."""
    if CONFIG_SCRIPT not in html:
        return html
    swapped, count = MATERIAL_WORKER.subn(
        lambda found: f'{found["key"]}{found["prefix"]}{WORKER}?lang={language}"', html, count=1
    )
    if count == 0:
        raise PluginError(
            "overrides: Material's page config names no search worker that "
            "healthsite/search/pagefind.py knows; check it after upgrading Material"
        )
    return swapped


# Links Pagefind reads and then drops (``.headerlink`` and ``.footnote-ref``
# are in EXCLUDED): a heading's permalink and a citation mark's number, as
# Python-Markdown writes them, about 120 on a cited page. Left out of what it
# is given, they cost it nothing (about 5% of its time at 1,000 pages,
# benchmarks/README.md), for the same index (tests/test_search_input.py). The
# citation mark's ``<sup>`` stays: Pagefind lists its ``id``.
EXCLUDED_LINK = re.compile(
    r'<a (?:aria-label="[^"<>]*" )?class="(?:headerlink|footnote-ref)" href="[^"<>]*"'
    r'(?: title="[^"<>]*")?>[^<]*</a>'
)
ARTICLE_START = re.compile(r'<article class="md-content__inner[" ][^>]*>')
ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
HTML_TAG = re.compile(r"<html\b[^>]*>")
TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)


def _without_references(article: str) -> str:
    """The article without its references list, which Pagefind skips
    (``.footnote`` in EXCLUDED): a third less for it to read, the same index
    (tests/test_search_input.py)."""
    span = references_span(article)
    return article if span is None else article[: span[0]] + article[span[1] :]


def what_pagefind_reads(page_html: str) -> str:
    """The part of a built page that Pagefind indexes: the article (``ROOT_SELECTOR``,
    nested articles and all), in the page's ``<html>`` element, with its title.
    The whole page if it has no such article."""
    start = ARTICLE_START.search(page_html)
    html_tag = HTML_TAG.search(page_html)
    if start is None or html_tag is None:
        return page_html
    depth = 0
    for tag in ARTICLE_TAG.finditer(page_html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            title = TITLE.search(page_html, 0, start.start())
            head = f"<head>{title.group(0) if title else ''}</head>"
            article = _without_references(page_html[start.start() : tag.end()])
            return f"<!doctype html>\n{html_tag.group(0)}{head}<body>{article}</body></html>\n"
    return page_html


class PagefindInput:
    """A folder mirroring the site's pages, each holding only what Pagefind reads.

    Kept for the life of the process: under ``mkdocs serve --dirty`` a rebuild
    writes only the saved page, and the others are still here to index.
    """

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def path(self) -> Path:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="pagefind-input-")
        return Path(self._folder.name)

    def clear(self) -> None:
        """Start a build whose site folder starts empty."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def add(self, dest_uri: str, page_html: str) -> str:
        """Write one page as it is written to the site (``page.file.dest_uri``);
        return what Pagefind will read of it."""
        target = self.path / dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: Pagefind may be reading the folder in the background.
        partial = target.with_name(f".{target.name}.partial")
        read = what_pagefind_reads(page_html)
        partial.write_text(EXCLUDED_LINK.sub("", read), encoding="utf-8")
        partial.replace(target)
        return read


def build_index(site_dir: Path, pages: Path | None = None, background: bool = False) -> None:
    """Index the built pages with Pagefind, into ``site_dir/pagefind/``.

    ``pages``: a ``PagefindInput`` folder to read instead of the site.
    ``background``: at low priority, so an editor's next rebuild under
    ``mkdocs serve --dirty`` is not slowed by it (healthsite/serving.py).
    """
    command = [str(get_executable()), "--site", str(pages or site_dir)]
    command += ["--output-path", str(site_dir / "pagefind"), "--root-selector", ROOT_SELECTOR]
    nice = shutil.which("nice")
    if background and nice:
        command = [nice, "-n", "15", *command]
    command += [f"--exclude-selectors={selector}" for selector in EXCLUDED]
    command += ["--glob", PAGES_GLOB]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
    for pattern in UNUSED_FILES:
        for unused in (site_dir / "pagefind").glob(pattern):
            unused.unlink()
    sort_entry_languages(site_dir / "pagefind" / "pagefind-entry.json")
    indexed = re.search(r"Indexed (\d+) pages", result.stdout)
    log.info("search: Pagefind indexed %s pages", indexed.group(1) if indexed else "the")


def sort_entry_languages(entry_file: Path) -> None:
    """Write Pagefind's list of languages in one order, whatever order it chose.

    Pagefind lists its languages in a different order from one run to the
    next, so two builds of the same site differed in this file, and each
    publish changed it on gh-pages for nothing. Its search script looks a
    language up by name, so the order means nothing to a reader.
    """
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    written = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_file.write_text(written, encoding="utf-8")

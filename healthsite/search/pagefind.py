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
"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

from healthsite.plugins import SearchPlugin

log = logging.getLogger("mkdocs.plugins.healthsite")

WORKER = "assets/javascripts/search-worker.js"
MATERIAL_WORKER = re.compile(
    r'(?P<key>"search":\s*")(?P<prefix>[^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)
CONFIG_SCRIPT = 'id="__config"'
# What Pagefind reads of a page: the article only, without what every page
# repeats (review dates, the clinical-review notice, the safety note, the
# report link), permalinks, the references list, and the "Also called" line
# (its names are indexed once, weighted, by healthsite/search/terms.py).
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = (
    ".headerlink",
    ".page-review",
    ".clinical-review-notice",
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


def use_pagefind_worker(html: str) -> str:
    """Point a page's Material config at the worker that asks Pagefind."""
    if CONFIG_SCRIPT not in html:
        return html
    swapped, count = MATERIAL_WORKER.subn(
        lambda found: f'{found["key"]}{found["prefix"]}{WORKER}"', html, count=1
    )
    if count == 0:
        raise PluginError(
            "overrides: Material's page config names no search worker that "
            "healthsite/search/pagefind.py knows; check it after upgrading Material"
        )
    return swapped


def build_index(site_dir: Path) -> None:
    """Index the built pages with Pagefind, into ``site_dir/pagefind/``."""
    command = [str(get_executable()), "--site", str(site_dir), "--root-selector", ROOT_SELECTOR]
    command += [f"--exclude-selectors={selector}" for selector in EXCLUDED]
    command += ["--glob", PAGES_GLOB]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
    for pattern in UNUSED_FILES:
        for unused in (site_dir / "pagefind").glob(pattern):
            unused.unlink()
    indexed = re.search(r"Indexed (\d+) pages", result.stdout)
    log.info("search: Pagefind indexed %s pages", indexed.group(1) if indexed else "the")

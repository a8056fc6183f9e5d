"""What tests read out of a page: its front matter, or its built HTML."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from healthsite.links.locate import page_source
from tests.browser import reader_pages
from tests.sitebuild import ROOT, Build

REFERENCE_LINK = re.compile(r'<li id="fn:\w+">.*?<a href="(https?://[^"]+)"', re.DOTALL)
MATERIAL_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def reference_urls(page_html: str) -> list[str]:
    """The URL of each entry in the page's References list, in order (``&amp;`` read as ``&``)."""
    return [html.unescape(url) for url in REFERENCE_LINK.findall(page_html)]


def material_config(page_html: str) -> dict[str, Any]:
    """The settings Material's script reads from the page (its ``__config``):
    ``base`` (the site's root, relative to the page), ``search`` (the search
    worker's address, relative to the page), ``version``."""
    found = MATERIAL_CONFIG.search(page_html)
    assert found is not None, "the page has no Material config"
    config: dict[str, Any] = json.loads(found.group(1))
    return config


def one_page_per_search_setting(
    pages: Mapping[str, Path], version_of: Callable[[str], str] = lambda _: ""
) -> set[str]:
    """The first of ``pages`` (name: its built ``index.html``) for each
    version (``version_of`` the name) and each pair of settings a page gives
    Material's search: the site's root and the search worker's address, both
    relative to the page (``material_config``: ``base`` and ``search``, which
    names the page's language). A search finds every address it asks for
    from these, so two pages that give the same ask for the same."""
    chosen: dict[tuple[str, str, str], str] = {}
    for name, page_html in pages.items():
        config = material_config(page_html.read_text(encoding="utf-8"))
        chosen.setdefault((version_of(name), config["base"], config["search"]), name)
    return set(chosen.values())


def front_matter(src_path: str) -> dict[str, Any]:
    """The front matter of a page of the checkout, e.g. ``conditions/crps.md``."""
    return _front_matter_of((ROOT / "docs" / src_path).read_text(encoding="utf-8"))


def _front_matter_of(text: str) -> dict[str, Any]:
    return yaml_load(text.split("---\n")[1])


@dataclass(frozen=True)
class BuiltPage:
    """A page of a build that has a Markdown source in the checkout."""

    url_path: str  # e.g. "conditions/crps/", "" for the home page
    html: str
    meta: dict[str, Any]  # its front matter


def built_pages(site: Build) -> Iterator[BuiltPage]:
    """Every reader page the build wrote from a page of docs/, with its front matter.

    Found from the build output (``reader_pages``), so a new page is covered
    without an edit; the front matter is read from the project that was built
    (``tests/sitebuild.py`` builds a copy into its ``site/``).
    """
    project = site.site_dir.parent
    for url_path in reader_pages(site.site_dir):
        if url_path.startswith("es/"):
            # The Spanish site: a translation's front matter holds only its
            # words (tests/test_languages.py, tests/test_spanish_site.py).
            continue
        source = page_source(url_path, project)
        if source is None:
            continue
        html_file = site.site_dir / url_path / "index.html"
        meta = _front_matter_of((project / source).read_text(encoding="utf-8"))
        yield BuiltPage(url_path, html_file.read_text(encoding="utf-8"), meta)

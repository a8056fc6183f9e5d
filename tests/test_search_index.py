"""Readers' words reach the search index once per page; no page's text is in the first visit."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from healthsite.search.pagefind import sort_entry_languages, use_pagefind_worker
from tests.pagetext import front_matter
from tests.sitebuild import ROOT, Build, build

DOCS = ROOT / "docs"
READER_TERMS = {"alternative_names", "signs_or_symptoms"}

HIDDEN_TERMS = re.compile(
    r'<div data-pagefind-meta="[^"]*" data-description="[^"]*" data-names="(?P<names>[^"]*)" '
    r'data-pagefind-weight="10" hidden>(?P<terms>[^<]*)</div>'
)


def url_path(src_path: str) -> str:
    """``conditions/crps.md`` -> ``conditions/crps/``; ``index.md`` -> ``""``."""
    path = src_path.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else f"{path}/"


def test_alternative_names_and_symptoms_are_indexed_once_per_page(built_site: Build) -> None:
    """Pages are found from docs/: those whose front matter lists readers' words
    carry them once, hidden; every other page carries none."""
    sources = sorted(
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if not path.name.endswith(".es.md")  # the Spanish site's: tests/test_languages.py
    )
    found_terms = {
        url_path(src): list(HIDDEN_TERMS.finditer(built_site.page(url_path(src))))
        for src in sources
    }
    with_terms = {
        path: [unescape(found["terms"]) for found in terms] for path, terms in found_terms.items()
    }
    # The same words are the page's `names` field, which Pagefind searches
    # and says a result matched (search-readers.js ranks by it).
    assert all(
        unescape(found["names"]) == unescape(found["terms"])
        for terms in found_terms.values()
        for found in terms
    )
    expected = {url_path(src) for src in sources if set(front_matter(src)) & READER_TERMS}

    assert "treatments/iv-ketamine/" in expected
    assert {path for path, terms in with_terms.items() if terms} == expected
    assert all(len(terms) <= 1 for terms in with_terms.values())
    [crps_terms] = with_terms["conditions/crps/"]
    meta = front_matter("conditions/crps.md")
    for term in [*meta["alternative_names"], *meta["signs_or_symptoms"]]:
        assert term in crps_terms


def test_pagefind_indexes_every_page_but_the_404_page(built_site: Build) -> None:
    bundle = built_site.site_dir / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    # The English site's pages (the Spanish site's: tests/test_languages.py).
    built_pages = [
        path
        for path in built_site.site_dir.rglob("index.html")
        if "pagefind" not in path.parts and path.relative_to(built_site.site_dir).parts[0] != "es"
    ]

    assert entry["languages"]["en"]["page_count"] == len(built_pages)
    assert (bundle / "pagefind.js").is_file()
    assert not list(bundle.glob("pagefind-*ui.js")), "Pagefind's own interfaces are not used"


def test_material_search_index_holds_settings_but_no_page(built_site: Build) -> None:
    """Material's bundle fetches this file on every page: it must stay small."""
    index_file = built_site.site_dir / "search" / "search_index.json"
    index = json.loads(index_file.read_text())

    assert index["docs"] == []
    assert index["config"]["lang"] == ["en"]
    assert index_file.stat().st_size < 1000


def test_pages_ask_the_pagefind_worker(built_site: Build) -> None:
    for path in ("", "conditions/crps/"):
        config = re.search(
            r'<script id="__config" type="application/json">(.*?)</script>',
            built_site.page(path),
            re.DOTALL,
        )
        assert config is not None
        # Told the language of the page, whose index it searches (healthsite/search/pagefind.py).
        worker = json.loads(config.group(1))["search"]
        assert worker.endswith("assets/javascripts/search-worker.js?lang=en")


def test_site_without_search_fails_saying_how_to_fix(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search:\n      lang: en\n", ""))

    result = build(project)

    assert result.returncode != 0
    assert "mkdocs.yml: plugins: Material's search plugin is not active" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_material_config_fails_the_build_saying_why() -> None:
    """After a Material upgrade that renames its worker, search must not silently break."""
    page = '<script id="__config" type="application/json">{"search": "assets/x.js"}</script>'
    with pytest.raises(PluginError, match="names no search worker"):
        use_pagefind_worker(page)
    assert use_pagefind_worker("<p>no Material config here</p>") == "<p>no Material config here</p>"


def test_pagefind_languages_are_written_in_one_order(tmp_path: Path) -> None:
    """Two builds of the same site give the same entry file (Pagefind's own order varies)."""
    entry_file = tmp_path / "pagefind-entry.json"
    written_by_pagefind = {
        "version": "1.5.2",
        "languages": {
            "es": {"hash": "es_1", "page_count": 23},
            "en": {"hash": "en_1", "page_count": 23},
        },
        "include_characters": ["_", "‿"],
    }
    entry_file.write_text(json.dumps(written_by_pagefind, ensure_ascii=False), encoding="utf-8")
    sort_entry_languages(entry_file)
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "es"]
    assert entry == written_by_pagefind
    assert "‿" in entry_file.read_text(encoding="utf-8")

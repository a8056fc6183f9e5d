"""Readers' words reach the search index once per page, not once per section."""

from __future__ import annotations

import json
from pathlib import Path

from tests.pagetext import front_matter
from tests.sitebuild import ROOT, Build, build


def _pages_with_reader_terms() -> set[str]:
    """Each page whose front matter lists words readers search by, as its URL."""
    pages = set()
    for source in (ROOT / "docs").rglob("*.md"):
        src_path = source.relative_to(ROOT / "docs").as_posix()
        meta = front_matter(src_path)
        if meta.get("alternative_names") or meta.get("signs_or_symptoms"):
            pages.add(src_path.removesuffix(".md") + "/")
    return pages


def test_alternative_names_and_symptoms_are_indexed_once_per_page(built_site: Build) -> None:
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    with_keywords = {
        entry["location"]: entry["keywords"] for entry in index["docs"] if "keywords" in entry
    }
    meta = front_matter("conditions/crps.md")

    assert "guides/diagnosis/" in with_keywords
    assert set(with_keywords) == _pages_with_reader_terms()
    crps_terms = with_keywords["conditions/crps/"]
    for term in [*meta["alternative_names"], *meta["signs_or_symptoms"]]:
        assert term in crps_terms
    assert index["config"]["fields"]["keywords"] == {"boost": 1000.0}


def test_site_without_search_fails_saying_how_to_fix(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search:\n      lang: en\n", ""))

    result = build(project)

    assert result.returncode != 0
    assert "mkdocs.yml: plugins: Material's search plugin is not active" in result.output
    assert "Traceback" not in result.output

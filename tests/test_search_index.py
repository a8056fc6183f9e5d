"""Readers' words reach the search index once per page, not once per section."""

from __future__ import annotations

import json
from pathlib import Path

from tests.pagetext import front_matter
from tests.sitebuild import ROOT, Build, build

DOCS = ROOT / "docs"
READER_TERMS = {"alternative_names", "signs_or_symptoms"}


def test_alternative_names_and_symptoms_are_indexed_once_per_page(built_site: Build) -> None:
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    with_keywords = {
        entry["location"]: entry["keywords"] for entry in index["docs"] if "keywords" in entry
    }
    meta = front_matter("conditions/crps.md")
    pages_with_terms = {
        f"{path.relative_to(DOCS).with_suffix('').as_posix()}/"
        for path in DOCS.rglob("*.md")
        if set(front_matter(path.relative_to(DOCS).as_posix())) & READER_TERMS
    }

    assert "treatments/iv-ketamine/" in pages_with_terms
    assert set(with_keywords) == pages_with_terms
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
